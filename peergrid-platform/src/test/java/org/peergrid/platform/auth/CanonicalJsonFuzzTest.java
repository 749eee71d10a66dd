package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.peergrid.platform.api.ServerJsonReader;
import org.peergrid.platform.market.SignedBodyFuzzing;

/**
 * Coverage-guided fuzzing of the canonical encoding that signatures cover: for any object the server
 * reads, the canonical text is JSON that the server reads back to the same canonical text (a fixed
 * point, so signer and server agree whoever canonicalises), and its bytes are its UTF-8. Numbers of the
 * known finding are left out ({@link SignedBodyFuzzing#KNOWN_FINDING_PLAIN_DIGITS}). Seeds:
 * {@code CanonicalJsonFuzzTestInputs/canonicalFormIsAFixedPoint}.
 */
class CanonicalJsonFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void canonicalFormIsAFixedPoint(byte[] input) {
    Optional<JsonNode> body = ServerJsonReader.object(input);
    if (body.isEmpty() || SignedBodyFuzzing.hasKnownHugeExponent(body.get())) {
      return;
    }
    String canonical = CanonicalJson.text(body.get());
    Optional<JsonNode> reread = ServerJsonReader.object(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(reread).as("the canonical text %s reads back", canonical).isPresent();
    assertThat(CanonicalJson.text(reread.get())).isEqualTo(canonical);
    assertThat(CanonicalJson.bytes(body.get())).isEqualTo(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
