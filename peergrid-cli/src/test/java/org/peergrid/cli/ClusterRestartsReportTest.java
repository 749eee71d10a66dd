package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.cluster.ClusterGames;

/**
 * How {@code clear} reports a node lost during a run on a cluster (docs/cluster.md, Faults): the
 * summary's keys and the console line. The recovery itself is tested with real nodes killed in
 * peergrid-cluster's ClusterGamesTest; ClearClusterTest checks the keys of a run without a fault.
 */
class ClusterRestartsReportTest {
  @Test
  void aRestartIsInTheSummaryAndOnTheConsole() {
    ClusterGames.Restarts r = new ClusterGames.Restarts(List.of("127.0.0.1:40199"), 2, List.of("C02", "R05"), 9);
    ObjectNode summary = new ObjectMapper().createObjectNode();
    ClusterOptions.withRestarts(summary, r);
    assertThat(summary.get("cluster_nodes_lost").asInt()).isEqualTo(1);
    assertThat(summary.get("cluster_restarts").asLong()).isEqualTo(2);
    assertThat(summary.get("cluster_rehosted")).extracting(n -> n.asText()).containsExactly("C02", "R05");
    assertThat(summary.get("cluster_replayed").asLong()).isEqualTo(9);
    assertThat(ClusterOptions.restartLine(r)).hasValue("cluster: 1 node(s) lost during the run (127.0.0.1:40199);"
        + " 2 entities restarted on the other nodes and given their history again (9 questions replayed),"
        + " hosting C02, R05");
  }

  @Test
  void aNodeLostBeforeAnyEntityHadAHistoryIsStillReported() {
    ClusterGames.Restarts r = new ClusterGames.Restarts(List.of("127.0.0.1:40199"), 0, List.of(), 0);
    assertThat(ClusterOptions.restartLine(r)).hasValue(
        "cluster: 1 node(s) lost during the run (127.0.0.1:40199); no entity had a history to restore");
  }

  @Test
  void withoutAFaultTheKeysAreZeroAndThereIsNoLine() {
    ClusterGames.Restarts none = new ClusterGames.Restarts(List.of(), 0, List.of(), 0);
    ObjectNode summary = new ObjectMapper().createObjectNode();
    ClusterOptions.withRestarts(summary, none);
    assertThat(summary.get("cluster_restarts").asLong()).isZero();
    assertThat(summary.get("cluster_rehosted")).isEmpty();
    assertThat(ClusterOptions.restartLine(none)).isEmpty();
  }
}
