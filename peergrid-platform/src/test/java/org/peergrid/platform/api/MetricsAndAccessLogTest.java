package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * {@code /metrics} counts what the requests did, exactly, with route templates as labels and no
 * participant or day; only the DSO reads it unless it is public; the access log has one line per
 * request with its fields and never a credential.
 */
class MetricsAndAccessLogTest {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final String OFFERS = "/api/days/{day}/offers";

  @TempDir Path data;
  final Queue<String> accessLines = new ConcurrentLinkedQueue<>();
  TestPlatform p;

  @BeforeEach
  void start() {
    p = new TestPlatform(Database.h2Url(data), new Observability(false, accessLines::add));
  }

  @AfterEach
  void stop() {
    p.close();
  }

  /** One sample of a scrape: its name, labels and value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  static List<Sample> parse(String scrape) {
    List<Sample> out = new ArrayList<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      Map<String, String> labels = new HashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return out;
  }

  /** The value of the one sample with this name and these labels among others, 0 when there is none. */
  static double value(List<Sample> samples, String name, Map<String, String> labels) {
    List<Sample> found = samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    assertThat(found).as(name + " " + labels).hasSizeLessThanOrEqualTo(1);
    return found.isEmpty() ? 0 : found.get(0).value();
  }

  private List<Sample> scrape() {
    Http.Response r = p.http.get("/metrics", p.dso);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return parse(r.text());
  }

