package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.LinDist3Flow.Injection;
import org.peergrid.grid.threephase.LinDist3Flow.Port;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;

/**
 * The three-phase clearing on a small unbalanced LV feeder: a three-phase main (source → b1 → b2) and
 * a single-phase lateral (b2 phase a → h1), loads heaviest on phase a, so phase a's far end sags
 * below 0.95 p.u. unless local generation runs. DLMPs are checked against finite differences of the
 * minimum cost.
 */
class ThreePhaseClearingTest {
  private static LinDist3Flow model;

  @BeforeAll
  static void feeder(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("small.dss");
    Files.writeString(f, String.join("\n",
        "Clear",
        "Set DefaultBaseFrequency=50",
        "New Circuit.small basekv=0.416 pu=1.0 R1=0.001 X1=0.002 R0=0.001 X0=0.002",
        "New LineCode.lv nphases=3 units=km rmatrix=[0.30 | 0.10 0.30 | 0.10 0.10 0.30]"
            + " xmatrix=[0.25 | 0.10 0.25 | 0.09 0.10 0.25]",
        "New Line.l1 bus1=sourcebus bus2=b1 linecode=lv length=0.25 units=km",
        "New Line.l2 bus1=b1 bus2=b2 linecode=lv length=0.25 units=km",
        "New Line.lat bus1=b2.1 bus2=h1.1 phases=1 r1=0.5 x1=0.1 r0=0.5 x0=0.1 c1=0 c0=0 length=0.1 units=km",
        "Set VoltageBases=[0.416]", "CalcVoltageBases", ""));
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(f));
    model = new LinDist3Flow(new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()));
  }

  private static List<Injection> loads() {
    List<Injection> loads = new ArrayList<>();
    loads.add(new Injection(model.wye("h1", 1), -12, -4));
    loads.add(new Injection(model.wye("b2", 1), -8, -2.5));
    loads.add(new Injection(model.wye("b2", 2), -3, -1));
    loads.add(new Injection(model.wye("b2", 3), -5, -1.5));
    for (int phase = 1; phase <= 3; phase++) {
      loads.add(new Injection(model.wye("b1", phase), -4, -1.3));
    }
    return loads;
  }

  private static List<PhaseOffer> offers() {
    return List.of(
        new PhaseOffer("battery at h1 (phase a)", List.of(model.wye("h1", 1)), 0, 15, 0.30),
        new PhaseOffer("chp at b1 (three-phase)", List.of(model.wye("b1", 1), model.wye("b1", 2), model.wye("b1", 3)),
            0, 20, 0.25));
  }

  private static List<Port> pricedPorts() {
    return List.of(model.wye("h1", 1), model.wye("b2", 1), model.wye("b2", 2), model.wye("b2", 3), model.wye("b1", 1),
        model.wye("b1", 2));
  }

  private static ThreePhaseClearingResult clear(List<Injection> fixed, ThreePhaseClearing.Limits limits) {
    return new ThreePhaseClearing(model, fixed, offers(), 0.20, 0.05, limits).clear(pricedPorts());
  }

  static void check(ThreePhaseClearing.Limits limits, boolean voltageBinds) {
    // 0.01 kW: small enough to stay in the optimal basis (the dispatch moves by about that much), large
    // enough that GLOP's objective accuracy (~1e-10 money/h here) is far below the 1e-6 tolerance
    ThreePhaseClearingResult base = DlmpFiniteDifferences.assertMatch(model, loads(), offers(), 0.20, 0.05, limits,
        pricedPorts(), 0.01, 1e-6);
    // the binding limit shows in phase a's far end: it prices above the other phases, through the part
    // named; and demand on phase c relieves phase a (the phase coupling), so its part is negative there
    PhasePrice far = base.prices().get(0);
    PhasePrice phaseC = base.prices().get(3);
    assertThat(far.dlmp()).isGreaterThan(base.prices().get(2).dlmp());
    assertThat(voltageBinds ? far.voltage() : far.unbalance()).isGreaterThan(0.01);
    assertThat(voltageBinds ? phaseC.voltage() : phaseC.unbalance()).isLessThan(-0.01);
  }

  @Test
  void dlmpsEqualFiniteDifferencesWithABindingVoltageLimit() {
    check(new ThreePhaseClearing.Limits(0.95, 1.05, Double.POSITIVE_INFINITY), true);
  }

  @Test
  void dlmpsEqualFiniteDifferencesWithABindingUnbalanceLimit() {
    check(new ThreePhaseClearing.Limits(0.95, 1.05, 0.02), false);
  }

  /**
   * The AC check of the clearing with the binding voltage limit: the power flow on the dispatch agrees
   * with the LP's linear voltages within LinDist3Flow's error bound at every node, and the node the LP
   * held at 0.95 p.u. is where the power flow finds the lowest voltage.
   */
  @Test
  void acCheckAgreesWithTheLinearVoltagesWithinTheBound() {
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.95, 1.05, Double.POSITIVE_INFINITY);
    ThreePhaseClearingResult cleared = clear(loads(), limits);
    ThreePhaseAcCheck.Report ac = ThreePhaseAcCheck.check(model, loads(), offers(), cleared);
    assertThat(ac.result().converged()).isTrue();
    int far = model.wye("h1", 1).plus();
    // the LP's own voltages are those of the clearing
    assertThat(ac.linearPu2()[far]).isCloseTo(cleared.voltagePu2()[far], within(1e-12));
    assertThat(Math.sqrt(cleared.voltagePu2()[far])).isCloseTo(0.95, within(1e-7));
    for (int k = model.network().firstNode()[1]; k < model.network().nodeCount(); k++) {
      double vm = ac.result().vmPu(k);
      assertThat(Math.abs(vm * vm - ac.linearPu2()[k])).isLessThanOrEqualTo(ac.boundPu2()[k] + 1e-9);
    }
    assertThat(ac.lowestNode()).isEqualTo(far);
    System.out.printf(Locale.ROOT, "three-phase AC check: h1.1 at %.5f pu in the power flow where the LP held %.5f;"
        + " largest |V| difference %.2e pu; losses %.3f kW (the LP is lossless)%n", ac.result().vmPu(far),
        Math.sqrt(cleared.voltagePu2()[far]), ac.largestDifferencePu(), ac.result().lossesKw());
  }

  /**
   * The AC correction: tightening the limits by the power flow's shortfall brings h1.1 up to 0.95 p.u.
   * in the power flow itself, at a higher cost than the uncorrected clearing.
   */
  @Test
  void acCorrectionBringsThePowerFlowInsideTheLimits() {
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.95, 1.05, Double.POSITIVE_INFINITY);
    ThreePhaseClearingResult plain = clear(loads(), limits);
    ThreePhaseAcCorrection.Outcome corrected = ThreePhaseAcCorrection.clear(model, loads(), offers(), 0.20, 0.05, limits,
        pricedPorts(), 1e-6, 10);
    assertThat(corrected.passed()).isTrue();
    assertThat(corrected.rounds()).isGreaterThan(1);
    int far = model.wye("h1", 1).plus();
    double uncorrected = ThreePhaseAcCheck.check(model, loads(), offers(), plain).result().vmPu(far);
    // inside the limit now; margins only grow, so it may end above 0.95, but by less than the violation
    // it corrected (the model's error changes only at second order as the dispatch moves)
    assertThat(corrected.ac().result().vmPu(far)).isGreaterThanOrEqualTo(0.95 - 1e-6);
    assertThat(corrected.ac().result().vmPu(far) - 0.95).isLessThan(0.95 - uncorrected);
    assertThat(corrected.cleared().costPerHour()).isGreaterThan(plain.costPerHour());
    System.out.printf(Locale.ROOT, "three-phase AC correction: %d clearings; h1.1 at %.7f pu in the power flow; the LP"
        + " holds it at %.5f; cost %.4f per hour against %.4f uncorrected%n", corrected.rounds(),
        corrected.ac().result().vmPu(far), Math.sqrt(corrected.cleared().voltagePu2()[far]),
        corrected.cleared().costPerHour(), plain.costPerHour());
  }

  /**
   * A thermal limit of 80 A on line l1 (source → b1): phase a carries about 110 A for the loads alone,
   * so the units downstream must run; the DLMPs get a congestion part, checked by finite differences,
   * and the power flow on the dispatch finds phase a's current within the model's error of the limit.
   */
  @Test
  void dlmpsEqualFiniteDifferencesWithABindingBranchLimit() {
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.90, 1.10, Double.POSITIVE_INFINITY);
    List<ThreePhaseClearing.BranchLimit> branch = List.of(new ThreePhaseClearing.BranchLimit("line.L1", 80));
    ThreePhaseClearingResult base = DlmpFiniteDifferences.assertMatch(model,
        f -> new ThreePhaseClearing(model, f, offers(), 0.20, 0.05, limits, branch), loads(), pricedPorts(), 0.01, 1e-6);
    // downstream of l1 every port carries a congestion part, and no voltage limit binds
    for (PhasePrice price : base.prices()) {
      assertThat(price.voltage()).isEqualTo(0.0);
    }
    assertThat(base.prices().get(0).congestion()).isGreaterThan(0.01);
    // the power flow's current on l1's phase a conductor against the 80 A the LP held (inscribed polygon)
    ThreePhaseAcCheck.Report ac = ThreePhaseAcCheck.check(model, loads(), offers(), base);
    org.peergrid.grid.threephase.PhaseElement l1 = model.network().elements().stream()
        .filter(e -> e.name().equalsIgnoreCase("line.l1")).findFirst().orElseThrow();
    double ir = 0;
    double ii = 0;
    int[] nodes = l1.nodes();
    for (int j = 0; j < nodes.length; j++) {
      double vr = ac.result().voltageRe(nodes[j]);
      double vi = ac.result().voltageIm(nodes[j]);
      ir += l1.y().re(0, j) * vr - l1.y().im(0, j) * vi;
      ii += l1.y().re(0, j) * vi + l1.y().im(0, j) * vr;
    }
    double amps = Math.hypot(ir, ii);
    // the model computes each constant power's current at the no-load voltage; at the solution it is
    // larger by exactly the factor |U_w|/|U|, i.e. off by at most ε = max |U − U_w|/|U| of it. The LP held
    // the model's current between the polygon's apothem and the 80 A circle, so the power flow's is
    // within those limits widened by ε (this feeder's currents are the sum of the injections' currents)
    List<Injection> all = new ArrayList<>(loads());
    all.add(new Injection(model.wye("h1", 1), base.dispatchKw()[0], 0));
    double eps = 0;
    for (Injection s : all) {
      int k = s.port().plus();
      double[] w = model.noLoadVoltage(k);
      double vr = ac.result().voltageRe(k);
      double vi = ac.result().voltageIm(k);
      eps = Math.max(eps, Math.hypot(vr - w[0], vi - w[1]) / Math.hypot(vr, vi));
    }
    System.out.printf(Locale.ROOT, "three-phase branch limit: l1 phase a carries %.3f A in the power flow (limit 80 A,"
        + " polygon apothem %.3f A, eps %.4f); units %.3f kW at h1, %.3f kW at b1%n", amps, 80 * Math.cos(Math.PI / 12),
        eps, base.dispatchKw()[0], base.dispatchKw()[1]);
    assertThat(amps).isBetween(80 * Math.cos(Math.PI / 12) * (1 - eps), 80 * (1 + eps));
  }

  private static double pvur(ThreePhaseAcCheck.Report ac) {
    return ThreePhaseMarket.pvur(ac.result()::vmPu, model.network());
  }

  /**
   * The AC correction of the unbalance limit: at 2 % the LP holds its linear PVUR at the limit and the
   * power flow's exceeds it (the model's error); the correction lowers the limit of the deviating phase
   * by the shortfall and the power flow ends inside, at a higher cost.
   */
  @Test
  void acCorrectionBringsThePowerFlowsUnbalanceInsideTheLimit() {
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.90, 1.10, 0.02);
    ThreePhaseClearingResult plain = clear(loads(), limits);
    double before = pvur(ThreePhaseAcCheck.check(model, loads(), offers(), plain));
    assertThat(before).isGreaterThan(0.02 + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    ThreePhaseAcCorrection.Outcome corrected = ThreePhaseAcCorrection.clear(model, loads(), offers(), 0.20, 0.05, limits,
        pricedPorts(), 1e-6, 10);
    assertThat(corrected.passed()).isTrue();
    assertThat(corrected.rounds()).isGreaterThan(1);
    double after = pvur(corrected.ac());
    assertThat(after).isLessThanOrEqualTo(0.02 + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    // margins only grow: it may end below 2 %, but by less than the violation it corrected
    assertThat(0.02 - after).isLessThan(before - 0.02);
    assertThat(corrected.cleared().costPerHour()).isGreaterThan(plain.costPerHour());
    System.out.printf(Locale.ROOT, "three-phase AC correction of the unbalance: power flow's PVUR %.5f -> %.5f (limit"
        + " 0.02) in %d clearings; cost %.4f per hour against %.4f uncorrected%n", before, after, corrected.rounds(),
        corrected.cleared().costPerHour(), plain.costPerHour());
  }

  /**
   * A tight unbalance limit that the LP can only just meet (1 ‰ above the smallest it can, found by
   * bisection): the correction's margins stay feasible, and the power flow ends inside.
   */
  @Test
  void aTightButFeasibleUnbalanceLimitStaysFeasibleUnderTheCorrection() {
    double infeasible = 0.005;
    double feasible = 0.02;
    while (feasible - infeasible > 1e-5) {
      double u = (infeasible + feasible) / 2;
      if (clear(loads(), new ThreePhaseClearing.Limits(0.90, 1.10, u)).status()
          == ThreePhaseClearingResult.Status.OPTIMAL) {
        feasible = u;
      } else {
        infeasible = u;
      }
    }
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.90, 1.10, feasible + 0.001);
    ThreePhaseAcCorrection.Outcome corrected = ThreePhaseAcCorrection.clear(model, loads(), offers(), 0.20, 0.05, limits,
        pricedPorts(), 1e-6, 10);
    assertThat(corrected.cleared().status()).isEqualTo(ThreePhaseClearingResult.Status.OPTIMAL);
    assertThat(corrected.passed()).isTrue();
    assertThat(pvur(corrected.ac())).isLessThanOrEqualTo(limits.unbalancePu() + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    System.out.printf(Locale.ROOT, "three-phase AC correction at the tightest unbalance limit + 0.1 %%: %.5f; %d"
        + " clearings, power flow's PVUR %.5f%n", limits.unbalancePu(), corrected.rounds(), pvur(corrected.ac()));
  }

  /** The largest current of a conductor of line.L1 in the power flow, A. */
  private static double l1Amps(ThreePhaseAcCheck.Report ac) {
    org.peergrid.grid.threephase.PhaseElement l1 = ThreePhaseClearing.line(model,
        new ThreePhaseClearing.BranchLimit("line.L1", 1));
    double largest = 0;
    for (int k = 0; k < 3; k++) {
      largest = Math.max(largest, PhaseLimitCheck.current(l1, k, ac.result()));
    }
    return largest;
  }

  /**
   * Line currents in the AC correction: at 80 A on l1 the LP's polygon holds the model's current inside,
   * but the power flow's exceeds 80 A (the model takes each constant power's current at the no-load
   * voltage); the correction lowers l1's limit by the excess and the power flow ends inside, at a higher
   * cost.
   */
  @Test
  void acCorrectionBringsThePowerFlowsLineCurrentInsideTheLimit() {
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.90, 1.10, Double.POSITIVE_INFINITY);
    List<ThreePhaseClearing.BranchLimit> branch = List.of(new ThreePhaseClearing.BranchLimit("line.L1", 80));
    ThreePhaseClearingResult plain = new ThreePhaseClearing(model, loads(), offers(), 0.20, 0.05, limits, branch)
        .clear(pricedPorts());
    double before = l1Amps(ThreePhaseAcCheck.check(model, loads(), offers(), plain));
    assertThat(before).isGreaterThan(80 * (1 + PhaseLimitCheck.CURRENT_TOLERANCE));
    ThreePhaseAcCorrection.Outcome corrected = ThreePhaseAcCorrection.clear(model, loads(), offers(), 0.20, 0.05,
        limits, branch, pricedPorts(), 1e-6, 10);
    assertThat(corrected.passed()).isTrue();
    assertThat(corrected.rounds()).isGreaterThan(1);
    double after = l1Amps(corrected.ac());
    assertThat(after).isLessThanOrEqualTo(80 * (1 + PhaseLimitCheck.CURRENT_TOLERANCE));
    assertThat(80 - after).isLessThan(before - 80);
    assertThat(corrected.cleared().costPerHour()).isGreaterThan(plain.costPerHour());
    System.out.printf(Locale.ROOT, "three-phase AC correction of a line limit: l1 carries %.4f A -> %.4f A (limit 80 A)"
        + " in %d clearings; cost %.4f per hour against %.4f uncorrected%n", before, after, corrected.rounds(),
        corrected.cleared().costPerHour(), plain.costPerHour());
  }
}
