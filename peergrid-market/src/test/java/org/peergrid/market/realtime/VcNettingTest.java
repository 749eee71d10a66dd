package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.VirtualCommunity;

/** Real time on a community mechanism's day ahead: deviations net inside each virtual community first. */
class VcNettingTest {
  @TempDir static Path shared;
  static Scenario ieee33;
  static CommunityDayAhead game;

  @BeforeAll
  static void playTheGameOnce() {
    ieee33 = RealtimeScenarios.ieee33(shared);
    game = CommunityDayAhead.vcGame(ieee33);
    assertThat(game.dayAhead()).as(game.why()).isPresent();
  }

  /**
   * Three buildings on toy3, one interval, without batteries: B2 takes 50 kWh more than forecast,
   * B3's PV 20 kWh more, B4's PV 10 kWh more; B2 and B3 form VC01, B4 is alone. Real-time import 6
   * (5 × 1.2), export 1.6 (2 × 0.8), internal price ρ = 3.8. VC01 nets 20 kWh: B2 pays 20 × 3.8 +
   * 30 × 6 = 256, B3 receives 20 × 3.8 = 76, B4 receives 10 × 1.6 = 16. Alone they would pay 300,
   * −32, −16 = 252, the operator keeping (6 − 1.6) × min(50, 30) = 132; with netting they pay 164,
   * the root imports 20 kWh (bill 120) and the operator keeps 4.4 × min(30, 10) = 44: the members
   * gain 4.4 × 20 = 88 = 132 − 44.
   */
  @Test
  void deviationsNetInsideACommunityAtItsInternalPriceByHand(@TempDir Path dir) throws Exception {
    Scenario forecast = RealtimeScenarios.load(dir, "three.yaml", RealtimeScenarios.TWO_ON_TOY3
        + "  - {id: B4, type: building, bus: 3, load_kw: 40, pv_kw: 60}\n");
    Path actuals = dir.resolve("actuals.csv");
    Files.writeString(actuals, "interval,participant,load_kw,pv_kw,wind_kw\n0,B2,150,,\n0,B3,,220,\n0,B4,,70,\n");
    Scenario actual = ActualsCsv.read(actuals, forecast);
    DayAhead dlmp = RealtimeScenarios.dayAhead(forecast);
    Grouping grouping = new Grouping(List.of(new VirtualCommunity("VC01", List.of("B2", "B3")),
        new VirtualCommunity("VC02", List.of("B4"))));
    DayAhead da = new DayAhead(dlmp.schedule(), dlmp.settlement(), "test", Optional.of(grouping));
    TwoSettlementResult s = RealtimeStage.run(forecast, actual, da, RealtimeProgress.NONE).settlement();

    assertThat(s.participant("B2").deviationPayment()).isCloseTo(256, within(DELTA_MONEY));
    assertThat(s.participant("B3").deviationPayment()).isCloseTo(-76, within(DELTA_MONEY));
    assertThat(s.participant("B4").deviationPayment()).isCloseTo(-16, within(DELTA_MONEY));
    assertThat(s.realtimeUtilityBill()).isCloseTo(120, within(DELTA_MONEY));
    assertThat(s.deviationPayments()).isCloseTo(164, within(DELTA_MONEY));
    assertThat(s.nettingSurplus()).isCloseTo(44, within(DELTA_MONEY));
    VcNettingResult vc = s.vcNetting().orElseThrow();
    assertThat(vc.nettedKwh()).isCloseTo(20, within(1e-9));
    assertThat(vc.benefit()).isCloseTo(88, within(DELTA_MONEY));
    assertThat(vc.nettingSurplusAlone()).isCloseTo(132, within(DELTA_MONEY));
    assertThat(vc.deviationPaymentsAlone()).isCloseTo(252, within(DELTA_MONEY));
    VcNettingRow vc01 = vc.rows().stream().filter(r -> r.community().equals("VC01")).findFirst().orElseThrow();
    assertThat(vc01.internalPrice()).isCloseTo(3.8, within(1e-12));
    assertThat(vc01.residualKwh()).isCloseTo(30, within(1e-9));
    assertThat(vc01.residualAmount()).isCloseTo(180, within(DELTA_MONEY));
  }

