package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peergrid powerflow --case FEEDER.dss}: the three-phase output, exit codes and one-line errors. */
class PowerflowOpenDssTest {
  @TempDir Path dir;

  static Path feeder(String folder, String master) {
    String root = System.getProperty("peergrid.root.dir", "..");
    return Path.of(root, "examples", "feeders", "opendss", folder, master);
  }

  @Test
  void jsonOfTheIeee13NodeFeeder() throws Exception {
    PowerflowCommandTest.Run r = PowerflowCommandTest.run("powerflow", "--case",
        feeder("ieee13", "IEEE13Nodeckt.dss").toString(), "--json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("status").asText()).isEqualTo("CONVERGED");
    assertThat(json.get("control_iterations").asInt()).isEqualTo(3);
    // OpenDSS: 112.3914 kW, 327.8600 kvar, taps 9, 6, 9 steps of 0.00625
    assertThat(json.get("losses_kw").asDouble()).isCloseTo(112.3914, within(1e-3));
    assertThat(json.get("losses_kvar").asDouble()).isCloseTo(327.8600, within(1e-3));
    assertThat(json.get("taps").get("reg1").asDouble()).isEqualTo(1.05625);
    assertThat(json.get("taps").get("reg2").asDouble()).isEqualTo(1.0375);
    assertThat(json.get("taps").get("reg3").asDouble()).isEqualTo(1.05625);
    JsonNode voltages = json.get("voltages");
    assertThat(voltages).hasSize(41);
    Set<String> seen = new HashSet<>();
    for (JsonNode v : voltages) {
      assertThat(v.get("node").asInt()).isBetween(1, 3);
      assertThat(v.get("bus").asText()).isLowerCase();
      seen.add(v.get("bus").asText() + "." + v.get("node").asInt());
      if (v.get("bus").asText().equals("611")) {
        // OpenDSS: 0.9608431 p.u. at 115.738 degrees (the source's 30 degrees included)
        assertThat(v.get("vm_pu").asDouble()).isCloseTo(0.960843106, within(1e-6));
        assertThat(v.get("va_deg").asDouble()).isCloseTo(115.738, within(1e-3));
      }
    }
    assertThat(seen).hasSize(41).contains("611.3", "rg60.1", "634.2");
    assertThat(json.get("vmin_pu").get("bus").asText()).isEqualTo("611");
    JsonNode unbalance = json.get("unbalance");
    assertThat(unbalance.size()).isPositive();
    for (JsonNode u : unbalance) {
      assertThat(u.get("vuf_pct").asDouble()).isBetween(0.0, 10.0);
    }
  }

  @Test
  void tableShowsStatusTapsAndNodes() {
    PowerflowCommandTest.Run r = PowerflowCommandTest.run("powerflow", "--case",
        feeder("european_lv", "Master.dss").toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("CONVERGED").contains("907 buses, 2721 nodes").contains("Losses          0.8803 kW");
  }

  @Test
  void notConvergedExitsWithThreeAndStillWrites() throws Exception {
    PowerflowCommandTest.Run r = PowerflowCommandTest.run("powerflow", "--case",
        feeder("ieee13", "IEEE13Nodeckt.dss").toString(), "--json", "--max-iterations", "2");

    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_NOT_CONVERGED);
    assertThat(new ObjectMapper().readTree(r.out()).get("status").asText()).isEqualTo("NOT_CONVERGED");
  }

  private Path script(String text) throws Exception {
    Path f = dir.resolve("feeder.dss");
    Files.writeString(f, text);
    return f;
  }

  private static final String HEAD = "Clear\nNew Circuit.t basekv=12.47 pu=1.0\n"
      + "New Line.a Bus1=sourcebus Bus2=b r1=0.1 x1=0.2 r0=0.3 x0=0.6 c1=0 c0=0\n";

  private static void assertOneLineError(PowerflowCommandTest.Run r, String... expected) {
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("peergrid: ").contains(expected).doesNotContain("Exception");
  }

  @Test
  void unknownClassNamesFileAndLine() throws Exception {
    Path f = script(HEAD + "New Storage.s1 bus1=b\n");
    assertOneLineError(PowerflowCommandTest.run("powerflow", "--case", f.toString()), f + ":4:", "'storage'");
  }

  @Test
  void unknownPropertyNamesFileLineAndProperty() throws Exception {
    Path f = script(HEAD + "New Load.l1 bus1=b kw=10\n~ kvarr=3\n");
    assertOneLineError(PowerflowCommandTest.run("powerflow", "--case", f.toString()), f + ":5:", "Load.l1",
        "'kvarr'");
  }

  @Test
  void meshedFeederNamesTheElementClosingTheLoop() throws Exception {
    Path f = script(HEAD + "New Line.b Bus1=b Bus2=c r1=0.1 x1=0.2\nNew Line.c Bus1=c Bus2=sourcebus r1=0.1 x1=0.2\n"
        + "Set VoltageBases=[12.47]\n");
    assertOneLineError(PowerflowCommandTest.run("powerflow", "--case", f.toString()), f + ":5:", "Line.c",
        "closes a loop");
  }

  @Test
  void busWithoutAVoltageBase() throws Exception {
    Path f = script(HEAD + "New Transformer.t Buses=[b c] kVs=[12.47 0.4] kVAs=[500 500] XHL=4\n"
        + "Set VoltageBases=[12.47]\n");
    assertOneLineError(PowerflowCommandTest.run("powerflow", "--case", f.toString()), "bus c", f + ":4",
        "Set VoltageBases", f + ":5");
  }
}
