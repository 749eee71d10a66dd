package org.peergrid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.peergrid.cluster.ClusterFailure;
import org.peergrid.cluster.ClusterGames;
import org.peergrid.cluster.LocalNodes;
import org.peergrid.market.vc.CoopAgents;
import org.peergrid.market.vc.VcNashGame;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --cluster HOST:PORT} and {@code --local-nodes N}: where vc-game's players and vc-coop's
 * agents run (clear, realtime's day ahead), or a region's DSOs (docs/cluster.md). Neither: in this JVM.
 */
final class ClusterOptions {
  @Option(names = "--cluster", paramLabel = "HOST:PORT",
      description = "Run the work on the cluster whose seed node is HOST:PORT (started with 'peergrid node';"
          + " docs/cluster.md): vc-game's players or vc-coop's agents (clear, realtime's day ahead), the"
          + " feeders' DSOs (region);"
          + " default: in this JVM.")
  String cluster;

  @Option(names = "--local-nodes", paramLabel = "N",
      description = "Run the work (as --cluster) on N node JVMs started on 127.0.0.1 for this run and stopped"
          + " after (docs/cluster.md; default: in this JVM).")
  Integer localNodes;

  @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for the cluster's nodes to be up before failing with exit code 5"
          + " (default: ${DEFAULT-VALUE} s).")
  int joinTimeoutSeconds;

  boolean requested() {
    return cluster != null || localNodes != null;
  }

  /** Checks the options against the mechanism; a usage error (exit 2) when they do not fit. */
  void check(CommandLine commandLine, String mechanism) {
    checkOptions(commandLine);
    if (requested() && !mechanism.equals("vc-game") && !mechanism.equals("vc-coop")) {
      throw new CommandLine.ParameterException(commandLine,
          "--cluster and --local-nodes run the games only: use --mechanism vc-game or vc-coop");
    }
  }

  /** Checks the options among themselves; a usage error (exit 2) when they do not fit. */
  void checkOptions(CommandLine commandLine) {
    if (cluster != null && localNodes != null) {
      throw new CommandLine.ParameterException(commandLine, "give --cluster or --local-nodes, not both");
    }
    if (joinTimeoutSeconds < 1) {
      throw new CommandLine.ParameterException(commandLine, "--join-timeout must be at least 1 s, got " + joinTimeoutSeconds);
    }
    if (localNodes != null && localNodes < 1) {
      throw new CommandLine.ParameterException(commandLine, "--local-nodes must be at least 1, got " + localNodes);
    }
  }

  /**
   * Runs {@code work} with this run's cluster when one was asked for (joined first, left after, its
   * local nodes stopped), or with none; a failure of the cluster is reported on standard error and
   * ends the run with exit code 5, no stack trace (docs/cluster.md).
   */
  int run(CommandLine commandLine, Function<Optional<Session>, Integer> work) {
    if (!requested()) {
      return work.apply(Optional.empty());
    }
    try (Session session = open()) {
      return work.apply(Optional.of(session));
    } catch (ClusterFailure e) {
      commandLine.getErr().println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_CLUSTER;
    }
  }

  /** vc-game's players: on the cluster when there is one, else in this JVM. */
  static VcNashGame.PlayerPlacement players(Optional<Session> cluster, Path scenarioFile) {
    return cluster.map(c -> c.games().players(scenarioFile)).orElse(VcNashGame.PlayerPlacement.LOCAL);
  }

  /** vc-coop's agents: on the cluster when there is one, else in this JVM. */
  static CoopAgents.Placement agents(Optional<Session> cluster, Path scenarioFile) {
    return cluster.map(c -> c.games().agents(scenarioFile)).orElse(CoopAgents.Placement.LOCAL);
  }

  /** The cluster for this run, joined; the local nodes, when asked for, started first. */
  Session open() {
    LocalNodes nodes = localNodes == null ? null : LocalNodes.start(localNodes);
    try {
      String seed = nodes == null ? cluster : nodes.seed();
      return new Session(Optional.ofNullable(nodes), ClusterGames.join(seed, localNodes == null ? 1 : localNodes,
          Duration.ofSeconds(joinTimeoutSeconds)));
    } catch (RuntimeException e) {
      if (nodes != null) {
        nodes.close();
      }
      throw e;
    }
  }

  /** A joined cluster for one run: its placements and traffic; closing leaves it and stops local nodes. */
  record Session(Optional<LocalNodes> nodes, ClusterGames games) implements AutoCloseable {
    /** summary.json with the cluster's nodes, traffic and restarts added (docs/formats.md). */
    String withClusterKeys(String summaryJson) throws IOException {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode summary = (ObjectNode) mapper.readTree(summaryJson);
      putClusterKeys(summary);
      return mapper.writeValueAsString(summary) + (summaryJson.endsWith("\n") ? "\n" : "");
    }

    /** Gives {@code files}' summary (the file named {@code summary}, when among them) the cluster's keys. */
    void withClusterKeys(Map<String, String> files, String summary) {
      if (files.containsKey(summary)) {
        try {
          files.put(summary, withClusterKeys(files.get(summary)));
        } catch (IOException e) {
          throw new IllegalStateException(summary + " is not JSON: " + e.getMessage(), e);
        }
      }
    }

    /** The console's lines on the cluster: its nodes and traffic, then what the run survived, if anything. */
    void print(PrintWriter out) {
      out.printf(Locale.ROOT, "Cluster         %d nodes, %,d messages, %,d bytes%n", games.nodes(), games.messages(),
          games.bytes());
      restartLine().ifPresent(out::println);
    }

    /** The cluster's nodes, traffic and restarts as keys of a summary (docs/formats.md). */
    void putClusterKeys(ObjectNode summary) {
      summary.put("cluster_nodes", games.nodes());
      summary.put("cluster_messages", games.messages());
      summary.put("cluster_bytes", games.bytes());
      withRestarts(summary, games.restarts());
    }

    /** The console's line on the nodes lost during the run and what was restarted, when any was. */
    Optional<String> restartLine() {
      return ClusterOptions.restartLine(games.restarts());
    }

    @Override
    public void close() {
      games.close();
      nodes.ifPresent(LocalNodes::close);
    }
  }

  /** The summary's keys on what a run survived (docs/formats.md). */
  static void withRestarts(ObjectNode summary, ClusterGames.Restarts r) {
    summary.put("cluster_nodes_lost", r.nodesLost().size());
    summary.put("cluster_restarts", r.entities());
    com.fasterxml.jackson.databind.node.ArrayNode rehosted = summary.putArray("cluster_rehosted");
    r.participants().forEach(rehosted::add);
    summary.put("cluster_replayed", r.replayed());
  }

  /** The console's line on what a run survived; none when no node was lost and nothing restarted. */
  static Optional<String> restartLine(ClusterGames.Restarts r) {
    if (!r.any()) {
      return Optional.empty();
    }
    String lost = "cluster: " + r.nodesLost().size() + " node(s) lost during the run ("
        + String.join(", ", r.nodesLost()) + "); ";
    if (r.entities() == 0) {
      return Optional.of(lost + "no entity had a history to restore");
    }
    return Optional.of(lost + r.entities() + " entit" + (r.entities() == 1 ? "y" : "ies")
        + " restarted on the other nodes and given their history again (" + r.replayed()
        + " questions replayed), hosting " + String.join(", ", r.participants()));
  }
}