  /**
   * Scrapes until the offers' timer has seen {@code offers} requests: Javalin calls the request logger,
   * which counts, once the answer is written, so the client can read the answer a moment before.
   */
  private List<Sample> scrapeAfterOffers(double offers) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<Sample> samples = scrape();
    while (countOfRoute(samples, OFFERS) < offers && System.nanoTime() < deadline) {
      Thread.sleep(20);
      samples = scrape();
    }
    return samples;
  }

  private static double countOfRoute(List<Sample> samples, String route) {
    return samples.stream().filter(s -> s.name().equals("peergrid_http_server_requests_seconds_count")
        && route.equals(s.labels().get("route"))).mapToDouble(Sample::value).sum();
  }

  @Test
  void countersMoveByExactlyWhatTheRequestsDid() throws InterruptedException {
    Http.Response opened = p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);
    Prosumer b18 = p.register("d1", "B18", 18);
    Prosumer b25 = p.register("d1", "B25", 25);

    List<Sample> before = scrape();
    assertThat(value(before, "peergrid_market_days", Map.of("state", "open"))).isEqualTo(1);
    assertThat(value(before, "peergrid_market_days", Map.of("state", "cleared"))).isEqualTo(0);
    assertThat(before).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
    assertThat(before).anyMatch(s -> s.name().equals("process_uptime_seconds"));
    assertThat(before).anyMatch(s -> s.name().equals("jvm_threads_live_threads"));

    assertThat(p.submit(b06, p.signed(b06, Community33.offerB06())).status()).isEqualTo(201);
    assertThat(p.submit(b18, p.signed(b18, Community33.offerB18())).status()).isEqualTo(201);
    assertThat(p.submit(b25, p.signed(b25, Community33.offerB25())).status()).isEqualTo(201);
    // an offer changed after it was signed
    ObjectNode tampered = (ObjectNode) p.signed(b06, Community33.offerB06());
    ((ObjectNode) tampered.get("offer")).putArray("load_kw").add(1).add(1).add(1).add(1);
    Http.Response refused = p.submit(b06, tampered);
    assertThat(refused.status()).isBetween(400, 499);
    String refusalName = refused.body().path("error").path("name").asText().toLowerCase();
    assertThat(refusalName).isNotEmpty();
    Http.Response cleared = p.http.post("/api/days/d1/clear", p.dso, "{}");
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
    String outcome = cleared.body().get("state").asText();
    long ledgerHead = p.http.get("/api/ledger/head", null).body().get("seq").asLong();

    List<Sample> after = scrapeAfterOffers(4);
    assertThat(value(after, "peergrid_offers_total", Map.of("result", "accepted", "reason", "none"))
        - value(before, "peergrid_offers_total", Map.of("result", "accepted", "reason", "none"))).isEqualTo(3);
    assertThat(value(after, "peergrid_offers_total", Map.of("result", "refused", "reason", refusalName)))
        .isEqualTo(1);
    assertThat(after.stream().filter(s -> s.name().equals("peergrid_offers_total")).mapToDouble(Sample::value)
        .sum()).as("no other offer counted").isEqualTo(4);
    assertThat(value(after, "peergrid_readings_total", Map.of())).isEqualTo(0);
    assertThat(value(after, "peergrid_clearings_seconds_count", Map.of("outcome", outcome))).isEqualTo(1);
    assertThat(value(after, "peergrid_clearings_seconds_sum", Map.of("outcome", outcome))).isPositive();
    // the ledger was empty when this server started: every entry since is counted
    assertThat(ledgerHead).isGreaterThan(3);
    assertThat(value(after, "peergrid_ledger_entries_total", Map.of())).isEqualTo(ledgerHead);
    assertThat(value(after, "peergrid_market_days", Map.of("state", "open"))).isEqualTo(0);
    assertThat(value(after, "peergrid_market_days", Map.of("state", outcome))).isEqualTo(1);

    assertThat(value(after, "peergrid_http_server_requests_seconds_count",
        Map.of("method", "POST", "route", OFFERS, "status", "201"))).isEqualTo(3);
    assertThat(value(after, "peergrid_http_server_requests_seconds_count",
        Map.of("method", "POST", "route", OFFERS, "status", String.valueOf(refused.status())))).isEqualTo(1);
    assertThat(value(after, "peergrid_http_server_requests_seconds_count",
        Map.of("method", "POST", "route", "/api/days/{day}/participants", "status", "201"))).isEqualTo(3);
    for (Sample s : after) {
      assertThat(s.labels().values()).as(s.toString()).doesNotContain("d1", "B06", "B18", "B25",
          "/api/days/d1/offers");
    }
  }

  @Test
  void unknownPathsShareOneRouteLabel() throws InterruptedException {
    assertThat(p.http.get("/api/no/such/thing/1", null).status()).isEqualTo(404);
    assertThat(p.http.get("/api/no/such/thing/2", null).status()).isEqualTo(404);
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<Sample> samples = scrape();
    while (countOfRoute(samples, PlatformMetrics.UNMATCHED) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      samples = scrape();
    }
    assertThat(value(samples, "peergrid_http_server_requests_seconds_count",
        Map.of("method", "GET", "route", "unmatched", "status", "404"))).isEqualTo(2);
    assertThat(samples).noneMatch(s -> s.labels().getOrDefault("route", "").contains("/api/no"));
  }

  @Test
  void onlyTheDsoReadsTheMetricsByDefault() {
    Http.Response opened = p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE));
    assertThat(opened.status()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);

    Http.Response anonymous = p.http.get("/metrics", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.errorCode()).isEqualTo(ApiError.UNAUTHENTICATED.code());
    Http.Response prosumer = p.http.get("/metrics", b06.token());
    assertThat(prosumer.status()).isEqualTo(403);
    assertThat(prosumer.errorCode()).isEqualTo(ApiError.FORBIDDEN.code());
    assertThat(prosumer.text()).doesNotContain("jvm_");
    Http.Response dso = p.http.get("/metrics", p.dso);
    assertThat(dso.status()).isEqualTo(200);
    assertThat(dso.text()).contains("# TYPE peergrid_ledger_entries_total counter");
  }

  @Test
  void publicMetricsAnswerWithoutACredential(@TempDir Path other) {
    try (TestPlatform open = new TestPlatform(Database.h2Url(other),
        Observability.DEFAULT.withMetricsPublic(true).withoutAccessLog())) {
      Http.Response r = open.http.get("/metrics", null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).contains("peergrid_market_days{state=\"open\"} 0.0");
    }
  }

  @Test
  void theAccessLogHasOneLinePerRequestWithItsFieldsAndNoCredential() throws InterruptedException {
    Http.Response opened = p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE));
    assertThat(opened.status()).isEqualTo(201);
    Prosumer b06 = p.register("d1", "B06", 6);
    JsonNode offer = p.signed(b06, Community33.offerB06());
    Http.Response accepted = p.submit(b06, offer);
    assertThat(accepted.status()).isEqualTo(201);
    Http.Response withQuery = p.http.get("/api/days/d1?secret=hunter2", null);
    assertThat(withQuery.status()).isEqualTo(200);

    long deadline = System.nanoTime() + 5_000_000_000L;
    while (accessLines.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<String> lines = List.copyOf(accessLines);
    assertThat(lines).hasSize(4);
    String offerLine = lines.stream().filter(l -> l.contains("route=" + OFFERS)).findFirst().orElseThrow();
    assertThat(offerLine).matches("method=POST route=/api/days/\\{day}/offers path=/api/days/d1/offers status=201"
        + " ms=\\d+\\.\\d bytes=" + accepted.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + " remote=127\\.0\\.0\\.1");
    assertThat(lines).anyMatch(l -> l.startsWith("method=GET route=/api/days/{day} path=/api/days/d1 status=200"));
    for (String line : lines) {
      assertThat(line).doesNotContain(p.dso, b06.token(), "Bearer", "hunter2", "secret",
          offer.get("signature").asText(), "load_kw");
    }
  }

  @Test
  void aForgedLineBreakInThePathIsEscaped() {
    assertThat(AccessLog.printable("/api/x\nmethod=GET y")).isEqualTo("/api/x\\u000amethod=GET\\u0020y");
  }
}
