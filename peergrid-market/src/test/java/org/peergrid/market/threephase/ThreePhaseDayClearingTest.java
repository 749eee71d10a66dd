package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * The bundled example examples/ieee13-3ph (twelve prosumers on the IEEE 13-node feeder, eleven on one
 * phase, batteries, a three-phase generator; PVUR ≤ 5 %, 0.96-1.06 p.u.) cleared over its 24 hours:
 * the AC check passes after the AC correction (voltages and unbalance), the DLMPs of one bus's phases
 * differ where the feeder's unbalance binds, and the DLMPs equal finite differences of the day's minimum cost.
 */
class ThreePhaseDayClearingTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  /** An evening hour at the peak of the feeder's own load, when the unbalance limit binds. */
  private static final int PEAK = 18;
  private static ThreePhaseScenario scenario;
  private static ThreePhaseDayClearing clearing;

  @BeforeAll
  static void load() {
    scenario = ScenarioLoader.loadThreePhase(EXAMPLE);
    clearing = new ThreePhaseDayClearing(scenario, ThreePhaseDayClearing.model(scenario));
  }

  /**
   * The voltages and the unbalance are corrected into their limits and the AC check passes. On
   * LinDist3Flow at no load the power flow's PVUR exceeds the LP's by ~0.6 points at the evening peak, so
   * the correction holds the LP's PVUR that far below the example's 5 % (docs/opendss.md). At 4.5 %, the
   * example's limit before, that was infeasible: {@link #atFourPointFivePercentTheUnbalanceCannotBeCorrected}.
   */
  @Test
  void theExampleClearsWithItsVoltagesAndItsUnbalanceCorrected() {
    ThreePhaseMarket market = ThreePhaseMarket.solve(clearing);
    assertThat(market.day().optimal()).isTrue();
    assertThat(market.acPassed()).as("AC check after %d clearings", market.rounds()).isTrue();
    assertThat(market.unbalanceCorrectionInfeasible()).isFalse();
    assertThat(market.rounds()).isGreaterThan(1);
    double limit = scenario.network().unbalancePu();
    double largestPvur = 0;
    for (int t = 0; t < 24; t++) {
      largestPvur = Math.max(largestPvur, market.largestUnbalance(t));
    }
    assertThat(largestPvur).isLessThanOrEqualTo(limit + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    assertThat(market.worstViolationPu()).isZero();
    assertThat(market.acChecks()).hasSize(24).allSatisfy(r -> assertThat(r.result().converged()).isTrue());
    double lowest = Double.POSITIVE_INFINITY;
    for (ThreePhaseAcCheck.Report r : market.acChecks()) {
      lowest = Math.min(lowest, r.result().vmPu(r.lowestNode()));
    }
    assertThat(lowest).isGreaterThanOrEqualTo(scenario.network().vminPu() - 1e-6);
    // the corrected LP holds its unbalance proxy well below the limit in the evening, by about the model's error
    double[] uncorrected = clearing.clear().intervals().get(PEAK).voltagePu2();
    System.out.printf(Locale.ROOT, "ieee13-3ph uncorrected LP PVUR at %d:00 %.4f%n", PEAK,
        ThreePhaseMarket.pvur(k -> Math.sqrt(uncorrected[k]), clearing.model().network()));
    assertThat(market.largestLinearUnbalance(PEAK)).isLessThan(limit - 0.004);
    // the DLMP settlement balances: participants' net = utility bill + DSO surplus
    MechanismOutcome dlmp = market.settle(new DlmpMechanism());
    assertThat(dlmp.status()).isEqualTo(SettlementStatus.SETTLED);
    System.out.printf(Locale.ROOT, "ieee13-3ph: cost %.2f, %d clearings, lowest AC voltage %.5f, PVUR LP %.4f AC %.4f"
        + " at %d:00%n", market.day().cost(), market.rounds(), lowest, market.largestLinearUnbalance(PEAK),
        market.largestUnbalance(PEAK), PEAK);
  }

  /**
   * The example at 4.5 %, its limit before: holding the LP 0.6 points below it is infeasible, so the
   * correction keeps the unbalance margins that were feasible, corrects the voltages alone, and the check
   * does not pass, reporting the unbalance left.
   */
  @Test
  void atFourPointFivePercentTheUnbalanceCannotBeCorrected(@TempDir Path dir) throws IOException {
    ThreePhaseScenario tight = ScenarioLoader.loadThreePhase(ThreePhaseExample.withUnbalance(dir, "0.045"));
    ThreePhaseMarket market = ThreePhaseMarket.solve(new ThreePhaseDayClearing(tight,
        ThreePhaseDayClearing.model(tight)));
    assertThat(market.day().optimal()).isTrue();
    assertThat(market.acPassed()).as("AC check after %d clearings", market.rounds()).isFalse();
    assertThat(market.unbalanceCorrectionInfeasible()).isTrue();
    double largestPvur = 0;
    for (int t = 0; t < 24; t++) {
      largestPvur = Math.max(largestPvur, market.largestUnbalance(t));
    }
    assertThat(largestPvur).isGreaterThan(0.045 + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    assertThat(market.worstViolationPu()).isCloseTo(largestPvur - 0.045, within(1e-12));
    for (ThreePhaseAcCheck.Report r : market.acChecks()) {
      assertThat(r.result().vmPu(r.lowestNode())).isGreaterThanOrEqualTo(tight.network().vminPu() - 1e-6);
    }
  }

  /** On the corrected day, the one `clear` settles, the unbalance limit the correction tightened binds. */
  @Test
  void phasesOfAnUnbalancedBusArePricedApart() {
    ThreePhaseDay day = ThreePhaseMarket.solve(clearing).day();
    ThreePhaseClearingResult peak = day.intervals().get(PEAK);
    double a = price(peak, "675", 1);
    double b = price(peak, "675", 2);
    double c = price(peak, "675", 3);
    System.out.printf(Locale.ROOT, "675 at %d:00: a %.4f, b %.4f, c %.4f (energy %.4f)%n", PEAK, a, b, c,
        peak.prices().get(0).energy());
    assertThat(Math.abs(a - b)).isGreaterThan(0.05);
    // at night nothing binds: every phase at the tariff
    ThreePhaseClearingResult night = day.intervals().get(2);
    for (PhasePrice p : night.prices()) {
      assertThat(p.dlmp()).isCloseTo(scenario.tariff().importPrice().get(2), within(1e-9));
    }
  }

  /**
   * One bus-phase's load moved by ±δ in one interval, the whole day re-solved: the central difference
   * of the day's cost over 2δΔt against the DLMP, at single-phase and three-phase buses, behind the
   * 4.16/0.48 kV transformer (634), in an interval where the limits bind and in one where they do not.
   * At the example's 5 % the LP without AC tightening does not bind in the evening (every DLMP the
   * tariff), so this runs at 4.5 %, the example's limit before, where the unbalance rows bind.
   */
  @Test
  void dlmpsEqualFiniteDifferencesOfTheDaysCost(@TempDir Path dir) throws IOException {
    ThreePhaseScenario tight = ScenarioLoader.loadThreePhase(ThreePhaseExample.withUnbalance(dir, "0.045"));
    ThreePhaseDayClearing tightClearing = new ThreePhaseDayClearing(tight, ThreePhaseDayClearing.model(tight));
    ThreePhaseDay base = tightClearing.clear();
    double delta = 0.1;
    double hours = tight.horizon().hours();
    LinDist3Flow model = tightClearing.model();
    record Probe(int t, String bus, int node) {}
    List<Probe> probes = List.of(new Probe(PEAK, "675", 1), new Probe(PEAK, "675", 2), new Probe(PEAK, "675", 3),
        new Probe(PEAK, "611", 3), new Probe(PEAK, "652", 1), new Probe(PEAK, "684", 3), new Probe(PEAK, "634", 1),
        new Probe(PEAK, "632", 2), new Probe(12, "675", 1));
    double worst = 0;
    List<Double> peak675 = new ArrayList<>();
    for (Probe p : probes) {
      LinDist3Flow.Port port = model.wye(p.bus(), p.node());
      double up = tightClearing.clearWithExtraLoad(p.t(), port, delta).cost();
      double down = tightClearing.clearWithExtraLoad(p.t(), port, -delta).cost();
      double difference = (up - down) / (2 * delta * hours);
      double dlmp = base.intervals().get(p.t()).prices().stream().filter(x -> x.port().equals(port)).findFirst()
          .orElseThrow().dlmp();
      System.out.printf(Locale.ROOT, "t=%d %s.%d: DLMP %.6f, finite difference %.6f%n", p.t(), p.bus(), p.node(), dlmp,
          difference);
      worst = Math.max(worst, Math.abs(difference - dlmp));
      if (p.t() == PEAK && p.bus().equals("675")) {
        peak675.add(dlmp);
      }
      assertThat(difference).as("%s.%d at %d", p.bus(), p.node(), p.t()).isCloseTo(dlmp, within(1e-6));
    }
    // the unbalance rows bind at the peak: the phases of 675 priced apart
    assertThat(Math.abs(peak675.get(0) - peak675.get(1))).isGreaterThan(0.05);
    System.out.printf(Locale.ROOT, "largest |finite difference - DLMP| %.2e%n", worst);
  }

  /**
   * The example with {@code line_limit_a: {Line.684611: 72}} (the single-phase lateral to 611, phase c):
   * where the limit binds (22:00, the batteries recharging at the night price) the DLMPs behind the line carry a
   * congestion part, and they still equal finite differences of the day's cost.
   */
  @Test
  void aLineLimitPricesCongestionThatFiniteDifferencesConfirm(@TempDir Path dir) throws IOException {
    ThreePhaseScenario limited = ScenarioLoader.loadThreePhase(ThreePhaseExample.withLineLimit(dir, "Line.684611",
        "72"));
    assertThat(limited.network().lineLimitAmps()).containsEntry("line.684611", 72.0);
    ThreePhaseDayClearing lineClearing = new ThreePhaseDayClearing(limited, ThreePhaseDayClearing.model(limited));
    ThreePhaseDay base = lineClearing.clear();
    assertThat(base.optimal()).isTrue();
    LinDist3Flow model = lineClearing.model();
    LinDist3Flow.Port port611 = model.wye("611", 3);
    // the hour where the limit is worth most
    int busiest = 0;
    PhasePrice at611 = null;
    for (int t = 0; t < limited.horizon().intervals(); t++) {
      PhasePrice p = base.intervals().get(t).prices().stream().filter(x -> x.port().equals(port611)).findFirst()
          .orElseThrow();
      if (at611 == null || Math.abs(p.congestion()) > Math.abs(at611.congestion())) {
        at611 = p;
        busiest = t;
      }
    }
    int hour = busiest;
    System.out.printf(Locale.ROOT, "611.3 at %d:00 behind a 72 A limit: DLMP %.6f (congestion %.6f)%n", hour,
        at611.dlmp(), at611.congestion());
    assertThat(at611.congestion()).isGreaterThan(0.01);
    double delta = 0.1;
    for (String[] bp : new String[][] {{"611", "3"}, {"684", "3"}, {"652", "1"}}) {
      LinDist3Flow.Port port = model.wye(bp[0], Integer.parseInt(bp[1]));
      double difference = (lineClearing.clearWithExtraLoad(hour, port, delta).cost()
          - lineClearing.clearWithExtraLoad(hour, port, -delta).cost()) / (2 * delta * limited.horizon().hours());
      double dlmp = base.intervals().get(hour).prices().stream().filter(p -> p.port().equals(port)).findFirst()
          .orElseThrow().dlmp();
      System.out.printf(Locale.ROOT, "  %s.%s: DLMP %.6f, finite difference %.6f%n", bp[0], bp[1], dlmp, difference);
      assertThat(difference).isCloseTo(dlmp, within(1e-6));
    }
  }

  private static double price(ThreePhaseClearingResult r, String bus, int node) {
    LinDist3Flow.Port port = clearing.model().wye(bus, node);
    return r.prices().stream().filter(p -> p.port().equals(port)).findFirst().orElseThrow().dlmp();
  }
}
