package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.CanonicalJson;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code peergrid offer keygen|sign}: an offer and a meter reading signed by the command line are
 * accepted by a running server (over HTTP, as curl would send them) and the reading is settled in
 * real time; a malformed reading file is refused here, naming its file, line and key.
 */
class OfferCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void aReadingSignedByTheCommandLineIsAcceptedByARunningServerAndSettled() throws Exception {
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(dir.resolve("db")), 0),
        Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + server.port();
      String dso = server.newDsoCredential().orElseThrow();
      Path root = Path.of(System.getProperty("peergrid.root.dir", ".."));
      assertThat(send(base + "/api/days", dso, JSON.writeValueAsString(Map.of("id", "d1", "mechanism", "dlmp",
          "gate_closure", Instant.now().plus(Duration.ofHours(1)).toString(),
          "scenario", Files.readString(root.resolve("examples/scenarios/community33.yaml")),
          "feeder", Files.readString(root.resolve("examples/feeders/case33bw.m"))))).status()).isEqualTo(201);

      Path key = dir.resolve("b06.key");
      Run keygen = PowerflowCommandTest.run("offer", "keygen", "--out", key.toString());
      assertThat(keygen.exit()).as(keygen.err()).isZero();
      Answer registered = send(base + "/api/days/d1/participants", dso,
          "{\"id\": \"B06\", \"bus\": 6, \"public_key\": \"" + keygen.out().trim() + "\"}");
      assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
      String token = registered.body().get("token").asText();

      Path offer = write("offer.json", "{\"load_kw\": [20, 35, 40, 60], \"pv_kw\": [0, 60, 80, 0]}");
      JsonNode signedOffer = sign(key, "--offer", offer);
      Answer offered = send(base + "/api/days/d1/offers", token, signedOffer.toString());
      assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
      assertThat(send(base + "/api/days/d1/clear", dso, "").status()).isEqualTo(200);

      // 20.5 kW more than offered in the evening (interval 3 of 6 h), with the decimals as the meter wrote them
      Path reading = write("reading.json", "{\n  \"load_kw\": [20, 35, 40, 80.50],\n  \"pv_kw\": [0, 60, 80, 0]\n}\n");
      JsonNode signedReading = sign(key, "--reading", reading);
      assertThat(signedReading.has("readings")).isTrue();
      assertThat(signedReading.has("offer")).isFalse();
      assertThat(send(base + "/api/days/d1/offers", token, signedReading.toString()).errorCode())
          .as("a reading cannot pass for an offer").isEqualTo(2002);
      Answer accepted = send(base + "/api/days/d1/readings", token, signedReading.toString());
      assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
      String receipt = accepted.body().get("receipt").asText();
      assertThat(receipt).as("the receipt is the hash of the canonical envelope the command line printed")
          .isEqualTo(Hashes.sha256(CanonicalJson.rfc8785(signedReading)));
      assertThat(send(base + "/api/days/d1/readings", token, signedReading.toString()).errorCode())
          .as("the same envelope twice is a replay").isEqualTo(3002);

      assertThat(send(base + "/api/days/d1/realtime", dso, "").status()).isEqualTo(200);
      JsonNode own = send(base + "/api/days/d1/participants/B06/realtime", token, null).body();
      assertThat(own.get("reading_receipt").asText()).isEqualTo(receipt);
      assertThat(own.get("intervals").get(3).get("deviation_kwh").asDouble()).isCloseTo(20.5 * 6, within(1e-6));
      assertThat(own.get("intervals").get(0).get("deviation_kwh").asDouble()).isCloseTo(0, within(1e-6));
    }
  }

  @Test
  void aNumberWhosePlainDecimalsAreHugeIsRefusedBeforeSigning() throws IOException {
    Path key = dir.resolve("k.key");
    assertThat(PowerflowCommandTest.run("offer", "keygen", "--out", key.toString()).exit()).isZero();
    Path offer = write("huge.json", "{\"load_kw\": 20, \"battery\": {\"capacity_kwh\": 1e999999999}}");
    Run r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> PowerflowCommandTest.run("offer",
        "sign", "--key", key.toString(), "--day", "d1", "--participant", "B06", "--offer", offer.toString()));
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(r.err()).startsWith("peergrid: " + offer + ": offer.battery.capacity_kwh has 1000000000 digits"
        + " before the decimal point; at most 15 are accepted").doesNotContain("Exception", "\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMalformedReadingFileIsRefusedNamingItsFileLineAndKey() throws Exception {
    Path key = dir.resolve("k.key");
    assertThat(PowerflowCommandTest.run("offer", "keygen", "--out", key.toString()).exit()).isZero();
    Map<String, String> cases = Map.of(
        "{\n  \"load_kw\": [20, 35, 40, 80],\n  \"pv_kw\": [0, 60, \"x\", 0]\n}\n",
        ":3: pv_kw[2]: expected a number, got text \"x\"",
        "{\n  \"load_kw\": [20, 35, 40, 80],\n  \"solar_kw\": 5\n}\n",
        ":3: solar_kw: unknown key; allowed keys are load_kw, pv_kw, wind_kw",
        "{\n  \"load_kw\": [20, 35, 40, 80],\n\n  \"wind_kw\": [0, 1, 2]\n}\n",
        ":4: wind_kw: has 3 values but load_kw has 4; every list has one value per interval",
        "{\n  \"load_kw\": [20, 35, 40, 80]\n  \"pv_kw\": 0\n}\n", ":3: not valid JSON",
        "{\"load_kw\": [20, -35, 40, 80]}", ":1: load_kw[1]: must not be negative, got -35 [kW]",
        "{\"pv_kw\": 10}", ": missing required key load_kw",
        "{\"load_kw\": {\"t0\": 20}}", ":1: load_kw: expected a number [kW] or a list with one value per interval",
        "\n", ": the file is empty; a reading is a JSON object");
    int n = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path file = write("reading" + n++ + ".json", c.getKey());
      Run r = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant",
          "B06", "--reading", file.toString());
      assertThat(r.exit()).as(c.getKey()).isEqualTo(PeergridCommand.EXIT_INPUT);
      assertThat(r.err()).as(c.getKey()).startsWith("peergrid: " + file + c.getValue())
          .doesNotContain("Exception", "\tat ", "internal error");
      assertThat(r.out()).as("nothing signed").isEmpty();
    }
    Run missing = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant",
        "B06", "--reading", dir.resolve("nothing.json").toString());
    assertThat(missing.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(missing.err()).contains("nothing.json: the --reading file does not exist");
    Path notAKey = write("not.key", "{\"load_kw\": 1}");
    Run badKey = PowerflowCommandTest.run("offer", "sign", "--key", notAKey.toString(), "--day", "d1",
        "--participant", "B06", "--reading", notAKey.toString());
    assertThat(badKey.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(badKey.err()).startsWith("peergrid: " + notAKey + ":1: not a private key written by 'peergrid offer keygen'");
    Run again = PowerflowCommandTest.run("offer", "keygen", "--out", key.toString());
    assertThat(again.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(again.err()).contains("k.key: exists already");
  }

  @Test
  void bothOrNeitherOfOfferAndReadingIsAUsageError() throws Exception {
    Path key = dir.resolve("k.key");
    Path body = write("b.json", "{\"load_kw\": 1}");
    Run both = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant", "B06",
        "--offer", body.toString(), "--reading", body.toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    Run neither = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant",
        "B06");
    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).contains("--offer=FILE | --reading=FILE");
  }

  @Test
  void helpGivesEveryOptionsDefaultOrRequirementAndTheUnits() {
    CommandLine sign = new CommandLine(new PeergridCommand()).getSubcommands().get("offer").getSubcommands().get("sign");
    for (OptionSpec o : sign.getCommandSpec().options()) {
      if (!o.usageHelp() && !o.versionHelp()) {
        assertThat(String.join(" ", o.description())).as(o.longestName()).containsAnyOf("default", "required");
      }
    }
    String help = PowerflowCommandTest.run("offer", "sign", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("--reading=FILE", "--offer=FILE", "[kW]", "/api/days/DAY/readings", "Exit codes");
    assertThat(PowerflowCommandTest.run("offer", "--help").out()).contains("real-time meter reading");
  }

  private JsonNode sign(Path key, String option, Path body) throws IOException {
    Run r = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant", "B06",
        option, body.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private record Answer(int status, JsonNode body) {
    int errorCode() {
      return body.path("error").path("code").asInt();
    }
  }

  /** A GET ({@code body} null) or a POST, with a bearer token; the answer's JSON. */
  private Answer send(String url, String token, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
    request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }
}
