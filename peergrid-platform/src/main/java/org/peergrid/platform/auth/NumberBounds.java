package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * How long a number of a signed envelope may be, checked on the parsed tree before anything expands
 * it. A JSON number is short text for a huge value: {@code 1e999999999} is 11 characters, but its
 * plain decimal form, which the canonical encoding writes, has a billion digits (28 s of CPU and
 * 4.5 GB for one request before this bound). Every number of an offer or a reading is a power, an
 * energy, a ratio or a price, so these bounds leave every meaningful value its precision: at most
 * {@value #MAX_SIGNIFICANT_DIGITS} significant digits, {@value #MAX_INTEGER_DIGITS} before the decimal
 * point and {@value #MAX_FRACTION_DIGITS} after it, as written (trailing zeros count).
 */
public final class NumberBounds {
  public static final int MAX_SIGNIFICANT_DIGITS = 20;
  public static final int MAX_INTEGER_DIGITS = 15;
  public static final int MAX_FRACTION_DIGITS = 20;

  private NumberBounds() {}

  /** A number out of bounds: its key path ({@code offer.load_kw[3]}) and why. */
  public record Unbounded(String path, String why) {}

  /**
   * The first number in {@code node} (depth first, object keys in document order) that exceeds the
   * bounds, or empty when every number is within them.
   *
   * @param path how messages name {@code node}, e.g. {@code offer}
   */
  public static Optional<Unbounded> firstUnbounded(JsonNode node, String path) {
    if (node.isNumber()) {
      return problem(node.decimalValue()).map(why -> new Unbounded(path, why));
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<Unbounded> found = firstUnbounded(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Optional<Unbounded> found = firstUnbounded(field.getValue(), path + "." + field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code value} is out of bounds, or empty. Reads only precision and scale, which a
   * {@link BigDecimal} holds without expanding its digits.
   */
  static Optional<String> problem(BigDecimal value) {
    int fraction = Math.max(value.scale(), 0);
    // digits before the point: precision - scale, in long since a scale can be near Integer.MIN_VALUE
    long integer = Math.max((long) value.precision() - value.scale(), 0);
    if (value.precision() > MAX_SIGNIFICANT_DIGITS) {
      return Optional.of("has " + value.precision() + " significant digits; at most " + MAX_SIGNIFICANT_DIGITS
          + " are accepted");
    }
    if (integer > MAX_INTEGER_DIGITS) {
      return Optional.of("has " + integer + " digits before the decimal point; at most " + MAX_INTEGER_DIGITS
          + " are accepted (write the value in plain decimals, in the unit its key names)");
    }
    if (fraction > MAX_FRACTION_DIGITS) {
      return Optional.of("has " + fraction + " digits after the decimal point; at most " + MAX_FRACTION_DIGITS
          + " are accepted");
    }
    return Optional.empty();
  }
}
