package org.peergrid.grid.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.testsupport.TestFeeders;

/**
 * The sweep reproduces MATPOWER's AC power flow (Newton, tolerance 1e-10) on the two reference
 * feeders whose results MATPOWER computed (figures from shared/README.md).
 */
class MatpowerReferenceTest {
  static final double DELTA_KW = 0.01;
  static final double DELTA_V = 1e-5;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "case33bw, 202.67713, 135.14097, 0.913090, 18",
    "case69,   224.99169, 102.15805, 0.909188, 65",
  })
  void reproducesMatpower(String caseName, double lossesKw, double lossesKvar, double vmin, int vminBus) {
    PowerFlowResult r = new SweepPowerFlow(RadialNetwork.of(TestFeeders.load(caseName))).solve();

    assertThat(r.status()).isEqualTo(PowerFlowStatus.CONVERGED);
    assertThat(r.lossesKw()).isCloseTo(lossesKw, within(DELTA_KW));
    assertThat(r.lossesKvar()).isCloseTo(lossesKvar, within(DELTA_KW));
    int min = r.minVoltageIndex();
    assertThat(r.busNumber(min)).isEqualTo(vminBus);
    assertThat(r.voltageMagnitudePu(min)).isCloseTo(vmin, within(DELTA_V));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"case33bw", "case69"})
  void sourceSuppliesLoadPlusLosses(String caseName) {
    var feeder = TestFeeders.load(caseName);
    PowerFlowResult r = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();

    // No shunts or charging in these cases: what the source sends is the load plus the series losses.
    assertThat(r.sourceKw()).isCloseTo(feeder.totalLoadKw() + r.lossesKw(), within(1e-6));
  }
}
