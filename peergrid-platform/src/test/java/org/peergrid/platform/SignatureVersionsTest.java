package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.auth.CanonicalJson;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.SignatureVersion;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * Both signature versions at the server (docs/platform.md, "Signed offers"): version 2 (RFC 8785)
 * and version 1 (no signature_version, plain decimals, what earlier clients sent) are accepted, each
 * recorded in its own canonical form under an intact ledger; a signature cannot be moved from one
 * version to the other; an unknown version is refused naming what to do.
 */
class SignatureVersionsTest {
  @TempDir Path data;
  TestPlatform p;
  Prosumer b06;
  Prosumer b18;

  @BeforeEach
  void openDay() {
    p = new TestPlatform(Database.h2Url(data));
    assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).status()).isEqualTo(201);
    b06 = p.register("d1", "B06", 6);
    b18 = p.register("d1", "B18", 18);
  }

  @AfterEach
  void close() {
    p.close();
  }

  private ObjectNode signed(Prosumer who, SignatureVersion version, String nonce, JsonNode offer) {
    return OfferSigner.sign(who.keys().getPrivate(), version, SignedBody.OFFER, who.day(), who.id(), nonce,
        p.clock.instant(), offer);
  }

  @Test
  void bothVersionsAreAcceptedAndRecordedInTheirOwnCanonicalForm() {
    ObjectNode version1 = signed(b06, SignatureVersion.PLAIN_DECIMAL, "version-1-nonce-0001", Community33.offerB06());
    assertThat(version1.has(SignatureVersion.FIELD)).as("version 1 is the envelope without the field").isFalse();
    Http.Response first = p.submit(b06, version1);
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.body().get("receipt").asText()).isEqualTo(Hashes.sha256(CanonicalJson.text(version1)));

    ObjectNode version2 = signed(b18, SignatureVersion.RFC_8785, "version-2-nonce-0001", Community33.offerB18());
    Http.Response second = p.submit(b18, version2);
    assertThat(second.status()).as(second.text()).isEqualTo(201);
    assertThat(second.body().get("receipt").asText()).isEqualTo(Hashes.sha256(CanonicalJson.rfc8785(version2)));

    p.clock.advance(Duration.ofHours(4));
    assertThat(p.server.market().clearDueDays()).containsExactly("d1");
    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("entries").asInt()).as("2 offers, 1 clearing, 2 settlements").isEqualTo(5);
  }

  @Test
  void aSignatureDoesNotVerifyUnderTheOtherVersion() {
    ObjectNode version2 = signed(b06, SignatureVersion.RFC_8785, "downgrade-nonce-0001", Community33.offerB06());
    ObjectNode downgraded = version2.deepCopy();
    downgraded.remove(SignatureVersion.FIELD);
    Http.Response refused = p.submit(b06, downgraded);
    assertThat(refused.errorCode()).as(refused.text()).isEqualTo(3001);
    assertThat(refused.body().at("/error/message").asText()).contains("signature version 1");

    ObjectNode version1 = signed(b06, SignatureVersion.PLAIN_DECIMAL, "upgrade-nonce-000001", Community33.offerB06());
    ObjectNode upgraded = version1.deepCopy().put(SignatureVersion.FIELD, 2);
    assertThat(p.submit(b06, upgraded).errorCode()).isEqualTo(3001);
    assertThat(p.submit(b06, version2).status()).as("the original is still unused").isEqualTo(201);
  }

  @Test
  void unknownVersionsAreRefusedNamingTheVersionAndWhatToDo() {
    for (String declared : new String[] {"3", "\"2\"", "2.5", "0", "null"}) {
      ObjectNode envelope = signed(b06, SignatureVersion.RFC_8785, "unknown-version-0001", Community33.offerB06());
      envelope.set(SignatureVersion.FIELD, Community33.json(declared));
      Http.Response refused = p.submit(b06, envelope);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.errorCode()).as(declared).isEqualTo(3005);
      assertThat(refused.body().at("/error/message").asText())
          .contains("signature_version " + declared + " is not one this server verifies", "sign the envelope"
              + " again with version 2", "peergrid offer sign");
    }
  }

  @Test
  void version2SignsANumbersValueNotItsSpelling() {
    ObjectNode envelope = signed(b06, SignatureVersion.RFC_8785, "spelling-nonce-00001",
        Community33.json("{\"load_kw\": [20, 35, 40, 80.5], \"pv_kw\": [0, 60, 80, 0]}"));
    String respelled = envelope.toString().replace("\"load_kw\":[20,35,40,80.5]", "\"load_kw\":[20,35,40,8.050E1]")
        .replace("\"pv_kw\":[0,60,80,0]", "\"pv_kw\":[0,6e1,80.000,0]");
    assertThat(respelled).contains("8.050E1", "6e1", "80.000");
    Http.Response accepted = p.http.post("/api/days/d1/offers", b06.token(), respelled);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    assertThat(accepted.body().get("receipt").asText()).as("the receipt hashes the canonical form, not the text")
        .isEqualTo(Hashes.sha256(CanonicalJson.rfc8785(envelope)));

    ObjectNode changed = signed(b06, SignatureVersion.RFC_8785, "spelling-nonce-00002",
        Community33.json("{\"load_kw\": [20, 35, 40, 80.5], \"pv_kw\": [0, 60, 80, 0]}"));
    String otherValue = changed.toString().replace("\"load_kw\":[20,35,40,80.5]",
        "\"load_kw\":[20,35,40,80.50000000000001]");
    assertThat(otherValue).contains("80.50000000000001");
    assertThat(p.http.post("/api/days/d1/offers", b06.token(), otherValue).errorCode())
        .as("a value one double away is another value").isEqualTo(3001);
  }
}
