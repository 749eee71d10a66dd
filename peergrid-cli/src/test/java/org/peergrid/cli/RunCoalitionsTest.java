package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peergrid.cli.ClearCommandTest.worked;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/**
 * {@code run} on the coalition case of docs/bargaining.md (worked/lmp3-core.yaml): the report lists
 * the coalition {A2, B2}, what it saves alone (1200) and that Nash's split holds it at exactly that.
 */
class RunCoalitionsTest {
  @TempDir Path dir;

  @Test
  void theReportListsTheCoalitionsAndWhichBind() throws Exception {
    Run r = PowerflowCommandTest.run("run", worked("lmp3-core.yaml").toString(), "--out", dir.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("Coalitions of the scenario", "<td>{A2, B2}</td>", "1,200.00");
    // Nash gives the pair 600 + 600, binding; the DLMP settlement gives it 1800 + 0 (A2's PV sold at 5).
    assertThat(html).containsPattern("1,200\\.00 \\(binds\\)");
    assertThat(html).contains("1,800.00");
  }
}
