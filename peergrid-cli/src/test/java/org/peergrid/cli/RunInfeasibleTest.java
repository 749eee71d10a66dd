package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid run} on a day without a schedule: a short report that says why, and exit code 4. */
class RunInfeasibleTest {
  @TempDir Path dir;

  @Test
  void infeasibleDayGetsTheDiagnosisAndNoStaleFiles() throws Exception {
    for (String feeder : new String[] {"toy3.m", "toy3-q300.m"}) {
      Files.copy(ClearCommandTest.worked(feeder), dir.resolve(feeder));
    }
    Path scenario = Files.writeString(dir.resolve("ex3.yaml"),
        Files.readString(ClearCommandTest.worked("ex3.yaml")).replace("\"1-2\": 1500", "\"1-2\": 1000"));
    Path out = Files.createDirectories(dir.resolve("out"));
    // An earlier run's files: the ones it listed go, anything else stays.
    Files.writeString(out.resolve("summary.json"), "{\"report\": \"report.html\", \"files\": [\"grid.csv\"]}");
    Files.writeString(out.resolve("grid.csv"), "old\n");
    Files.writeString(out.resolve("notes.txt"), "mine\n");

    Run r = PowerflowCommandTest.run("run", scenario.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).contains("1000.0 kVA"));
    assertThat(r.out()).contains("Status          INFEASIBLE", "Report          " + out.resolve("report.html"));
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html",
          "summary.json", "notes.txt");
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("No schedule: INFEASIBLE")
        .doesNotContain("<section id=\"feeder\">");
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.get("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(s.get("diagnosis").asText()).contains("1000.0 kVA");
    assertThat(s.get("peak_interval").isNull()).isTrue();
    assertThat(s.get("variants")).isEmpty();
    assertThat(s.at("/clearing/status").asText()).isEqualTo("INFEASIBLE");
  }
}
