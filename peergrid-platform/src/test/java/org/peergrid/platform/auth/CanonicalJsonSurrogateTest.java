package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.peergrid.platform.api.ServerJsonReader;

/**
 * CanonicalJsonFuzzTest's finding: a string with an unpaired UTF-16 surrogate ({@code "\ud83d"} without
 * its low half) became '?' in the canonical bytes, so two different envelopes had one encoding and the
 * canonical text did not read back to itself. Now it is escaped.
 */
class CanonicalJsonSurrogateTest {
  private static JsonNode read(String json) {
    return ServerJsonReader.object(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void anUnpairedSurrogateIsEscapedSoItsBytesReadBackToIt() {
    JsonNode lone = read("{\"d\":\"\\\\\\\\9\\ud83d\\\\\\\\:\",\"e\":\"\\udc00x\"}");
    String canonical = CanonicalJson.text(lone);

    assertThat(canonical).isEqualTo("{\"d\":\"\\\\\\\\9\\ud83d\\\\\\\\:\",\"e\":\"\\udc00x\"}");
    assertThat(CanonicalJson.text(read(new String(CanonicalJson.bytes(lone), StandardCharsets.UTF_8))))
        .isEqualTo(canonical);
    assertThat(CanonicalJson.bytes(lone)).isNotEqualTo(CanonicalJson.bytes(read("{\"d\":\"\\\\\\\\9?\\\\\\\\:\","
        + "\"e\":\"?x\"}")));
  }

  @Test
  void aPairedSurrogateStaysOneCharacterInUtf8() {
    String canonical = CanonicalJson.text(read("{\"smile\":\"\\ud83d\\ude00\"}"));
    assertThat(canonical).isEqualTo("{\"smile\":\"\ud83d\ude00\"}");
    assertThat(CanonicalJson.bytes(read("{\"smile\":\"\\ud83d\\ude00\"}")))
        .isEqualTo("{\"smile\":\"😀\"}".getBytes(StandardCharsets.UTF_8));
  }
}
