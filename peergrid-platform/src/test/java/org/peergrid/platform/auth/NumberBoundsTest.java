package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Numbers of an envelope's payload are bounded in digits before the canonical encoding expands them. */
class NumberBoundsTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void valuesAtTheBoundsAreAccepted() throws Exception {
    JsonNode atBounds = json("{\"a\": 999999999999999, \"b\": 0.12345678901234567890, \"c\": 12345678901234.567890,"
        + " \"d\": [1e14, -2.5E-19, 0, 0.0, 1.50]}");
    assertThat(NumberBounds.firstUnbounded(atBounds, "offer")).isEmpty();
    assertThat(CanonicalJson.text(atBounds)).contains("\"a\":999999999999999", "100000000000000", "-0.00000000000000000025");
  }

  @Test
  void theFirstNumberBeyondABoundIsNamedWithItsKeyPath() throws Exception {
    assertThat(NumberBounds.firstUnbounded(json("{\"load_kw\": [1, 2, 1e999999999]}"), "offer")).hasValue(
        new NumberBounds.Unbounded("offer.load_kw[2]", "has 1000000000 digits before the decimal point; at most 15"
            + " are accepted (write the value in plain decimals, in the unit its key names)"));
    assertThat(NumberBounds.firstUnbounded(json("{\"battery\": {\"soc_min\": 1e-999999999}}"), "offer"))
        .hasValueSatisfying(u -> {
          assertThat(u.path()).isEqualTo("offer.battery.soc_min");
          assertThat(u.why()).startsWith("has 999999999 digits after the decimal point; at most 20");
        });
    assertThat(NumberBounds.firstUnbounded(json("{\"x\": 1000000000000000}"), "r").orElseThrow().why())
        .startsWith("has 16 digits before the decimal point");
    assertThat(NumberBounds.firstUnbounded(json("{\"x\": 0.000000000000000000001}"), "r").orElseThrow().why())
        .startsWith("has 21 digits after the decimal point");
    assertThat(NumberBounds.firstUnbounded(json("{\"x\": 1.23456789012345678901}"), "r").orElseThrow().why())
        .startsWith("has 21 significant digits");
    assertThat(NumberBounds.firstUnbounded(json("{\"x\": 123456789012345678901234567890}"), "r").orElseThrow().why())
        .startsWith("has 30 significant digits");
  }

  @Test
  void theCanonicalEncodingNeverExpandsAnUnboundedNumber() throws Exception {
    JsonNode huge = json("{\"load_kw\": 1e999999999}");
    assertThatThrownBy(() -> CanonicalJson.text(huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000000000 digits before the decimal point");
    assertThat(CanonicalJson.text(json("{\"z\": 0e-999999999}"))).isEqualTo("{\"z\":0}");
  }
}
