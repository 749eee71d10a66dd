package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.opendss.DssCircuit;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.testsupport.TestFeeders;

/** How a three-phase power flow reports that it did not finish, and element statuses (enabled=no, controls off). */
class ThreePhaseStatusTest {
  @TempDir Path dir;

  private static Path ieee13(String master) {
    return TestFeeders.root().resolve("examples/feeders/opendss/ieee13").resolve(master);
  }

  @Test
  void iterationLimitGivesNotConverged() {
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(ieee13("IEEE13Nodeckt.dss")));
    ThreePhaseResult r = new ThreePhasePowerFlow(net, new ThreePhaseParameters(1e-10, 2, true, 10)).solve();
    assertThat(r.status()).isEqualTo(ThreePhaseStatus.NOT_CONVERGED);
    assertThat(r.converged()).isFalse();
    assertThat(r.iterations()).isEqualTo(2);
  }

  @Test
  void controlIterationLimitGivesControlsNotSettled() {
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(ieee13("IEEE13Nodeckt.dss")));
    // OpenDSS needs 3 control iterations here; with 2 the regulators are still moving
    ThreePhaseResult r = new ThreePhasePowerFlow(net, new ThreePhaseParameters(1e-10, 100, true, 2)).solve();
    assertThat(r.status()).isEqualTo(ThreePhaseStatus.CONTROLS_NOT_SETTLED);
    assertThat(r.controlIterations()).isEqualTo(2);
  }

  @Test
  void controlsOffKeepTheScriptsTaps() {
    DssCircuit c = DssScriptReader.read(ieee13("IEEE13Nodeckt.dss"));
    PhaseNetwork net = DssNetworkBuilder.build(c);
    ThreePhaseResult r = new ThreePhasePowerFlow(net, new ThreePhaseParameters(1e-10, 100, false, 10)).solve();
    assertThat(r.converged()).isTrue();
    assertThat(r.controlIterations()).isEqualTo(1);
    assertThat(r.taps()).containsEntry("reg1", 1.0).containsEntry("reg2", 1.0).containsEntry("reg3", 1.0);
  }

  @Test
  void overloadedFeederDoesNotConverge() throws Exception {
    // 50 MW at constant power (no voltage limits) behind 10 ohm: beyond what the line can carry
    Path f = dir.resolve("collapse.dss");
    Files.writeString(f, "Clear\nNew Circuit.c basekv=12.47 pu=1 R1=0 X1=0.001 R0=0 X0=0.001\n"
        + "New Line.l bus1=sourcebus bus2=b r1=10 x1=10 r0=10 x0=10 c1=0 c0=0\n"
        + "New Load.big bus1=b kv=12.47 kw=50000 pf=0.9 vminpu=0 vlowpu=0 vmaxpu=10\n"
        + "Set voltagebases=[12.47]\n");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(f));
    ThreePhaseResult r = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()).solve();
    assertThat(r.converged()).isFalse();
    assertThat(r.status()).isIn(ThreePhaseStatus.NOT_CONVERGED, ThreePhaseStatus.DIVERGED);
  }

  @Test
  void aDisabledLoadDrawsNothing() throws Exception {
    Path f = dir.resolve("two.dss");
    String base = "Clear\nNew Circuit.c basekv=12.47 pu=1\n"
        + "New Line.l bus1=sourcebus bus2=b r1=0.5 x1=1 r0=1 x0=2 c1=0 c0=0\n"
        + "New Load.a bus1=b kv=12.47 kw=500 pf=0.9\nNew Load.b bus1=b kv=12.47 kw=700 pf=0.9\n"
        + "Set voltagebases=[12.47]\n";
    Files.writeString(f, base + "Load.b.enabled=no\n");
    ThreePhaseResult r = new ThreePhasePowerFlow(DssNetworkBuilder.build(DssScriptReader.read(f)),
        ThreePhaseParameters.defaults()).solve();
    assertThat(r.network().loads()).hasSize(1);
    assertThat(r.loadKwKvar()[0]).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
  }
}
