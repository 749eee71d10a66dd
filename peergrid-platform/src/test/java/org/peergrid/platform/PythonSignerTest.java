package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.RepositoryFiles;
import org.peergrid.platform.testsupport.TestPlatform;

/**
 * The Python reference signer (clients/python/peergrid_signer.py) against a server started here on a
 * free port: its self-test on the shared vectors passes, an offer it signs is accepted, the same offer
 * with one number changed is refused (3001), and a replay through its own --submit exits 1 naming the
 * server's refusal. It needs python3 with the cryptography package: in CI (CI=true) their absence fails
 * the test, elsewhere it skips it.
 */
class PythonSignerTest {
  private static final Path SIGNER = Path.of("clients", "python", "peergrid_signer.py");

  @TempDir Path dir;
  TestPlatform p;
  Path repository;

  /** What a finished python3 run printed. */
  record Run(int exit, String out, String err) {}

  @BeforeEach
  void pythonWithCryptography() throws Exception {
    repository = RepositoryFiles.root();
    String missing = null;
    try {
      Run check = python("-c", "import cryptography");
      if (check.exit() != 0) {
        missing = "python3 cannot import the cryptography package (" + check.err().strip() + ")";
      }
    } catch (IOException e) {
      missing = "python3 is not on the PATH (" + e.getMessage() + ")";
    }
    if (missing != null) {
      String install = "; install it: apt-get install python3 python3-cryptography (.ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(missing + install);
      }
      Assumptions.abort(missing + install);
    }
    p = new TestPlatform(Database.h2Url(dir.resolve("db")));
  }

  @AfterEach
  void close() {
    if (p != null) {
      p.close();
    }
  }

  private Run python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repository.toFile())
        .redirectOutput(dir.resolve("python.out").toFile()).redirectError(dir.resolve("python.err").toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("python3 " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Run(process.exitValue(), Files.readString(dir.resolve("python.out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("python.err"), StandardCharsets.UTF_8));
  }

  private Run sign(Path key, Path offer, String nonce, String... more) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(SIGNER.toString(), "--key", key.toString(), "--day", "d1",
        "--participant", "B06", "--offer", offer.toString(), "--nonce", nonce,
        "--timestamp", p.clock.instant().toString()));
    args.addAll(List.of(more));
    return python(args.toArray(String[]::new));
  }

  @Test
  void theSelfTestAgreesWithTheSharedVectors() throws Exception {
    Run selfTest = python(Path.of("clients", "python", "test_peergrid_signer.py").toString());
    assertThat(selfTest.exit()).as(selfTest.err()).isZero();
    assertThat(selfTest.err()).contains("OK");
  }

  @Test
  void anOfferSignedInPythonIsAcceptedAndATamperedOneRefused() throws Exception {
    assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).status()).isEqualTo(201);
    KeyPair keys = Ed25519Keys.generate();
    Path key = Files.writeString(dir.resolve("b06.pem"), Ed25519Keys.pem(keys.getPrivate()));
    Http.Response registered = p.http.post("/api/days/d1/participants", p.dso,
        Map.of("id", "B06", "bus", 6, "public_key", Ed25519Keys.encode(keys.getPublic())));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    String token = registered.body().get("token").asText();
    Path offer = Files.writeString(dir.resolve("offer.json"),
        "{\"load_kw\": [20, 35, 40, 60.50], \"pv_kw\": [0, 60, 80, 0], \"power_factor\": 0.95}");

    Run printed = sign(key, offer, "python-nonce-000001");
    assertThat(printed.exit()).as(printed.err()).isZero();
    String envelope = printed.out().strip();
    ObjectNode tampered = (ObjectNode) Community33.json(envelope);
    ((ObjectNode) tampered.get("offer")).putArray("load_kw").add(20).add(35).add(40).add(6.05);
    Http.Response refused = p.http.post("/api/days/d1/offers", token, tampered);
    assertThat(refused.errorCode()).as(refused.text()).isEqualTo(3001);
    Http.Response accepted = p.http.post("/api/days/d1/offers", token, envelope);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    assertThat(accepted.body().get("receipt").asText()).as("the signer prints the canonical envelope")
        .isEqualTo(Hashes.sha256(envelope));

    Run submitted = sign(key, offer, "python-nonce-000002", "--submit", "http://127.0.0.1:" + p.server.port(),
        "--token", token);
    assertThat(submitted.exit()).as(submitted.err()).isZero();
    JsonNode receipt = Community33.json(submitted.out());
    assertThat(receipt.get("participant").asText()).isEqualTo("B06");
    assertThat(receipt.get("ledger_seq").asInt()).isEqualTo(2);

    Run replayed = sign(key, offer, "python-nonce-000002", "--submit", "http://127.0.0.1:" + p.server.port(),
        "--token", token);
    assertThat(replayed.exit()).isEqualTo(1);
    assertThat(replayed.err()).contains("refused", "HTTP 409", "code 3002", "nonce python-nonce-000002")
        .doesNotContain("Traceback");
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("entries").asInt()).isEqualTo(2);
  }
}
