package org.peergrid.grid.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.testsupport.NewtonPowerFlow;
import org.peergrid.grid.testsupport.TestFeeders;

/**
 * Every bundled feeder either converges, agreeing with an independent Newton–Raphson solve on the
 * full admittance matrix, or is refused with the reason it is not one tree from one source.
 */
class AllFeedersTest {
  /** The feeders that are not single-source radial cases, and why. */
  static final Map<String, String> REFUSED = Map.of(
      "case4_dist", "several sources: bus 400 is a PV bus",
      "case16ci", "several sources: buses 1, 2, 3 are reference buses",
      "case70da", "several sources: buses 1, 70 are reference buses");

  static Stream<Path> feeders() throws java.io.IOException {
    return TestFeeders.allBundled();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeders")
  void convergesAndAgreesWithNewtonOrIsRefused(Path file) {
    String name = file.getFileName().toString().replace(".m", "");
    Feeder feeder = MatpowerCaseReader.read(file);
    if (REFUSED.containsKey(name)) {
      assertThatThrownBy(() -> RadialNetwork.of(feeder))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(REFUSED.get(name));
      return;
    }
    PowerFlowResult sweep = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();
    NewtonPowerFlow.Solution newton = NewtonPowerFlow.solve(feeder, 1e-9);

    assertThat(sweep.status()).isEqualTo(PowerFlowStatus.CONVERGED);
    for (int k = 0; k < sweep.busCount(); k++) {
      int bus = sweep.busNumber(k);
      assertThat(sweep.voltageMagnitudePu(k)).as("Vm at bus %d", bus).isCloseTo(newton.vm().get(bus), within(1e-8));
      assertThat(sweep.voltageAngleDeg(k)).as("Va at bus %d", bus).isCloseTo(newton.vaDeg().get(bus), within(1e-6));
    }
    double scale = Math.max(1, newton.lossesKw());
    assertThat(sweep.lossesKw()).isCloseTo(newton.lossesKw(), within(1e-6 * scale));
    assertThat(sweep.lossesKvar()).isCloseTo(newton.lossesKvar(), within(1e-6 * Math.max(1, Math.abs(newton.lossesKvar()))));
  }
}
