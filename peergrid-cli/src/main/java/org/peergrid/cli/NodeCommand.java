package org.peergrid.cli;

import java.util.concurrent.Callable;
import org.peergrid.cluster.ClusterFailure;
import org.peergrid.cluster.NodeMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid node}: one member of a cluster that hosts the games' players and agents (docs/cluster.md). */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Starts a cluster node that hosts the games' players and agents and runs until stopped.",
      "Without --join it starts a new cluster with itself as the seed node; 'peergrid clear --cluster "
          + "HOST:PORT' then runs vc-game or vc-coop on it (docs/cluster.md).",
      "Exit codes: 5 the node could not start (for example its port is taken) or the cluster removed it"
          + " (docs/cluster.md, Faults)."})
final class NodeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port of this node (required).")
  int port;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "Address other members reach this node at (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--join", paramLabel = "HOST:PORT",
      description = "Seed node of the cluster to join (default: this node seeds a new cluster).")
  String join;

  @Override
  public Integer call() throws InterruptedException {
    try {
      spec.commandLine().getOut().println("peergrid: node " + host + ":" + port + " started"
          + (join == null ? " as the seed of a new cluster" : ", joining " + join) + "; stop it with Ctrl-C");
      spec.commandLine().getOut().flush();
      NodeMain.run(host, port, join);
      return 0;
    } catch (ClusterFailure e) {
      spec.commandLine().getErr().println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_CLUSTER;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("peergrid: the node could not start on " + host + ":" + port + ": "
          + e.getMessage());
      return PeergridCommand.EXIT_CLUSTER;
    }
  }
}
