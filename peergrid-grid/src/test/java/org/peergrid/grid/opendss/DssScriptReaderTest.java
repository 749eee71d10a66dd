package org.peergrid.grid.opendss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;

/** The OpenDSS script syntax the feeders use, and one-line errors with file and line. */
class DssScriptReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private static final String HEAD = "Clear\nNew Circuit.t basekv=12.47 pu=1.0\n";

  @Test
  void rpnMathArraysAndMatrices() {
    DssLocation at = new DssLocation("f.dss", 1);
    assertThat(DssSyntax.number("8 1000 /", at, "xhl")).isEqualTo(0.008);
    assertThat(DssSyntax.number(".5 1000 /", at, "%r")).isEqualTo(0.0005);
    assertThat(DssSyntax.number("0.00625 7 * 1 +", at, "tap")).isCloseTo(1.04375, within(1e-15));
    assertThat(DssSyntax.numbers("1.0, 1.05625", at, "taps")).containsExactly(1.0, 1.05625);
    double[][] lower = DssSyntax.matrix("0.3465 | 0.1560 0.3375 | 0.1580 0.1535 0.3414 ", at, "rmatrix");
    assertThat(lower[0][2]).isEqualTo(0.1580);
    assertThat(lower[2][0]).isEqualTo(0.1580);
    assertThat(lower[1][1]).isEqualTo(0.3375);
    double[][] full = DssSyntax.matrix("1 2 | 2 3", at, "xmatrix");
    assertThat(full[0][1]).isEqualTo(2.0);
    assertThatThrownBy(() -> DssSyntax.number("8 /", at, "xhl")).hasMessageContaining("f.dss:1")
        .hasMessageContaining("'xhl'");
  }

  @Test
  void parametersWithSpacesAroundEqualsAndGroupedValues() {
    var params = DssSyntax.params("rmatrix = (1 | 2 3) conns='wye delta' kvs=\"4.16 0.48\" buses=[a.1 b.1]",
        new DssLocation("f", 1));
    assertThat(params).extracting(DssSyntax.Param::name).containsExactly("rmatrix", "conns", "kvs", "buses");
    assertThat(params.get(1).value()).isEqualTo("wye delta");
    assertThat(params.get(3).value()).isEqualTo("a.1 b.1");
  }

  @Test
  void continuationCommentsEditsLikeAndRedirect() throws Exception {
    write("sub/codes.dss", "New LineCode.c1 nphases=1 r1=0.5 x1=1 r0=0.5 x0=1 c1=0 c0=0 units=km\n");
    Path master = write("master.dss", HEAD
        + "! a comment line\n"
        + "/* a block\n New Line.never bus1=x bus2=y\n*/\n"
        + "Redirect sub/codes.dss  // relative to this file\n"
        + "New Line.l1 Phases=1 Bus1=SourceBus.2 Bus2=B.2 LineCode=c1 Length=500 units=m\n"
        + "New Load.a Bus1=B.2 Phases=1 kV=7.2 kW=10 PF=0.8\n"
        + "~ model=5\n"
        + "New Load.b like=a kw=20\n"
        + "Load.a.vminpu=.85\n"
        + "Set VoltageBases=[12.47]\nCalcv\n");
    DssCircuit c = DssScriptReader.read(master);
    assertThat(c.lines()).extracting(DssElement::name).containsExactly("l1");
    DssElement.Line l1 = c.lines().get(0);
    assertThat(l1.bus1().toString()).isEqualTo("sourcebus.2");
    assertThat(l1.scaledLength()).isCloseTo(0.5, within(1e-15)); // 500 m on a per-km code
    DssElement.Load a = c.loads().get(0);
    assertThat(a.model()).isEqualTo(5);
    assertThat(a.vminpu).isEqualTo(0.85);
    assertThat(a.kvarEffective()).isCloseTo(7.5, within(1e-12)); // 10 kW at pf 0.8
    DssElement.Load b = c.loads().get(1);
    assertThat(b.model()).isEqualTo(5);
    assertThat(b.kw()).isEqualTo(20.0);
    assertThat(b.vminpu).isEqualTo(0.95);
    assertThat(c.voltageBasesKv()).containsExactly(12.47);
  }

  @Test
  void aConfinedReadRefusesRedirectsOutOfTheMastersFolderByPathOrLink() throws Exception {
    String codes = "New LineCode.c1 nphases=1 r1=0.5 x1=1 r0=0.5 x0=1 c1=0 c0=0 units=km\n";
    String body = "New Line.l1 Phases=1 Bus1=SourceBus.2 Bus2=B.2 LineCode=c1 Length=500 units=m\n"
        + "Set VoltageBases=[12.47]\nCalcv\n";
    write("outside.dss", codes);
    write("day/sub/codes.dss", codes);
    Path beside = write("day/beside.dss", HEAD + "Redirect sub/codes.dss\n" + body);
    assertThat(DssScriptReader.readConfined(beside).lines()).hasSize(1);

    Path up = write("day/up.dss", HEAD + "/* hidden */ Redirect ../outside.dss\n" + body);
    assertThat(DssScriptReader.read(up).lines()).hasSize(1); // a user's own files: any path
    assertThatThrownBy(() -> DssScriptReader.readConfined(up))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("up.dss:3")
        .hasMessageContaining("redirect '../outside.dss' names a file outside the folder of the feeder's scripts");

    Files.createSymbolicLink(dir.resolve("day/link.dss"), dir.resolve("outside.dss"));
    Path linked = write("day/linked.dss", HEAD + "compile link.dss\n" + body);
    assertThatThrownBy(() -> DssScriptReader.readConfined(linked))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("compile 'link.dss' names a file outside");
  }

  @Test
  void switchSetsItsDefaultsAndLaterPropertiesOverride() throws Exception {
    Path f = write("s.dss", HEAD + "New Line.sw Bus1=sourcebus Bus2=b Switch=y r1=1e-4 r0=1e-4 x1=0 x0=0 c1=0 c0=0\n");
    DssElement.Line sw = DssScriptReader.read(f).lines().get(0);
    assertThat(sw.length).isEqualTo(0.001);
    assertThat(sw.z.rMatrix()[0][0]).isCloseTo(1e-4, within(1e-18));
    assertThat(sw.z.xMatrix()[0][0]).isEqualTo(0.0);
  }

  private void assertRefused(String text, String... expected) throws Exception {
    Path f = write("bad.dss", text);
    assertThatThrownBy(() -> {
      DssCircuit c = DssScriptReader.read(f);
      PhaseNetwork net = DssNetworkBuilder.build(c);
      new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()).solve();
    }).isInstanceOf(ValidationException.class).hasMessageContaining(f.toString()).hasMessageContainingAll(expected);
  }

  @Test
  void refusesWhatItDoesNotRead() throws Exception {
    assertRefused(HEAD + "New PVSystem.pv bus1=b\n", ":3:", "class 'pvsystem'");
    assertRefused(HEAD + "New Line.l bus1=sourcebus bus2=b\n~ geometry=g1\n", ":4:", "Line.l", "'geometry'");
    assertRefused(HEAD + "Solve mode=daily\nplot profile\n", ":4:", "command 'plot'");
    assertRefused(HEAD + "Set mode=yearly\n", ":3:", "mode 'yearly'");
    assertRefused(HEAD + "New Line.l bus1=sourcebus bus2=b linecode=nowhere\n", ":3:", "linecode 'nowhere'");
    assertRefused(HEAD + "New Load.l bus1=b kw=ten\n", ":3:", "'kw'", "'ten'");
    assertRefused(HEAD + "Redirect missing.dss\n", ":3:", "missing.dss", "not found");
    assertRefused(HEAD + "New Transformer.t windings=3\n", ":3:", "2-winding");
    assertRefused(HEAD + "New Load.l bus1=b model=3\n", ":3:", "model 3");
    assertRefused(HEAD + "New Line.l bus1=sourcebus bus2=b\nNew Line.l bus1=b bus2=c\n", ":4:", "already defined",
        ":3");
  }

  @Test
  void refusesAMeshedFeederNamingTheElementThatClosesTheLoop() throws Exception {
    assertRefused(HEAD + "New Line.a bus1=sourcebus bus2=b\nNew Line.b bus1=b bus2=c\nNew Line.c bus1=c bus2=sourcebus\n"
        + "Set voltagebases=[12.47]\n", ":5:", "Line.c", "closes a loop", "radial");
  }

  @Test
  void refusesABusWithNoVoltageBaseNamingWhereItWasUsed() throws Exception {
    assertRefused(HEAD + "New Line.a bus1=sourcebus bus2=b\nNew Transformer.t buses=[b lv] kvs=[12.47 0.4]\n"
        + "Set voltagebases=[12.47]\n", "bus lv", ":4", "Set VoltageBases", ":5");
  }

  @Test
  void refusesABusTheSourceDoesNotReach() throws Exception {
    assertRefused(HEAD + "New Line.a bus1=sourcebus bus2=b\nNew Line.far bus1=x bus2=y\nSet voltagebases=[12.47]\n",
        "bus x", ":4", "no path to the source");
  }
}
