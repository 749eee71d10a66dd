package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.testsupport.TestFeeders;

/**
 * Conservation at the solution, computed independently of the losses' own sum: what the source
 * delivers equals what the loads draw plus line and transformer losses, less what capacitors supply.
 */
class PowerBalanceTest {

  @ParameterizedTest
  @CsvSource({"ieee13,IEEE13Nodeckt.dss", "ieee34,ieee34Mod1.dss", "ieee37,ieee37.dss", "ieee123,IEEE123Master.dss",
      "european_lv,Master.dss"})
  void sourceEqualsLoadsPlusLossesMinusCapacitors(String folder, String master) {
    Path dir = TestFeeders.root().resolve("examples/feeders/opendss").resolve(folder);
    assertThat(Files.isDirectory(dir)).isTrue();
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(dir.resolve(master)));
    ThreePhaseResult r = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()).solve();
    assertThat(r.converged()).isTrue();
    double[] load = r.loadKwKvar();
    // 1e-7 relative, round-off: the switches and jumpers of the 13-, 37- and 123-node feeders (1e-4 to 1e-3
    // ohm, about 1e4 S) turn it into KCL residuals of ~1e-5 A at their buses (0.02 W on the 13-node one), and
    // the 37-node feeder's ungrounded delta carries node-to-ground noise of ~1e-8 p.u. (0.08 var)
    double tolerance = 1e-7 * Math.max(1, Math.abs(r.sourceKw()));
    assertThat(r.sourceKw()).isCloseTo(load[0] + r.lossesKw(), within(tolerance));
    assertThat(r.sourceKvar()).isCloseTo(load[1] + r.lossesKvar() - r.capacitorKvar(), within(tolerance));
    assertThat(r.lossesKw()).isPositive();
  }
}
