package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void sortsKeysDropsWhitespaceAndNormalisesNumbers() throws Exception {
    String text = "{ \"b\": [1.50, 15e-1, -0.0, 100, 2E2], \"a\": {\"z\": \"x\\\"y\\n\", \"Z\": true, \"m\": null} }";
    assertThat(CanonicalJson.text(MAPPER.readTree(text)))
        .isEqualTo("{\"a\":{\"Z\":true,\"m\":null,\"z\":\"x\\\"y\\n\"},\"b\":[1.5,1.5,0,100,200]}");
  }

  @Test
  void theSameOfferWrittenTwoWaysHasOneEncoding() throws Exception {
    var one = MAPPER.readTree("{\"load_kw\": [20.0, 35], \"pv_kw\": 0}");
    var two = MAPPER.readTree("{\"pv_kw\":0.000,\"load_kw\":[2e1,35.00]}");
    assertThat(CanonicalJson.text(one)).isEqualTo(CanonicalJson.text(two));
  }

  @Test
  void aSignatureVerifiesOnlyWithItsKeyAndItsBytes() throws Exception {
    KeyPair keys = Ed25519Keys.generate();
    var env = OfferSigner.sign(keys.getPrivate(), "d1", "B06", "0123456789abcdef", Instant.EPOCH,
        MAPPER.readTree("{\"load_kw\": 5}"));
    assertThat(env.get(SignatureVersion.FIELD).intValue()).as("signed by the current version").isEqualTo(2);
    String signature = env.remove("signature").textValue();
    byte[] bytes = CanonicalJson.rfc8785Bytes(env);
    String publicKey = Ed25519Keys.encode(keys.getPublic());
    assertThat(Ed25519Keys.verify(publicKey, bytes, signature)).isTrue();
    assertThat(Ed25519Keys.verify(Ed25519Keys.encode(Ed25519Keys.generate().getPublic()), bytes, signature)).isFalse();
    env.put("nonce", "0123456789abcdeF");
    assertThat(Ed25519Keys.verify(publicKey, CanonicalJson.rfc8785Bytes(env), signature)).isFalse();
    assertThat(Ed25519Keys.verify(publicKey, bytes, "not base64!")).isFalse();
    assertThat(Ed25519Keys.verify("AAAA", bytes, signature)).as("a key of 3 bytes").isFalse();
  }
}
