package org.peergrid.cluster;

/**
 * A node JVM: {@code NodeMain --port P [--host H] [--join HOST:PORT]}; without --join it seeds a new
 * cluster of its own. {@code peergrid node} does the same from the CLI.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    String host = "127.0.0.1";
    int port = -1;
    String join = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--join" -> join = args[i + 1];
        default -> {
          System.err.println("unknown option " + args[i] + " (use --port P [--host H] [--join HOST:PORT])");
          System.exit(2);
        }
      }
    }
    if (port < 0) {
      System.err.println("--port is required");
      System.exit(2);
    }
    try {
      run(host, port, join);
    } catch (ClusterFailure e) {
      System.err.println(e.getMessage());
      System.exit(5);
    }
  }

  /**
   * Starts a node and blocks until its JVM is stopped.
   *
   * @throws ClusterFailure when the cluster removed this node (the others downed it: they lost
   *     contact with it); its entities run on the other nodes by then
   */
  public static void run(String host, int port, String join) throws InterruptedException {
    ClusterNode node = ClusterNode.start(host, port, join == null ? host + ":" + port : join, ClusterNode.NODE_ROLE);
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      node.close();
    }));
    node.awaitTermination();
    if (!stopping.get()) {
      throw new ClusterFailure("node " + host + ":" + port + " was removed from the cluster (the other members lost"
          + " contact with it and the split-brain resolver downed it; its players and agents run on the other nodes"
          + " now): start it again to rejoin (docs/cluster.md, Faults)");
    }
  }
}
