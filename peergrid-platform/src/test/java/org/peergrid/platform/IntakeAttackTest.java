package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.market.IntakeLimits;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * The attacks of issue 16 on the platform's input side, each refused: a day's scenario that reads
 * the server's files, numbers whose plain decimal form is huge, an implausible offer, an infeasible
 * day that could never be cleared again, an unbounded horizon and registration after gate closure.
 */
class IntakeAttackTest {
  private static final String SECRET_FIRST = "root:$6$pretend-hash:19000:0:99999:7:::";
  private static final String SECRET_SECOND = "daemon:*:19000:0:99999:7:::";
  private static final String B06_LOAD = "load_kw: [20, 35, 40, 60]";

  @TempDir Path dir;
  private TestPlatform p;

  @AfterEach
  void close() {
    if (p != null) {
      p.close();
    }
  }

  private TestPlatform start(Optional<Path> seriesFolder, IntakeLimits limits) {
    p = new TestPlatform(Database.h2Url(dir.resolve("db")), seriesFolder, limits);
    return p;
  }

  private Http.Response openDay(String id, String scenario) {
    Map<String, Object> body = new HashMap<>(Community33.openDay(id, TestPlatform.GATE));
    body.put("scenario", scenario);
    return p.http.post("/api/days", p.dso, body);
  }

  /** The example scenario with B06's load read from a CSV file. */
  private static String withCsvLoad(String reference, String column) {
    String scenario = Community33.scenario();
    assertThat(scenario).contains(B06_LOAD);
    return scenario.replace(B06_LOAD, "load_kw: {csv: '" + reference + "', column: '" + column + "'}");
  }

