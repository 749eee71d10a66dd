package org.peergrid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.store.Database;

/**
 * The server side of {@link PlatformLoadBenchmark}, run in a JVM of its own: starts the platform on
 * 127.0.0.1, opens the market days of the run on the bundled 33-bus community, registers the
 * prosumers of each burst and pre-signs one offer each, writes them to the work folder for the load
 * generator and serves until its standard input closes. Nothing here is timed.
 *
 * <p>Arguments: {@code WORK_DIR JDBC_URL|- RUN_ID BURST_SIZE...}; {@code -} is embedded H2 in a
 * fresh temporary folder. Each burst gets a day {@code RUN_ID-bK} and a file {@code RUN_ID-bK.txt} of
 * {@code token TAB signed-offer} lines; the port goes to {@code ready} last.
 */
public final class PlatformLoadServer {
  private static final String OFFER = "{\"load_kw\": [20, 35, 40, 60], \"pv_kw\": [0, 60, 80, 0]}";

  private PlatformLoadServer() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String jdbcUrl = args[1].equals("-") ? Database.h2Url(Files.createTempDirectory("peergrid-load")) : args[1];
    String runId = args[2];
    Path root = Path.of(System.getProperty("peergrid.root.dir", "."));
    String scenario = Files.readString(root.resolve("examples/scenarios/community33.yaml"));
    String feeder = Files.readString(root.resolve("examples/feeders/case33bw.m"));
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(jdbcUrl, 0), Clock.systemUTC())) {
      MarketService market = server.market();
      long preparing = System.nanoTime();
      Instant gate = Instant.now().plus(Duration.ofHours(1));
      List<String> days = new ArrayList<>();
      for (int k = 3; k < args.length; k++) {
        String day = day(runId, k - 3);
        market.openDay(day, scenario, feeder, "dlmp", gate);
        Files.write(work.resolve(burstFile(day)), signedOffers(market, day, Integer.parseInt(args[k])));
        days.add(day);
      }
      System.out.printf("server: %d bursts prepared in %.1f s%n", args.length - 3,
          (System.nanoTime() - preparing) / 1e9);
      Files.writeString(work.resolve("ready.tmp"), server.port() + "\n");
      Files.move(work.resolve("ready.tmp"), work.resolve("ready"));
      while (System.in.read() >= 0) {
        // serve until the load generator closes our standard input
      }
      for (String day : days) {
        System.out.println("server: day " + day + " holds offers of " + market.store().offerCount(day)
            + " participants");
      }
    }
  }

  /** The market day of burst k. */
  static String day(String runId, int k) {
    return runId + "-b" + k;
  }

  /** The file in the work folder that holds a day's burst. */
  static String burstFile(String day) {
    return day + ".txt";
  }

  /**
   * Registers n prosumers on the day (buses 2..33 in turn) and signs one offer for each, on every
   * core (the JDK's Ed25519 takes about a millisecond per key and per signature).
   */
  private static List<String> signedOffers(MarketService market, String day, int n) throws Exception {
    JsonNode offer = new ObjectMapper().readTree(OFFER);
    SecureRandom random = new SecureRandom();
    String[] lines = new String[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      KeyPair keys = Ed25519Keys.generate();
      String id = "P" + i;
      String token = market.register(day, id, 2 + i % 32, Ed25519Keys.encode(keys.getPublic()));
      lines[i] = token + "\t" + OfferSigner.sign(keys.getPrivate(), day, id, OfferSigner.nonce(random), Instant.now(),
          offer);
    });
    return List.of(lines);
  }
}
