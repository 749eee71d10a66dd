package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user runs it: output, exit codes and one-line errors without stack traces. */
class PowerflowCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PeergridCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path feeder(String name) {
    String root = System.getProperty("peergrid.root.dir", "..");
    return Path.of(root, "examples", "feeders", name + ".m");
  }

  @Test
  void jsonHasTheDocumentedKeysAndMatpowersFigures() throws Exception {
    Run r = run("powerflow", "--case", feeder("case33bw").toString(), "--json");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("buses").asInt()).isEqualTo(33);
    assertThat(json.get("converged").asBoolean()).isTrue();
    assertThat(json.get("iterations").asInt()).isPositive();
    assertThat(json.get("losses_kw").asDouble()).isCloseTo(202.677, within(0.01));
    assertThat(json.get("losses_kvar").asDouble()).isCloseTo(135.141, within(0.01));
    assertThat(json.get("vmin_pu").asDouble()).isCloseTo(0.913090, within(1e-5));
    assertThat(json.get("vmin_bus").asInt()).isEqualTo(18);
    assertThat(json.get("vmax_pu").asDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(json.get("vmax_bus").asInt()).isEqualTo(1);
    assertThat(json.get("solve_ms").asDouble()).isPositive();
    JsonNode voltages = json.get("voltages");
    assertThat(voltages).hasSize(33);
    assertThat(voltages.get(17).get("bus").asInt()).isEqualTo(18);
    assertThat(voltages.get(17).get("vm_pu").asDouble()).isCloseTo(0.913090, within(1e-5));
    assertThat(voltages.get(17).has("va_deg")).isTrue();
  }

  @Test
  void tableIsReadable() {
    Run r = run("powerflow", "--case", feeder("case69").toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("CONVERGED").contains("Losses          224.992 kW")
        .contains("min 0.909188 p.u. at bus 65");
  }

  private static void assertOneLineError(Run r, String expected) {
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("peergrid: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.m");
    assertOneLineError(run("powerflow", "--case", missing.toString()), missing + ": no such file");
  }

  @Test
  void malformedMatrix() throws Exception {
    String text = Files.readString(feeder("case33bw")).replace("\t3\t1\t90\t40", "\t3\t1\t9o\t40");
    Path file = Files.writeString(dir.resolve("bad.m"), text);
    assertOneLineError(run("powerflow", "--case", file.toString()), file + ":24: mpc.bus column 3: cannot read '9o'");
  }

  @Test
  void wrongColumnCount() throws Exception {
    String text = Files.readString(feeder("case33bw")).replace("\t1\t2\t0.0922\t0.0470\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
        "\t1\t2\t0.0922\t0.0470\t0\t0\t0\t0\t0\t0;");
    Path file = Files.writeString(dir.resolve("cols.m"), text);
    assertOneLineError(run("powerflow", "--case", file.toString()),
        file + ":66: mpc.branch row has 10 columns; MATPOWER branch rows need at least 11");
  }

  @Test
  void unknownStatement() throws Exception {
    String text = Files.readString(feeder("case33bw")) + "mpc.bus(:, VM) = 1.02;\n";
    Path file = Files.writeString(dir.resolve("stmt.m"), text);
    assertOneLineError(run("powerflow", "--case", file.toString()), file + ":126: unknown statement 'mpc.bus(:, VM) = 1.02;'");
  }

  @Test
  void meshedCase() throws Exception {
    // Close the 25-29 tie switch of the 33-bus feeder.
    String text = Files.readString(feeder("case33bw")).replace("\t25\t29\t0.5000\t0.5000\t0\t0\t0\t0\t0\t0\t0",
        "\t25\t29\t0.5000\t0.5000\t0\t0\t0\t0\t0\t0\t1");
    Path file = Files.writeString(dir.resolve("meshed.m"), text);
    assertOneLineError(run("powerflow", "--case", file.toString()),
        file + ": loop: in-service branch 37 (25-29) closes the loop through buses 25-24-23-3-4-5-6-26-27-28-29");
  }

  @Test
  void severalSources() {
    assertOneLineError(run("powerflow", "--case", feeder("case4_dist").toString()), "several sources: bus 400");
  }

  @Test
  void missingOptionIsAUsageError() {
    Run r = run("powerflow");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--case=FILE'");
  }

  @Test
  void nonConvergenceExitsWithThreeAndStillPrints() {
    Run r = run("powerflow", "--case", feeder("case33bw").toString(), "--max-iterations", "2", "--json");
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_NOT_CONVERGED);
    assertThat(r.out()).contains("\"converged\" : false").contains("\"status\" : \"MAX_ITERATIONS\"");
  }

  @Test
  void helpListsOptionsWithDefaults() {
    Run top = run("--help");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).contains("powerflow").contains("Exit codes");
    Run sub = run("powerflow", "--help");
    assertThat(sub.out()).contains("--case=FILE").contains("--json").contains("(default: 1e-10)");
  }
}
