package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.ServerProcess;

/**
 * The durability rule (issue 9, "Must show"): the server, a separate process on embedded H2, is
 * killed with SIGKILL while prosumers are submitting; after a restart on the same data folder every
 * offer that got a receipt is stored with that receipt, and the ledger verifies. Bounded: 240 offers,
 * 16 connections, loopback.
 */
class KillDuringBurstTest {
  private static final int PROSUMERS = 240;
  private static final int CONNECTIONS = 16;
  /** Kill once this many receipts came back, so the rest of the burst is in flight or unsent. */
  private static final int KILL_AFTER_RECEIPTS = 60;
  private static final int SIGKILL_EXIT = 128 + 9;

  @Test
  void everyAcknowledgedOfferSurvivesKillMinusNine() throws Exception {
    Path target = Path.of("target", "kill-during-burst");
    Files.createDirectories(target);
    Path data = Files.createTempDirectory(target.toAbsolutePath(), "data");
    Path log = target.resolve("server.log");
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // participant -> receipt
    String dso;
    Map<String, String> tokens = new HashMap<>();
    int sent;
    try (ServerProcess first = new ServerProcess(data, log)) {
      dso = first.dsoCredential.orElseThrow();
      Http http = new Http(first.port);
      assertThat(http.post("/api/days", dso, Community33.openDay("burst", Instant.now().plus(Duration.ofHours(1))
          .toString())).status()).isEqualTo(201);
      Map<String, String> bodies = new HashMap<>();
      SecureRandom random = new SecureRandom();
      for (int i = 0; i < PROSUMERS; i++) {
        String id = "P" + i;
        KeyPair keys = Ed25519Keys.generate();
        Http.Response r = http.post("/api/days/burst/participants", dso, Map.of("id", id, "bus", 2 + i % 32,
            "public_key", Ed25519Keys.encode(keys.getPublic())));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        tokens.put(id, r.body().get("token").asText());
        bodies.put(id, OfferSigner.sign(keys.getPrivate(), "burst", id, OfferSigner.nonce(random), Instant.now(),
            Community33.offerB06()).toString());
      }
      CountDownLatch enoughReceipts = new CountDownLatch(KILL_AFTER_RECEIPTS);
      AtomicInteger started = new AtomicInteger();
      ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI offers = URI.create("http://127.0.0.1:" + first.port + "/api/days/burst/offers");
      for (String id : bodies.keySet()) {
        senders.submit(() -> {
          started.incrementAndGet();
          HttpRequest request = HttpRequest.newBuilder(offers).timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + tokens.get(id))
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(id))).build();
          HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 201) {
            acknowledged.put(id, Http.JSON.readTree(r.body()).get("receipt").asText());
            enoughReceipts.countDown();
          }
          return null;
        });
      }
      assertThat(enoughReceipts.await(120, TimeUnit.SECONDS)).as("receipts before the kill").isTrue();
      assertThat(first.killHard()).as("exit value of a process killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
      sent = started.get();
      senders.shutdown();
      assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged.size()).as("the kill came mid-burst").isLessThan(PROSUMERS)
        .isGreaterThanOrEqualTo(KILL_AFTER_RECEIPTS);

    try (ServerProcess second = new ServerProcess(data, log)) {
      assertThat(second.dsoCredential).as("the credential survived; no new one").isEmpty();
      Http http = new Http(second.port);
      Map<String, String> stored = new HashMap<>();
      for (JsonNode row : http.get("/api/days/burst/participants", dso).body()) {
        if (!row.get("last_receipt").isNull()) {
          stored.put(row.get("id").asText(), row.get("last_receipt").asText());
        }
      }
      assertThat(stored).containsAllEntriesOf(acknowledged);
      assertThat(stored.size()).as("stored offers were all sent").isLessThanOrEqualTo(sent);
      JsonNode verify = http.get("/api/ledger/verify", dso).body();
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
      assertThat(verify.get("entries").asInt()).isEqualTo(stored.size());
      System.out.printf("kill -9 mid-burst: %d sent, %d acknowledged, %d stored after restart%n", sent,
          acknowledged.size(), stored.size());
      Set<String> some = Set.copyOf(acknowledged.keySet());
      String id = some.iterator().next();
      Http.Response own = http.get("/api/receipts/" + acknowledged.get(id), tokens.get(id));
      assertThat(own.status()).as(own.text()).isEqualTo(200);
    }
  }
}
