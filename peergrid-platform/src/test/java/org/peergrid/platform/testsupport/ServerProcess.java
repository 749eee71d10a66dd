package org.peergrid.platform.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link ServerProcessMain} started with this JVM's java and the test classpath; its log goes to a file. */
public final class ServerProcess implements AutoCloseable {
  private static final long START_TIMEOUT_S = 90;

  private final Process process;
  public final int port;
  public final Optional<String> dsoCredential;

  /** The server on embedded H2 in {@code dataDir}, with a 256 MB heap. */
  public ServerProcess(Path dataDir, Path log) throws IOException {
    this(dataDir.toString(), "256m", log);
  }

  /**
   * The server on the database of a JDBC URL (e.g. PostgreSQL's, user and password in it).
   *
   * @param maxHeap the server JVM's -Xmx, e.g. {@code 1g}
   */
  public static ServerProcess onDatabase(String jdbcUrl, String maxHeap, Path log) throws IOException {
    return new ServerProcess(jdbcUrl, maxHeap, log);
  }

  private ServerProcess(String database, String maxHeap, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    process = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "-cp", classpath, ServerProcessMain.class.getName(),
        database)).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String[]> started = CompletableFuture.supplyAsync(() -> {
      String dso = null;
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("DSO ")) {
            dso = line.substring(4);
          } else if (line.startsWith("PORT ")) {
            return new String[] {line.substring(5), dso};
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("the server process ended before listening; see " + log);
    });
    try {
      String[] got = started.get(START_TIMEOUT_S, TimeUnit.SECONDS);
      port = Integer.parseInt(got[0]);
      dsoCredential = Optional.ofNullable(got[1]);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the server process did not start; see " + log, e);
    }
  }

  /** Kills it with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux) and returns its exit value. */
  public int killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server process survived SIGKILL");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }
}
