package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * {@code peergrid clear --cluster} on the three-phase example examples/ieee13-3ph (issue 19): vc-game's
 * players and vc-coop's agents on 3 local node JVMs, each reading its own participant and building the
 * players' day on its node, give every file of the run in this JVM byte for byte (summary.json apart
 * from its wall times and the cluster's keys), and the summary reports the traffic. The nodes are
 * started once and shared by both games, as in {@link RealtimeClusterTest}; {@code --local-nodes}
 * starts them the same way.
 */
class ClearThreePhaseClusterTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  @RegisterExtension static final SharedLocalNodes NODES = new SharedLocalNodes(3);

  @TempDir Path dir;

  @Test
  void vcGameOnThreeNodesWritesTheInProcessFiles() throws IOException {
    assertTheInProcessRun("vc-game", "rounds");
  }

  @Test
  void vcCoopOnThreeNodesWritesTheInProcessFiles() throws IOException {
    assertTheInProcessRun("vc-coop", "ac_rounds");
  }

  private void assertTheInProcessRun(String mechanism, String roundsKey) throws IOException {
    Path local = dir.resolve("local");
    Path onCluster = dir.resolve("cluster");
    Run inProcess = ClearCommandTest.clear(EXAMPLE, local, "--mechanism", mechanism);
    assertThat(inProcess.exit()).as(inProcess.err()).isZero();
    Run run = ClearCommandTest.clear(EXAMPLE, onCluster, "--mechanism", mechanism, "--cluster", NODES.seed());
    assertThat(run.exit()).as(run.err()).isZero();

    List<String> files = Files.list(local).map(p -> p.getFileName().toString()).sorted().toList();
    assertThat(files).contains(ClearCommand.SCHEDULE, ClearCommand.SETTLEMENT, ClearCommand.VCS, ClearCommand.TRADES,
        ThreePhaseClear.PHASE_AC_CHECK);
    assertThat(Files.list(onCluster).map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(files);
    for (String f : files) {
      if (!f.equals(ClearCommand.SUMMARY)) {
        assertThat(Files.readString(onCluster.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
      }
    }
    JsonNode s = ClearCommandTest.summary(onCluster);
    JsonNode inProcessSummary = ClearCommandTest.summary(local);
    ClearClusterTest.assertFaultlessClusterKeys(s, 3, run);
    assertThat(inProcessSummary.has("cluster_messages")).isFalse();
    assertThat(s.get(roundsKey).asInt()).isPositive();
    // Apart from the cluster's keys and the wall times, the summary is the in-process one.
    s.fieldNames().forEachRemaining(k -> {
      if (!k.startsWith("cluster_") && !k.endsWith("_ms")) {
        assertThat(s.get(k)).as(k).isEqualTo(inProcessSummary.get(k));
      }
    });
    assertThat(inProcessSummary.size()).isEqualTo(s.size() - 7);
  }
}
