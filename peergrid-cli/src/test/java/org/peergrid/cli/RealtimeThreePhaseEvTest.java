package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * {@code peergrid realtime} on examples/ieee13-3ph with two single-phase EV chargers
 * ({@link ThreePhaseExample#withEvs}): the cars leave charged in the re-dispatched day, and a {@code clear}
 * folder (whose schedule.csv holds the EVs' energies, the overnight car's at midnight included) gives the
 * same real-time day as clearing again.
 */
class RealtimeThreePhaseEvTest {
  @TempDir Path dir;

  @Test
  void theCarsLeaveChargedAndAClearFolderGivesTheSameDay() throws Exception {
    Path scenario = ThreePhaseExample.withEvs(dir, "0.96");
    Path cleared = dir.resolve("cleared");
    PowerflowCommandTest.Run clear = ClearCommandTest.clear(scenario, cleared);
    assertThat(clear.exit()).as(clear.err()).isZero();
    Path fresh = dir.resolve("fresh");
    PowerflowCommandTest.Run again = RealtimeCommandTest.realtime(scenario, fresh, "--sample-seed", "4");
    assertThat(again.exit()).as(again.err()).isZero();
    Path fromFolder = dir.resolve("from-folder");
    PowerflowCommandTest.Run read = RealtimeCommandTest.realtime(scenario, fromFolder, "--sample-seed", "4",
        "--dayahead", cleared.toString());
    assertThat(read.exit()).as(read.err()).isZero();
    for (String key : new String[] {"dayahead_cost", "realtime_cost", "deviation_payments"}) {
      assertThat(ClearCommandTest.summary(fromFolder).get(key).asDouble()).as(key)
          .isCloseTo(ClearCommandTest.summary(fresh).get(key).asDouble(), within(1e-6));
    }
    List<CSVRecord> schedule = ClearCommandTest.csv(fresh.resolve("schedule.csv"));
    // EV675b leaves at 07:00 (end of interval 6) with 40 kWh, EV611c at 22:00 (end of 21) with 32 kWh
    assertThat(energy(schedule, "EV675b", 6)).isGreaterThanOrEqualTo(40 - 1e-6);
    assertThat(energy(schedule, "EV611c", 21)).isGreaterThanOrEqualTo(32 - 1e-6);
    List<CSVRecord> dayAhead = ClearCommandTest.csv(cleared.resolve("schedule.csv"));
    // the overnight car ends the day with the day ahead's midnight energy (the car of the next morning)
    assertThat(energy(schedule, "EV675b", 23)).isGreaterThanOrEqualTo(energy(dayAhead, "EV675b", 23) - 1e-6);
    assertThat(ClearCommandTest.csv(fresh.resolve("realtime_settlement.csv"))).extracting(r -> r.get("participant"))
        .contains("EV675b", "EV611c");
  }

  private static double energy(List<CSVRecord> schedule, String id, int t) {
    return schedule.stream().filter(r -> r.get("participant").equals(id) && r.get("interval").equals("" + t))
        .mapToDouble(r -> Double.parseDouble(r.get("soc_kwh"))).findFirst().orElseThrow();
  }
}
