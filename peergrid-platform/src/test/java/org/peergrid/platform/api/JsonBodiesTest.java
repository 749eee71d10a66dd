package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies that the fuzz tests found the server answering with a 500 instead of a 400. */
class JsonBodiesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anExponentBeyondAnIntIsAMalformedBody() {
    // OfferIntakeFuzzTest's finding: Jackson threw NumberFormatException, which no handler turned into 400
    assertThatThrownBy(() -> JsonBodies.object(utf8("{\"offer\": {\"load_kw\": 0e9299999999}}")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.error()).isEqualTo(ApiError.MALFORMED_BODY);
          assertThat(e.getMessage()).contains("0e9299999999").contains("out of range");
        });
  }

  @Test
  void anExponentWithinAnIntStillReads() {
    assertThat(JsonBodies.object(utf8("{\"load_kw\": 15e-1}")).get("load_kw").decimalValue())
        .isEqualByComparingTo("1.5");
  }
}
