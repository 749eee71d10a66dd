package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/**
 * {@code peergrid realtime --cluster} end to end (issue 18): the bundled example's day ahead played
 * by vc-game's players or vc-coop's agents on 3 local node JVMs gives every file of the run in this
 * JVM (byte for byte, wall times aside), and summary.json reports the cluster's traffic; bad cluster
 * options fail as {@code clear}'s do. The nodes are started once and shared by both games (starting
 * three JVMs is most of a cluster test's time); {@code --local-nodes} starts them the same way
 * ({@link ClearClusterTest}).
 */
class RealtimeClusterTest {
  private static final String SEED = "7";
  @RegisterExtension static final SharedLocalNodes NODES = new SharedLocalNodes(3);

  @TempDir Path dir;

  @Test
  void vcGameDayAheadOnThreeNodesWritesTheInProcessFiles() throws IOException {
    assertTheInProcessRun("vc-game");
  }

  @Test
  void vcCoopDayAheadOnThreeNodesWritesTheInProcessFiles() throws IOException {
    assertTheInProcessRun("vc-coop");
  }

  private void assertTheInProcessRun(String mechanism) throws IOException {
    Path local = dir.resolve("local");
    Path onCluster = dir.resolve("cluster");
    Run inProcess = RealtimeCommandTest.realtime(ClearClusterTest.example(), local, "--mechanism", mechanism,
        "--sample-seed", SEED);
    assertThat(inProcess.exit()).as(inProcess.err()).isZero();
    Run run = RealtimeCommandTest.realtime(ClearClusterTest.example(), onCluster, "--mechanism", mechanism,
        "--sample-seed", SEED, "--cluster", NODES.seed());
    assertThat(run.exit()).as(run.err()).isZero();

    List<String> files = Files.list(local).map(p -> p.getFileName().toString()).sorted().toList();
    assertThat(files).contains(RealtimeCommand.VCS, RealtimeCommand.VC_NETTING, RealtimeCommand.SCHEDULE);
    assertThat(Files.list(onCluster).map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(files);
    for (String f : files) {
      if (f.equals(RealtimeCommand.INTERVALS)) {
        assertThat(withoutSolveMillis(onCluster.resolve(f))).as(f).isEqualTo(withoutSolveMillis(local.resolve(f)));
      } else if (!f.equals(RealtimeCommand.SUMMARY)) {
        assertThat(Files.readString(onCluster.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
      }
    }

    JsonNode s = RealtimeCommandTest.summary(onCluster);
    JsonNode inProcessSummary = RealtimeCommandTest.summary(local);
    ClearClusterTest.assertFaultlessClusterKeys(s, 3, run);
    assertThat(inProcessSummary.has("cluster_messages")).isFalse();
    assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "Cluster         3 nodes, %,d messages, %,d bytes",
        s.get("cluster_messages").asLong(), s.get("cluster_bytes").asLong()));
    // Apart from the cluster's keys and the wall times, the summary is the in-process one.
    s.fieldNames().forEachRemaining(k -> {
      if (k.equals("dayahead")) { // "cleared now (vc-game, 47 rounds, 3 DSO plays, 658 ms)"
        assertThat(withoutMillis(s.get(k).asText())).as(k).isEqualTo(withoutMillis(inProcessSummary.get(k).asText()));
      } else if (!k.startsWith("cluster_") && !k.endsWith("_ms") && !k.contains("_ms_")) {
        assertThat(s.get(k)).as(k).isEqualTo(inProcessSummary.get(k));
      }
    });
    assertThat(s.get("realtime_cost").asDouble()).isPositive();
  }

  /** realtime_intervals.csv without its solve_ms column: the only one that a wall clock writes. */
  private static String withoutSolveMillis(Path intervals) throws IOException {
    List<String> header = List.of(Files.readAllLines(intervals).get(0).split(","));
    int column = header.indexOf("solve_ms");
    assertThat(column).isPositive();
    return Files.readAllLines(intervals).stream().map(line -> {
      String[] cells = line.split(",", -1);
      cells[column] = "";
      return String.join(",", cells);
    }).collect(Collectors.joining("\n"));
  }

  private static String withoutMillis(String text) {
    return text.replaceAll("\\d+ ms", "N ms");
  }

  @Test
  void aClusterAddressWhereNoNodeRunsExitsWithFive() {
    ClearClusterTest.assertCouldNotJoinPortOne(RealtimeCommandTest.realtime(ClearClusterTest.example(),
        dir.resolve("out"), "--mechanism", "vc-game", "--sample-seed", SEED, "--cluster", "127.0.0.1:1",
        "--join-timeout", "3"));
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aDlmpDayAheadOnAClusterIsAUsageError() {
    Run run = RealtimeCommandTest.realtime(ClearClusterTest.example(), dir.resolve("out"), "--sample-seed", SEED,
        "--local-nodes", "3");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("use --mechanism vc-game or vc-coop");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
