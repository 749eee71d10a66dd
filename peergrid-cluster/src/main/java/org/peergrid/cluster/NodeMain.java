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
    run(host, port, join);
  }

  /** Starts a node and blocks until its JVM is stopped. */
  public static void run(String host, int port, String join) throws InterruptedException {
    ClusterNode node = ClusterNode.start(host, port, join == null ? host + ":" + port : join, ClusterNode.NODE_ROLE);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close));
    node.awaitTermination();
  }
}