  private Path secretFile() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    return Files.writeString(outside.resolve("shadow"), SECRET_FIRST + "\n" + SECRET_SECOND + "\n");
  }

  @Test
  void aDayScenarioReadsNoFileOfTheServer() throws IOException {
    start(Optional.empty(), IntakeLimits.DEFAULT);
    Path secret = secretFile();
    // the first line named as the column: the server used to answer with the second as "not a number"
    for (String reference : List.of(secret.toString(), "../../outside/shadow")) {
      Http.Response r = openDay("d-" + reference.length(), withCsvLoad(reference, SECRET_FIRST));
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo(4007);
      assertThat(r.text()).contains("cannot be read: the server reads no file for a request").doesNotContain(SECRET_SECOND);
    }
    Http.Response zero = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> openDay("d-zero", withCsvLoad("/dev/zero", "x")));
    assertThat(zero.status()).as(zero.text()).isEqualTo(400);
    assertThat(p.http.get("/api/days", p.dso).body()).isEmpty();
  }

  @Test
  void withASeriesFolderOnlyItsRegularFilesAreRead() throws IOException {
    Path series = Files.createDirectories(dir.resolve("series"));
    Files.writeString(series.resolve("profiles.csv"), "interval,B06\n0,20\n1,35\n2,40\n3,60\n");
    Path secret = secretFile();
    Files.createSymbolicLink(series.resolve("shadow.csv"), secret);
    start(Optional.of(series), IntakeLimits.DEFAULT);

    Http.Response ok = openDay("d-ok", withCsvLoad("profiles.csv", "B06"));
    assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    for (String reference : List.of(secret.toString(), "../outside/shadow", "shadow.csv")) {
      Http.Response r = openDay("d-" + reference.length(), withCsvLoad(reference, SECRET_FIRST));
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.text()).doesNotContain(SECRET_SECOND).doesNotContain(series.toString());
    }
  }

  @Test
  void aNumberWithAHugeExponentIsRefusedBeforeItIsExpanded() throws IOException {
    start(Optional.empty(), IntakeLimits.DEFAULT);
    assertThat(openDay("d1", Community33.scenario()).status()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);
    String envelope = Http.JSON.writeValueAsString(p.signed(b06, Community33.json("{\"load_kw\": 12345}")));
    for (String huge : List.of("1e999999999", "1e-999999999", "-9E+999999999")) {
      // no valid signature is needed: the number used to be expanded before the signature was checked
      Http.Response r = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> p.http.post("/api/days/d1/offers", b06.token(), envelope.replace("12345", huge)));
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo(2002);
      assertThat(r.body().at("/error/message").asText()).startsWith("offer.load_kw: has ");
    }
    String reading = Http.JSON.writeValueAsString(p.signed(b06, SignedBody.READINGS,
        Community33.json("{\"load_kw\": [1, 2, 3, 12345]}")));
    Http.Response r = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> p.http.post("/api/days/d1/readings", b06.token(), reading.replace("12345", "1e999999999")));
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.body().at("/error/message").asText()).startsWith("readings.load_kw[3]: has 1000000000 digits");
    assertThat(p.http.get("/api/days/d1/participants/B06/offers", b06.token()).body()).isEmpty();
  }

  @Test
  void anOfferBeyondTheParticipantOrBusLimitIsRefusedNamingTheKey() {
    start(Optional.empty(), new IntakeLimits(IntakeLimits.DEFAULT_MAX_PARTICIPANT_KW, 500));
    String scenario = Community33.scenario().replace("background_profile:",
        "branch_limit_kva: {\"17-18\": 80}\n  background_profile:");
    assertThat(openDay("d1", scenario).status()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);
    Prosumer b18 = p.register("d1", "B18", 18);
    Prosumer b25 = p.register("d1", "B25", 25);

    Http.Response slip = p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": [20, 35, 40, 3000]}")));
    assertThat(slip.status()).as(slip.text()).isEqualTo(400);
    assertThat(slip.errorCode()).isEqualTo(2004);
    assertThat(slip.body().at("/error/message").asText()).contains("offer.load_kw[3] is 3000 kW, above the 500 kW"
        + " that one participant may offer at bus 6 (peergrid serve --max-bus-kw)");
    Http.Response battery = p.submit(b25, p.signed(b25, Community33.json("{\"load_kw\": 30, \"battery\": {"
        + "\"capacity_kwh\": 120, \"charge_kw\": 20000, \"discharge_kw\": 20, \"efficiency_charge\": 0.95,"
        + " \"efficiency_discharge\": 0.95, \"soc_min\": 0.1, \"soc_max\": 0.9, \"soc_initial\": 0.5}}")));
    assertThat(battery.body().at("/error/message").asText()).contains("offer.battery.charge_kw is 20000 kW");
    Http.Response rated = p.submit(b18, p.signed(b18, Community33.json("{\"load_kw\": 15, \"pv_kw\": 90}")));
    assertThat(rated.body().at("/error/message").asText())
        .contains("offer.pv_kw is 90 kW, above the 80 kVA rating of the branch that feeds bus 18");
    assertThat(p.submit(b18, p.signed(b18, Community33.offerB18())).status()).isEqualTo(201);
  }

  @Test
  void anInfeasibleDayIsNotClearedNamesTheOfferAndClearsAgainWithoutIt() {
    // limits raised so that the careless offer passes intake, as every offer did before the limits
    start(Optional.empty(), new IntakeLimits(5000, 5000));
    assertThat(openDay("d1", Community33.scenario()).status()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);
    Prosumer b18 = p.register("d1", "B18", 18);
    Prosumer b25 = p.register("d1", "B25", 25);
    assertThat(p.submit(b06, p.signed(b06, Community33.offerB06())).status()).isEqualTo(201);
    Http.Response careless = p.submit(b18, p.signed(b18, Community33.json("{\"load_kw\": [15, 20, 25, 3000]}")));
    assertThat(careless.status()).isEqualTo(201);
    String carelessReceipt = careless.body().get("receipt").asText();
    assertThat(p.submit(b25, p.signed(b25, Community33.offerB25())).status()).isEqualTo(201);

    Http.Response early = p.http.post("/api/days/d1/exclusions", p.dso, Map.of("participant", "B18", "reason", "x"));
    assertThat(early.errorCode()).as("an open day's offers are not excluded").isEqualTo(4014);

    Http.Response first = p.http.post("/api/days/d1/clear", p.dso, "");
    assertThat(first.status()).as(first.text()).isEqualTo(422);
    assertThat(first.body().get("state").asText()).isEqualTo("infeasible");
    assertThat(first.body().get("cleared_at").isNull()).as("not cleared").isTrue();
    JsonNode blamed = first.body().get("infeasible_offers");
    assertThat(blamed).hasSize(1);
    assertThat(blamed.get(0).get("participant").asText()).isEqualTo("B18");
    assertThat(blamed.get(0).get("receipt").asText()).isEqualTo(carelessReceipt);
    assertThat(blamed.get(0).get("peak_kw").asDouble()).isEqualTo(3000);
    assertThat(blamed.get(0).get("clears_without_it_alone").asBoolean()).isTrue();
    assertThat(first.body().get("message").asText()).contains("B18 at bus 18 (peak 3000 kW, receipt "
        + carelessReceipt + ")");
    Http.Response prices = p.http.get("/api/days/d1/prices", null);
    assertThat(prices.errorCode()).as("not cleared").isEqualTo(4004);
    assertThat(prices.text()).as("the public learns the state, not who made it so").doesNotContain("B18");
    assertThat(p.http.get("/api/days/d1", p.dso).body().get("message").asText()).contains("B18 at bus 18");
    for (String caller : java.util.Arrays.asList(null, b06.token())) {
      Http.Response status = p.http.get("/api/days/d1", caller);
      assertThat(status.body().get("state").asText()).isEqualTo("infeasible");
      assertThat(status.body().get("message").asText()).as("another participant's offer is private")
          .startsWith("withheld").doesNotContain("B18");
    }
    Http.Response ownEarly = p.http.get("/api/days/d1/participants/B06/result", b06.token());
    assertThat(ownEarly.errorCode()).isEqualTo(4004);
    assertThat(ownEarly.text()).doesNotContain("B18");
    p.clock.advance(Duration.ofHours(4));
    assertThat(p.server.market().clearDueDays()).as("the gate's scheduler leaves an infeasible day to the DSO")
        .isEmpty();

    assertThat(p.http.post("/api/days/d1/exclusions", p.dso, Map.of("participant", "B99", "reason", "x"))
        .errorCode()).isEqualTo(4005);
    assertThat(p.http.post("/api/days/d1/exclusions", b06.token(), Map.of("participant", "B18", "reason", "x"))
        .status()).isEqualTo(403);
    Http.Response excluded = p.http.post("/api/days/d1/exclusions", p.dso,
        Map.of("participant", "B18", "reason", "3,000 kW in the evening: a W/kW slip"));
    assertThat(excluded.status()).as(excluded.text()).isEqualTo(201);
    assertThat(excluded.body().at("/excluded/receipt").asText()).isEqualTo(carelessReceipt);
    assertThat(p.http.post("/api/days/d1/exclusions", p.dso, Map.of("participant", "B18", "reason", "again"))
        .errorCode()).isEqualTo(4014);

    Http.Response second = p.http.post("/api/days/d1/clear", p.dso, "");
    assertThat(second.status()).as(second.text()).isEqualTo(200);
    assertThat(second.body().get("state").asText()).isEqualTo("cleared");
    assertThat(p.http.get("/api/days/d1/participants/B06/result", b06.token()).status()).isEqualTo(200);
    Http.Response left = p.http.get("/api/days/d1/participants/B18/result", b18.token());
    assertThat(left.status()).isEqualTo(409);
    assertThat(left.body().at("/error/message").asText()).contains("cleared without the offer of B18, which the DSO"
        + " excluded");
    JsonNode listed = p.http.get("/api/days/d1/participants", p.dso).body();
    assertThat(listed).extracting(row -> row.get("id").asText() + ":" + row.get("excluded").asBoolean())
        .containsExactly("B06:false", "B18:true", "B25:false");

    List<LedgerEntry> ledger = new Ledger(p.server.database().jdbi(), p.clock).all();
    assertThat(ledger).filteredOn(e -> e.kind().equals("exclusion")).singleElement().satisfies(e -> {
      assertThat(e.participantId()).isEqualTo("B18");
      assertThat(e.payload()).contains(carelessReceipt).contains("a W/kW slip");
    });
    assertThat(ledger).filteredOn(e -> e.kind().equals("clearing")).extracting(LedgerEntry::payload)
        .satisfiesExactly(infeasible -> assertThat(infeasible).contains("\"state\":\"infeasible\"", carelessReceipt),
            cleared -> assertThat(cleared).contains("\"state\":\"cleared\"", "\"participants\":2"));
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theHorizonIsBoundedAndRegistrationClosesAtTheGate() {
    start(Optional.empty(), IntakeLimits.DEFAULT);
    Http.Response longDay = openDay("d-long", Community33.scenario()
        .replace("horizon: {intervals: 4, interval_minutes: 360}", "horizon: {intervals: 100000000, interval_minutes: 1}"));
    assertThat(longDay.status()).as(longDay.text()).isEqualTo(400);
    assertThat(longDay.body().at("/error/message").asText()).contains("intervals must be at most 1440");

    assertThat(openDay("d1", Community33.scenario()).status()).isEqualTo(201);
    p.register("d1", "B06", 6);
    p.clock.advance(Duration.ofHours(4));
    Http.Response late = p.http.post("/api/days/d1/participants", p.dso,
        Map.of("id", "B18", "bus", 18, "public_key", "AAAA"));
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    assertThat(late.errorCode()).isEqualTo(4013);
    assertThat(late.body().at("/error/message").asText()).contains("its gate closed at 2025-06-01T12:00:00Z");
    assertThat(p.http.get("/api/days/d1/participants", p.dso).body()).hasSize(1);
  }
}
