package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void aGeneratorDeliversItsRatedPowerOnItsPhase(@TempDir Path tmp) throws Exception {
    // a 4 kW rooftop PV (model 1, unity power factor) on phase a of an LV bus beside a 3 kW home load
    Path f = tmp.resolve("pv.dss");
    Files.writeString(f, "Clear\nSet DefaultBaseFrequency=50\nNew Circuit.pv basekv=0.416 pu=1.0 R1=0.001 X1=0.002 R0=0.001"
        + " X0=0.002\nNew Line.l bus1=sourcebus bus2=home r1=0.2 x1=0.08 r0=0.6 x0=0.2 c1=0 c0=0\n"
        + "New Load.home bus1=home.1 phases=1 kv=0.24 kw=3 pf=0.95 vminpu=0.8 vmaxpu=1.2\n"
        + "New Generator.pv bus1=home.1 phases=1 kv=0.24 kw=4 pf=1\nSet VoltageBases=[0.416]\n");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(f));
    ThreePhaseResult r = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()).solve();
    assertThat(r.converged()).isTrue();
    // net draw: 3 kW of load less 4 kW of PV, both constant power inside their voltage bands
    assertThat(r.loadKwKvar()[0]).isCloseTo(-1.0, within(1e-9));
    assertThat(r.loadKwKvar()[1]).isCloseTo(3 * Math.sqrt(1 / (0.95 * 0.95) - 1), within(1e-9));
    // the PV pushes phase a above the other two
    int a = net.node(net.busIndex("home"), 1);
    int b = net.node(net.busIndex("home"), 2);
    assertThat(r.vmPu(a)).isGreaterThan(r.vmPu(b));
    assertThat(r.sourceKw()).isCloseTo(-1.0 + r.lossesKw(), within(1e-9));
  }
}
