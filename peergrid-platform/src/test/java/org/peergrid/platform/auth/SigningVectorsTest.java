package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.platform.api.ServerJsonReader;
import org.peergrid.platform.testsupport.RepositoryFiles;

/**
 * The signature version 2 test vectors in clients/signing-test-vectors.json, which
 * clients/python/test_peergrid_signer.py checks too, so that the server and the Python reference
 * signer agree byte for byte: RFC 8785's Appendix B number table and its two examples (taken from the
 * RFC's figures), peergrid's own canonical cases, and signed envelopes with a published key.
 */
class SigningVectorsTest {
  private static final JsonNode VECTORS = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(RepositoryFiles.signingVectors().toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RepositoryFiles.signingVectors(), e);
    }
  }

  private static Stream<JsonNode> section(String name) {
    return StreamSupport.stream(VECTORS.get(name).spliterator(), false);
  }

  static Stream<JsonNode> numbers() {
    return section("numbers");
  }

  static Stream<JsonNode> canonical() {
    return section("canonical");
  }

  static Stream<JsonNode> signed() {
    return section("signed");
  }

  /** A request body as the server parses it (decimals as BigDecimal, duplicate keys refused). */
  private static ObjectNode asTheServerReadsIt(String text) {
    return (ObjectNode) ServerJsonReader.object(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbers")
  void rfc8785AppendixBNumbers(JsonNode vector) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(vector.get("ieee754").asText(), 16));
    if (vector.get("json").isNull()) {
      assertThatThrownBy(() -> CanonicalJson.ecmascriptNumber(value)).isInstanceOf(IllegalArgumentException.class);
    } else {
      assertThat(CanonicalJson.ecmascriptNumber(value)).isEqualTo(vector.get("json").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonical")
  void canonicalForms(JsonNode vector) {
    assertThat(CanonicalJson.rfc8785(asTheServerReadsIt(vector.get("input").asText())))
        .isEqualTo(vector.get("canonical").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signed")
  void signedEnvelopes(JsonNode vector) {
    ObjectNode envelope = asTheServerReadsIt(vector.get("envelope").asText());
    assertThat(SignatureVersion.declaredBy(envelope)).contains(SignatureVersion.RFC_8785);
    byte[] signedBytes = SignatureVersion.RFC_8785.signedBytes(envelope);
    assertThat(new String(signedBytes, StandardCharsets.UTF_8)).isEqualTo(vector.get("canonical").asText());

    PrivateKey key = Ed25519Keys.privateKey(VECTORS.at("/key/private_key_pem").asText());
    assertThat(Ed25519Keys.sign(key, signedBytes)).as("Ed25519 is deterministic (RFC 8032)")
        .isEqualTo(vector.get("signature").asText());

    envelope.put("signature", vector.get("signature").asText());
    String publicKey = VECTORS.at("/key/public_key").asText();
    assertThat(SignatureVersion.RFC_8785.verifies(publicKey, envelope)).isTrue();
    assertThat(Hashes.sha256(CanonicalJson.rfc8785(envelope))).isEqualTo(vector.get("receipt").asText());
    ObjectNode downgraded = envelope.deepCopy();
    downgraded.remove(SignatureVersion.FIELD);
    assertThat(SignatureVersion.PLAIN_DECIMAL.verifies(publicKey, downgraded)).as("not as a version 1 envelope")
        .isFalse();
  }

  @Test
  void theVectorKeyIsRfc8032Test1() {
    assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(VECTORS.at("/key/public_key").asText())))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    PrivateKey key = Ed25519Keys.privateKey(VECTORS.at("/key/private_key_pem").asText());
    // RFC 8032 section 7.1, test 1: the signature of the empty message
    assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(Ed25519Keys.sign(key, new byte[0]))))
        .isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
            + "d25bf5f0595bbe24655141438e7a100b");
  }
}