  @Test
  void actualsEqualToTheForecastCostNothingOnTheGamesDayAhead() {
    DayAhead da = game.dayAhead().orElseThrow();
    Scenario actual = new DeviationSampler(0, 0, 0).sample(ieee33, 7);
    RealtimeResult r = RealtimeStage.run(ieee33, actual, da, RealtimeProgress.NONE);

    assertThat(r.realized().redispatched()).isZero();
    // Real time rebuilds each net withdrawal from its parts (load, PV, battery), which the game added
    // up in another order: the kept schedule differs from the game's by float rounding (1e-14 kWh).
    assertThat(r.settlement().rows()).allSatisfy(row -> assertThat(row.deviationKwh()).isCloseTo(0, within(1e-9)));
    assertThat(r.settlement().deviationCost()).isCloseTo(0, within(1e-9));
    assertThat(r.settlement().realtimeCost()).isCloseTo(da.settlement().totalCost(), within(1e-9));
    assertThat(r.settlement().nettingSurplus()).isCloseTo(0, within(1e-9));
    assertThat(r.settlement().vcNetting().orElseThrow().benefit()).isCloseTo(0, within(1e-9));
  }

  /**
   * Seeded deviations on the game's day ahead: the money is recomputed here from the rows, on a path
   * apart from the settlement's (every community's members' payments against its residual at the
   * tariff), and the operator's netting surplus falls by exactly what the members gain.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 42})
  void moneyBalancesAndTheNettingBenefitGoesToTheMembers(long seed) {
    DayAhead da = game.dayAhead().orElseThrow();
    Scenario actual = DeviationSampler.DEFAULT.sample(ieee33, seed);
    TwoSettlementResult s = RealtimeStage.run(ieee33, actual, da, RealtimeProgress.NONE).settlement();
    VcNettingResult vc = s.vcNetting().orElseThrow();
    Grouping grouping = da.communities().orElseThrow();
    int n = ieee33.horizon().intervals();

    Map<String, double[]> paidByCommunity = new HashMap<>();
    double alonePayments = 0;
    for (DeviationRow row : s.rows()) {
      double imp = ieee33.realtimeTariff().importPrice().get(row.interval());
      double exp = ieee33.realtimeTariff().exportPrice().get(row.interval());
      double alone = row.deviationKwh() * (row.deviationKwh() >= 0 ? imp : exp);
      alonePayments += alone;
      // Every member pays at most what it would alone: netting only replaces a tariff by ρ.
      assertThat(row.deviationAmount()).isLessThanOrEqualTo(alone + 1e-9);
      paidByCommunity.computeIfAbsent(grouping.of(row.participant()).id(), k -> new double[n])[row.interval()] +=
          row.deviationAmount();
    }
    for (VcNettingRow r : vc.rows()) {
      double imp = ieee33.realtimeTariff().importPrice().get(r.interval());
      double exp = ieee33.realtimeTariff().exportPrice().get(r.interval());
      double residual = r.shortfallKwh() - r.surplusKwh();
      double atTariff = residual >= 0 ? residual * imp : residual * exp;
      // What the members pay together is their residual at the tariff: the netted part cancels at ρ.
      assertThat(paidByCommunity.get(r.community())[r.interval()]).isCloseTo(atTariff, within(DELTA_MONEY));
    }
    assertThat(vc.deviationPaymentsAlone()).isCloseTo(alonePayments, within(DELTA_MONEY));
    assertThat(s.deviationPayments()).isCloseTo(s.realtimeUtilityBill() + s.nettingSurplus(), within(DELTA_MONEY));
    assertThat(vc.nettedKwh()).isPositive();
    assertThat(s.nettingSurplus()).isLessThan(vc.nettingSurplusAlone());
    assertThat(vc.nettingSurplusAlone() - s.nettingSurplus()).isCloseTo(vc.benefit(), within(DELTA_MONEY));
    assertThat(alonePayments - s.deviationPayments()).isCloseTo(vc.benefit(), within(DELTA_MONEY));
  }
}
