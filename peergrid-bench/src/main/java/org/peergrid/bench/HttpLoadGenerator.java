package org.peergrid.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Sends pre-encoded HTTP/1.1 requests over keep-alive connections from one selector thread and
 * measures their latency. Written here rather than taken from an HTTP client library because a
 * load generator on the same two cores as the server must cost little CPU per request (the JDK's
 * HttpClient took 0.4–0.9 ms per offer, a third of the machine) and because the open-loop mode
 * must time each request from when it was due, not from when a connection got free, or a slow
 * server would hide its own queueing delay ("coordinated omission", G. Tene; what wrk2 corrects).
 *
 * <ul>
 *   <li>{@link #closedLoop}: C connections, each sending its next request when the last one was
 *       answered; latency from the send.
 *   <li>{@link #openLoop}: requests fall due at Poisson arrival times of a given rate (seeded) and go
 *       out on any idle connection; latency from the due time, so time spent waiting for a
 *       connection or in the server's queue counts.
 * </ul>
 */
final class HttpLoadGenerator {
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

  /**
   * What a run measured.
   *
   * @param latencyMicros latency of every answered request with the expected status
   * @param succeeded answered with the expected status
   * @param failed answered with another status, or its connection failed
   * @param unsent not sent before the time limit
   * @param seconds from the first due time to the last answer
   * @param firstFailure the first unexpected response or error, for the report; empty when none
   */
  record Result(Histogram latencyMicros, int succeeded, int failed, int unsent, double seconds, String firstFailure) {
    double throughput() {
      return succeeded / seconds;
    }

    double percentileMillis(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /** Told when sending starts (every connection open) and when the last answer came, before closing. */
  interface Listener {
    void started();

    void finished();
  }

  private final InetSocketAddress server;
  private final byte[][] requests;
  private final int expectedStatus;
  private Listener listener = new Listener() {
    @Override
    public void started() {}

    @Override
    public void finished() {}
  };

  /**
   * @param server where to connect
   * @param requests whole requests (request line, headers, body), each sent once, in order
   * @param expectedStatus the status that counts as success
   */
  HttpLoadGenerator(InetSocketAddress server, byte[][] requests, int expectedStatus) {
    this.server = server;
    this.requests = requests;
    this.expectedStatus = expectedStatus;
  }

  /** Lets the caller measure only the sending, not opening and closing the connections. */
  HttpLoadGenerator listener(Listener l) {
    this.listener = l;
    return this;
  }

  /** An HTTP/1.1 POST of a JSON body with a bearer token, encoded once. */
  static byte[] post(InetSocketAddress server, String path, String bearerToken, String jsonBody) {
    byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
        + "\r\nAuthorization: Bearer " + bearerToken + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  Result closedLoop(int connections, long limitNanos) throws IOException {
    return run(null, connections, limitNanos);
  }

  /**
   * @param connections keep-alive connections opened before the first request; 0 opens a connection
   *     for each request at its due time and closes it after the answer, so connecting counts too
   */
  Result openLoop(double ratePerSecond, int connections, long seed, long limitNanos) throws IOException {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("the arrival rate must be positive, got " + ratePerSecond);
    }
    long[] due = new long[requests.length];
    Random random = new Random(seed);
    double t = 0;
    for (int i = 0; i < due.length; i++) {
      t += -Math.log(1 - random.nextDouble()) / ratePerSecond; // exponential inter-arrival times
      due[i] = (long) (t * 1e9);
    }
    return run(due, connections, limitNanos);
  }

  /** One connection: its channel, the request being written and the response being read. */
  private final class Connection {
    SocketChannel channel;
    SelectionKey key;
    ByteBuffer out;
    byte[] in = new byte[4096];
    int inLength;
    long startNanos;
    boolean busy;
    /** Opened for one request at its due time and closed after the answer. */
    boolean oneShot;

    void open(Selector selector) throws IOException {
      channel = SocketChannel.open(server);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      key = channel.register(selector, SelectionKey.OP_READ, this);
      inLength = 0;
    }

    /** Starts a non-blocking connect for one request; the request goes out once connected. */
    void connectFor(Selector selector, byte[] request, long dueNanos) throws IOException {
      oneShot = true;
      busy = true;
      startNanos = dueNanos;
      out = ByteBuffer.wrap(request);
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      boolean connected = channel.connect(server);
      key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a failed connection
      }
    }
  }

  /** The shared loop: {@code due == null} is the closed loop. */
  private Result run(long[] due, int connections, long limitNanos) throws IOException {
    boolean perRequest = due != null && connections == 0;
    if (connections < 1 && !perRequest) {
      throw new IllegalArgumentException("at least one connection is needed");
    }
    try (Selector selector = Selector.open()) {
      return new Run(selector, due, perRequest).go(connections, limitNanos);
    }
  }

  /** The state of one run: connections, the requests not yet sent, and what was measured so far. */
  private final class Run {
    private final Selector selector;
    private final long[] due;
    private final boolean perRequest;
    private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private int next;
    private int inFlight;
    private int succeeded;
    private int failed;
    private String firstFailure = "";
    private long start;
    private long lastAnswer;

    Run(Selector selector, long[] due, boolean perRequest) {
      this.selector = selector;
      this.due = due;
      this.perRequest = perRequest;
    }

    Result go(int connections, long limitNanos) throws IOException {
      for (int c = 0; c < connections; c++) {
        Connection connection = new Connection();
        connection.open(selector);
        idle.add(connection);
      }
      listener.started();
      start = System.nanoTime();
      lastAnswer = start;
      try {
        while (true) {
          long now = System.nanoTime();
          boolean sending = now - start <= limitNanos;
          if (sending) {
            dispatch(now);
          }
          boolean allSent = next == requests.length && waiting.isEmpty();
          if (inFlight == 0 && (allSent || !sending)) {
            break;
          }
          if (!sending && now - start > limitNanos + DRAIN_NANOS) {
            failed += inFlight;
            noteFailure(inFlight + " requests unanswered after the time limit");
            break;
          }
          long waitMillis = 100;
          if (sending && due != null && next < requests.length) {
            // never 0, which would spin a core the server needs: a send up to 1 ms late is timed
            // from its due time all the same
            waitMillis = Math.max(1, (start + due[next] - now + 999_999) / 1_000_000);
          }
          selector.select(waitMillis);
          for (SelectionKey key : selector.selectedKeys()) {
            serve(key);
          }
          selector.selectedKeys().clear();
        }
      } finally {
        listener.finished();
        for (SelectionKey key : selector.keys()) {
          ((Connection) key.attachment()).close(); // kept and one-shot connections alike
        }
      }
      int unsent = requests.length - next + waiting.size();
      return new Result(latency, succeeded, failed, unsent, Math.max(1, lastAnswer - start) / 1e9, firstFailure);
    }

    /** Makes due requests wait, then sends the waiting ones on new or idle connections. */
    private void dispatch(long now) throws IOException {
      while (next < requests.length && (due == null ? waiting.size() < idle.size() : start + due[next] <= now)) {
        waiting.add(next++);
      }
      while (perRequest && !waiting.isEmpty()) {
        int i = waiting.poll();
        new Connection().connectFor(selector, requests[i], start + due[i]);
        inFlight++;
      }
      while (!waiting.isEmpty() && !idle.isEmpty()) {
        int i = waiting.poll();
        Connection c = idle.poll();
        c.busy = true;
        c.startNanos = due == null ? System.nanoTime() : start + due[i];
        c.out = ByteBuffer.wrap(requests[i]);
        c.channel.write(c.out);
        if (c.out.hasRemaining()) {
          c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
        inFlight++;
      }
    }

    /** Connects, writes or reads as the key is ready; a failed connection counts its request failed. */
    private void serve(SelectionKey key) throws IOException {
      Connection c = (Connection) key.attachment();
      try {
        if (key.isValid() && key.isConnectable() && c.channel.finishConnect()) {
          key.interestOps(SelectionKey.OP_WRITE);
        }
        if (key.isValid() && key.isWritable()) {
          c.channel.write(c.out);
          if (!c.out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
          }
        }
        if (key.isValid() && key.isReadable()) {
          read(c);
        }
      } catch (IOException | RuntimeException e) {
        if (c.busy) {
          failed++;
          inFlight--;
          c.busy = false;
        }
        noteFailure(e.toString());
        c.close();
        if (!c.oneShot) {
          idle.remove(c);
          c.open(selector); // a fresh connection takes its place
          idle.add(c);
        }
      }
    }

    /** Reads what arrived; once a whole response is there, records it and frees the connection. */
    private void read(Connection c) throws IOException {
      if (c.inLength == c.in.length) {
        c.in = Arrays.copyOf(c.in, c.in.length * 2);
      }
      int read = c.channel.read(ByteBuffer.wrap(c.in, c.inLength, c.in.length - c.inLength));
      if (read < 0) {
        throw new IOException("the server closed the connection");
      }
      c.inLength += read;
      int length = HttpResponseFraming.responseLength(c.in, c.inLength);
      if (length == HttpResponseFraming.INCOMPLETE) {
        return;
      }
      long answered = System.nanoTime();
      if (HttpResponseFraming.status(c.in) == expectedStatus) {
        succeeded++;
        latency.recordValue(Math.min(HIGHEST_MICROS, (answered - c.startNanos) / 1000));
      } else {
        failed++;
        noteFailure(new String(c.in, 0, length, StandardCharsets.UTF_8));
      }
      lastAnswer = answered;
      System.arraycopy(c.in, length, c.in, 0, c.inLength - length);
      c.inLength -= length;
      c.busy = false;
      inFlight--;
      if (c.oneShot) {
        c.close();
      } else {
        idle.add(c);
      }
    }

    private void noteFailure(String what) {
      if (firstFailure.isEmpty()) {
        firstFailure = what;
      }
    }
  }
}
