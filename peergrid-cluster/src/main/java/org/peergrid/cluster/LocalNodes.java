package org.peergrid.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * N node JVMs on 127.0.0.1 for one run ({@code clear --local-nodes N}, the tests): the first is the
 * seed, the others join it; all are stopped at {@link #close()}. They run this JVM's class path.
 */
public final class LocalNodes implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Process> byAddress = new HashMap<>();
  private final String seed;
  private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private LocalNodes(String seed) {
    this.seed = seed;
  }

  public static LocalNodes start(int count) {
    if (count < 1) {
      throw new ClusterFailure("--local-nodes must be at least 1, got " + count);
    }
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      ports[i] = freePort();
    }
    LocalNodes nodes = new LocalNodes("127.0.0.1:" + ports[0]);
    try {
      for (int port : ports) {
        nodes.startNode(port);
      }
    } catch (ClusterFailure e) {
      nodes.close();
      throw e;
    }
    return nodes;
  }

  /** One more node joining through a node that is still running (tests replace a killed one with it). */
  public void add() {
    String through = byAddress.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey)
        .sorted().findFirst().orElseThrow(() -> new ClusterFailure("no local node is running to join"));
    startNode(freePort(), through);
  }

  private void startNode(int port) {
    startNode(port, seed);
  }

  private void startNode(int port, String join) {
    ProcessBuilder pb = new ProcessBuilder(javaCommand, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        NodeMain.class.getName(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--join", join);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      processes.add(p);
      byAddress.put("127.0.0.1:" + port, p);
    } catch (IOException e) {
      throw new ClusterFailure("could not start a local node JVM (" + javaCommand + "): " + e.getMessage(), e);
    }
  }

  /** The seed node's HOST:PORT. */
  public String seed() {
    return seed;
  }

  /** The node processes, seed first, in the order they were started (tests kill one). */
  public List<Process> processes() {
    return List.copyOf(processes);
  }

  /** The node process listening at HOST:PORT, if it is one of these. */
  public Optional<Process> process(String hostPort) {
    return Optional.ofNullable(byAddress.get(hostPort));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new ClusterFailure("no free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
