package org.peergrid.market.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.testing.WorkedExamples;

/** The DLMP settlement of docs/WORKED_EXAMPLES.md and its budget identity. */
class DlmpSettlementTest {

  private static SettlementResult settle(int example) {
    Scenario s = WorkedExamples.example(example);
    return DlmpSettlement.settle(s, LinDistFlowDispatch.solve(s).optimal(), BaseCase.of(s));
  }

  @Test
  void example1BuildingsPayMoreThanAloneAndTheDsoKeepsTheSurplus() {
    SettlementResult r = settle(1);
    assertThat(r.participant("B2").cost()).isCloseTo(2400, within(DELTA_MONEY));
    assertThat(r.participant("B3").cost()).isCloseTo(9600, within(DELTA_MONEY));
    assertThat(r.participant("G3").cost()).isCloseTo(-8 * 908.3333333, within(DELTA_MONEY));
    assertThat(r.participant("G3").baseCost()).isEmpty();
    assertThat(r.totalCost()).isCloseTo(12000, within(DELTA_MONEY));
    assertThat(r.baseCost()).isCloseTo(8000, within(DELTA_MONEY));
    assertThat(r.savings()).isCloseTo(-4000, within(DELTA_MONEY));
    assertThat(r.savingsPct().getAsDouble()).isCloseTo(-50, within(1e-6));
    assertThat(r.participant("B2").individuallyRational()).isFalse();
    assertThat(r.participant("B3").savings().getAsDouble()).isCloseTo(-3600, within(DELTA_MONEY));
    assertThat(r.utilityBill()).isCloseTo(5 * 691.6666667, within(DELTA_MONEY));
    // Merchandising surplus: 691.667 kW × (6 − 5) on 1–2 plus 291.667 kW × (8 − 6) on 2–3.
    assertThat(r.dsoSurplus()).isCloseTo(1275, within(DELTA_MONEY));
  }

  @Test
  void dsoSurplusIsNetworkRentLessTheBackgroundLoadsEnergy() {
    // Example 5 has a background load (200/100 kW at bus 2) and no binding limit: no rent, and the DSO
    // pays the import price for the background energy: 5·200 + 8·100 + 6·200 + 9·100 = 3900.
    Scenario s5 = WorkedExamples.example(5);
    var sol5 = LinDistFlowDispatch.solve(s5).optimal();
    assertThat(DlmpSettlement.networkRent(s5, sol5)).isCloseTo(0, within(DELTA_MONEY));
    assertThat(DlmpSettlement.backgroundLoadCost(s5, sol5)).isCloseTo(3900, within(DELTA_MONEY));
    assertThat(DlmpSettlement.dsoSurplus(s5, sol5)).isCloseTo(-3900, within(DELTA_MONEY));
    // Example 1: no background load, the whole surplus is rent on the binding voltage limit.
    Scenario s1 = WorkedExamples.example(1);
    var sol1 = LinDistFlowDispatch.solve(s1).optimal();
    assertThat(DlmpSettlement.networkRent(s1, sol1)).isCloseTo(1275, within(DELTA_MONEY));
    assertThat(DlmpSettlement.backgroundLoadCost(s1, sol1)).isCloseTo(0, within(DELTA_MONEY));
  }

  @Test
  void example2SettlementEqualsTheBaseCostWithDegradation() {
    SettlementResult r = settle(2);
    assertThat(r.participant("B3").cost()).isCloseTo(804.05, within(DELTA_MONEY));
    assertThat(r.participant("B3").savings().getAsDouble()).isCloseTo(0, within(DELTA_MONEY));
    assertThat(r.participant("B3").individuallyRational()).isTrue();
    assertThat(r.participantsNet()).isCloseTo(795, within(DELTA_MONEY));
    assertThat(r.dsoSurplus()).isCloseTo(0, within(DELTA_MONEY));
    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(0).soldKwh()).isCloseTo(150, within(1e-4));
    assertThat(r.rows().get(0).received()).isCloseTo(300, within(DELTA_MONEY));
  }

  @Test
  void example3CongestionRentGoesToTheDso() {
    SettlementResult r = settle(3);
    assertThat(r.participant("B3").cost()).isCloseTo(8400, within(DELTA_MONEY));
    assertThat(r.participant("G2").cost()).isCloseTo(-2100, within(DELTA_MONEY));
    assertThat(r.utilityBill()).isCloseTo(4500, within(DELTA_MONEY));
    assertThat(r.dsoSurplus()).isCloseTo(1800, within(DELTA_MONEY));
  }

  @Test
  void example4TheNetworkNotTheBuildingEarnsFromLimitedExports() {
    SettlementResult r = settle(4);
    assertThat(r.participant("B3").cost()).isCloseTo(0, within(DELTA_MONEY));
    assertThat(r.participant("B3").baseCost().getAsDouble()).isCloseTo(-3000, within(DELTA_MONEY));
    assertThat(r.participant("B3").individuallyRational()).isFalse();
    assertThat(r.utilityBill()).isCloseTo(-2720, within(DELTA_MONEY));
    assertThat(r.dsoSurplus()).isCloseTo(2720, within(DELTA_MONEY));
  }

  @Test
  void example5TheDsoPaysForTheBackgroundLoad() {
    SettlementResult r = settle(5);
    assertThat(r.participant("B3").cost()).isCloseTo(20, within(DELTA_MONEY));
    assertThat(r.utilityBill()).isCloseTo(3920, within(DELTA_MONEY));
    assertThat(r.dsoSurplus()).isCloseTo(-3900, within(DELTA_MONEY));
  }

  @Test
  void example6ZeroBaseCostHasNoSavingsPercentage() {
    SettlementResult r = settle(6);
    assertThat(r.baseCost()).isCloseTo(0, within(DELTA_MONEY));
    assertThat(r.savingsPct()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void participantsPayTheUtilityBillPlusTheDsoSurplus(int example) {
    SettlementResult r = settle(example);
    double rows = r.rows().stream().mapToDouble(SettlementRow::net).sum();
    assertThat(rows).isCloseTo(r.utilityBill() + r.dsoSurplus(), within(DELTA_MONEY));
  }
}
