package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * {@code realtime --dayahead} refuses a three-phase clear folder written before schedule.csv held the EVs'
 * energies there (issue 19): read as 0 kWh, the overnight car would start the day empty. Such a folder is
 * today's with the EVs' soc_kwh cells emptied, as the older {@code clear} wrote them.
 */
class RealtimeOldClearFolderTest {
  @TempDir Path dir;

  @Test
  void aFolderWithoutTheEvsEnergiesIsRefusedNamingTheFileAndSayingToClearAgain() throws Exception {
    Path scenario = ThreePhaseExample.withEvs(dir, "0.96");
    Path cleared = dir.resolve("cleared");
    PowerflowCommandTest.Run clear = ClearCommandTest.clear(scenario, cleared);
    assertThat(clear.exit()).as(clear.err()).isZero();
    // today's folder is read (RealtimeThreePhaseEvTest runs the day from it)
    ThreePhaseScenario s = ScenarioLoader.loadThreePhase(scenario);
    assertThat(DayAheadFiles.readThreePhase(cleared, s)).isNotNull();

    Path schedule = cleared.resolve(ClearCommand.SCHEDULE);
    List<String> lines = Files.readAllLines(schedule);
    int soc = List.of(lines.get(0).split(",")).indexOf("soc_kwh");
    List<String> old = new ArrayList<>();
    int firstEvLine = 0;
    for (int k = 0; k < lines.size(); k++) {
      String[] cells = lines.get(k).split(",", -1);
      if (k > 0 && cells[1].startsWith("EV")) {
        cells[soc] = "";
        firstEvLine = firstEvLine == 0 ? k + 1 : firstEvLine;
      }
      old.add(String.join(",", cells));
    }
    Files.write(schedule, old);

    PowerflowCommandTest.Run read = RealtimeCommandTest.realtime(scenario, dir.resolve("rt"), "--sample-seed", "4",
        "--dayahead", cleared.toString());
    assertThat(read.exit()).isEqualTo(1);
    assertThat(read.err()).contains(schedule + ":" + firstEvLine + ": column soc_kwh", "EV EV675b has no energy",
        "Clear the day again").doesNotContain("Exception");
    assertThat(dir.resolve("rt").resolve("summary.json")).doesNotExist();
  }
}
