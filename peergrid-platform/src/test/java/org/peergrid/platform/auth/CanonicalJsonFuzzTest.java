package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.peergrid.platform.api.ServerJsonReader;

/**
 * Coverage-guided fuzzing of the canonical encoding that signatures cover: for any object the server
 * reads, the canonical text is JSON that the server reads back to the same canonical text (a fixed
 * point, so signer and server agree whoever canonicalises), and its bytes are its UTF-8; a number beyond
 * {@link NumberBounds} is refused by the encoder rather than expanded. Seeds:
 * {@code CanonicalJsonFuzzTestInputs/canonicalFormIsAFixedPoint}.
 */
class CanonicalJsonFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void canonicalFormIsAFixedPoint(byte[] input) {
    Optional<JsonNode> body = ServerJsonReader.object(input);
    if (body.isEmpty()) {
      return;
    }
    if (NumberBounds.firstUnbounded(body.get(), "body").isPresent()) {
      // intake refuses such numbers before canonicalising; the encoder itself refuses them too, at once
      assertThatThrownBy(() -> CanonicalJson.text(body.get())).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    String canonical = CanonicalJson.text(body.get());
    Optional<JsonNode> reread = ServerJsonReader.object(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(reread).as("the canonical text %s reads back", canonical).isPresent();
    assertThat(CanonicalJson.text(reread.get())).isEqualTo(canonical);
    assertThat(CanonicalJson.bytes(body.get())).isEqualTo(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
