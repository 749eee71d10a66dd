package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peergrid clear --local-nodes 3 --mechanism vc-game} end to end (issue 18): the files are
 * those of the in-process run, and summary.json reports the cluster's traffic; bad cluster options
 * fail with clear messages and the documented exit codes.
 */
class ClearClusterTest {
  @TempDir Path dir;

  static Path example() {
    return Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-community", "scenario.yaml");
  }

  @Test
  void vcGameOnThreeLocalNodesWritesTheInProcessFiles() throws Exception {
    Path local = dir.resolve("local");
    Path onCluster = dir.resolve("cluster");
    PowerflowCommandTest.Run inProcess = ClearCommandTest.clear(example(), local, "--mechanism", "vc-game");
    assertThat(inProcess.exit()).as(inProcess.err()).isZero();
    PowerflowCommandTest.Run run = ClearCommandTest.clear(example(), onCluster, "--mechanism", "vc-game",
        "--local-nodes", "3");
    assertThat(run.exit()).as(run.err()).isZero();
    for (String f : new String[] {"schedule.csv", "prices.csv", "settlement.csv", "trades.csv", "vcs.csv"}) {
      assertThat(Files.readString(onCluster.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
    }
    JsonNode s = ClearCommandTest.summary(onCluster);
    assertFaultlessClusterKeys(s, 3, run);
    // Apart from the cluster's keys and the wall times, the summary is the in-process one.
    JsonNode inProcessSummary = ClearCommandTest.summary(local);
    s.fieldNames().forEachRemaining(k -> {
      if (!k.startsWith("cluster_") && !k.contains("ms") && !k.contains("time") && !k.contains("millis")) {
        assertThat(s.get(k)).as(k).isEqualTo(inProcessSummary.get(k));
      }
    });
    assertThat(inProcessSummary.has("cluster_messages")).isFalse();
  }

  /** A summary of a run on {@code nodes} nodes that lost none: its traffic, and nothing restarted or replayed. */
  static void assertFaultlessClusterKeys(JsonNode s, int nodes, PowerflowCommandTest.Run run) {
    assertThat(s.get("cluster_nodes").asInt()).isEqualTo(nodes);
    assertThat(s.get("cluster_messages").asLong()).isPositive();
    assertThat(s.get("cluster_bytes").asLong()).isGreaterThan(s.get("cluster_messages").asLong());
    // no fault: nothing lost, restarted or replayed, and no line about it
    assertThat(s.get("cluster_nodes_lost").asInt()).isZero();
    assertThat(s.get("cluster_restarts").asLong()).isZero();
    assertThat(s.get("cluster_rehosted").isArray()).isTrue();
    assertThat(s.get("cluster_rehosted")).isEmpty();
    assertThat(s.get("cluster_replayed").asLong()).isZero();
    assertThat(run.out()).doesNotContain("lost during the run");
  }

  @Test
  void aClusterAddressWhereNoNodeRunsExitsWithFive() {
    assertCouldNotJoinPortOne(ClearCommandTest.clear(example(), dir.resolve("out"), "--mechanism", "vc-coop",
        "--cluster", "127.0.0.1:1", "--join-timeout", "3"));
  }

  /** A run given {@code --cluster 127.0.0.1:1}, where no node runs: exit code 5 and a message, no stack trace. */
  static void assertCouldNotJoinPortOne(PowerflowCommandTest.Run run) {
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_CLUSTER);
    assertThat(run.err()).contains("could not join the cluster at 127.0.0.1:1", "peergrid node")
        .doesNotContain("Exception");
  }

  @Test
  void clusterOptionsOnAMechanismThatIsNotAGameAreAUsageError() {
    PowerflowCommandTest.Run run = ClearCommandTest.clear(example(), dir.resolve("out"), "--mechanism", "dlmp",
        "--local-nodes", "3");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("use --mechanism vc-game or vc-coop");
  }
}
