package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import org.peergrid.platform.api.ServerJsonReader;

/** The fuzz harness leaves out exactly the known finding: numbers too long in plain decimals. */
class SignedBodyFuzzingTest {
  private static boolean knownFinding(String body) {
    return SignedBodyFuzzing.hasKnownHugeExponent(
        ServerJsonReader.object(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  @Test
  void theKnownFindingIsANumberLongerInPlainDecimalsThanTheServerReads() {
    assertThat(SignedBodyFuzzing.KNOWN_FINDING_PLAIN_DIGITS).isEqualTo(1000);
    assertThat(knownFinding("{\"a\": [1e999999999]}")).isTrue();
    assertThat(knownFinding("{\"a\": {\"b\": 199999e9999}}")).isTrue();
    assertThat(knownFinding("{\"a\": 1e-1000}")).isTrue();
    assertThat(knownFinding("{\"a\": 1e999, \"b\": 1e-998}")).isFalse();
    assertThat(knownFinding("{\"a\": 0e9299999}")).isFalse();
  }
}
