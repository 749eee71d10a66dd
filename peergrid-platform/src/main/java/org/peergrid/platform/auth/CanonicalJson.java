package org.peergrid.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.erdtman.jcs.NumberToJSON;

/**
 * The canonical JSON encodings that signatures and ledger hashes are computed over
 * (docs/platform.md, "Signed offers"). Both write UTF-8 JSON without whitespace, object keys sorted by
 * their UTF-16 code units and strings with only the escapes JSON requires. They differ in numbers:
 * <ul>
 *   <li>{@link #rfc8785} is the JSON Canonicalization Scheme (RFC 8785, Rundgren, Jordan and Erdtman
 *       2020) that signature version 2 signs: each number is read as an IEEE 754 double and written as
 *       ECMAScript's Number::toString writes it (RFC 8785 §3.2.2.3: the shortest digits that read back
 *       to the same double, exponent form below 1e-6 and from 1e21), so any language's JSON library and
 *       a hundred lines of code produce it. A string with an unpaired UTF-16 surrogate is refused
 *       (RFC 8785 requires I-JSON, RFC 7493 §2.1, which has none).</li>
 *   <li>{@link #text} is peergrid's earlier form, which signature version 1 signs and the ledger's
 *       unsigned payloads (exclusions) use: numbers in plain decimal notation with no exponent and no
 *       trailing zeros ({@code 1.50} and {@code 15e-1} both encode as {@code 1.5}, {@code -0} as
 *       {@code 0}), from the {@link BigDecimal} the client's digits were parsed into; an unpaired
 *       surrogate is escaped as {@code \\uXXXX}, since UTF-8 cannot carry it.</li>
 * </ul>
 * Numbers must be parsed as {@link BigDecimal} (Jackson's {@code USE_BIG_DECIMAL_FOR_FLOATS}) so
 * that version 1 sees the client's decimal digits exactly; version 2 converts them to doubles itself.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** How numbers (and strings UTF-8 cannot carry) are written. */
  private enum Form { PLAIN_DECIMAL, RFC_8785 }

  /** The canonical UTF-8 bytes of a JSON value in peergrid's plain-decimal form (signature version 1). */
  public static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of a JSON value in peergrid's plain-decimal form (signature version 1). */
  public static String text(JsonNode node) {
    return write(node, Form.PLAIN_DECIMAL);
  }

  /**
   * The RFC 8785 (JCS) canonical text of a JSON value (signature version 2).
   *
   * @throws IllegalArgumentException for a number beyond a double's range or a string with an unpaired
   *     surrogate
   */
  public static String rfc8785(JsonNode node) {
    return write(node, Form.RFC_8785);
  }

  /** The RFC 8785 (JCS) canonical UTF-8 bytes of a JSON value (signature version 2). */
  public static byte[] rfc8785Bytes(JsonNode node) {
    return rfc8785(node).getBytes(StandardCharsets.UTF_8);
  }

  private static String write(JsonNode node, Form form) {
    StringBuilder out = new StringBuilder();
    write(node, out, form);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out, Form form) {
    JsonNodeType type = node.getNodeType();
    switch (type) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          keys.add(it.next());
        }
        keys.sort(null); // String.compareTo orders by UTF-16 code units (RFC 8785 §3.2.3)
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(keys.get(i), out, form);
          out.append(':');
          write(node.get(keys.get(i)), out, form);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out, form);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out, form);
      case NUMBER -> out.append(form == Form.RFC_8785 ? ecmascriptNumber(node.decimalValue())
          : number(node.decimalValue()));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("not a JSON value: " + type);
    }
  }

  static String number(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    requireBounded(value);
    return value.stripTrailingZeros().toPlainString();
  }

  /**
   * A number as RFC 8785 §3.2.2.3 writes it: the double nearest to the written value, serialised as
   * ECMAScript's Number::toString (ECMA-262 §7.1.12.1; -0 as 0). The shortest-digits conversion is
   * the one that RFC 8785's authors published (io.github.erdtman:java-json-canonicalization); JDK 17's
   * Double.toString is not always the shortest (JDK-4511638, fixed in JDK 19). No bound is needed
   * here: the conversion reads a long exponent without expanding it ({@code 1e999999999} is infinite
   * and refused, {@code 1e-999999999} is 0).
   */
  static String ecmascriptNumber(BigDecimal value) {
    return ecmascriptNumber(value.doubleValue());
  }

  /** A double as ECMAScript's Number::toString writes it; NaN and infinities have no JSON form. */
  static String ecmascriptNumber(double value) {
    try {
      return NumberToJSON.serializeNumber(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("a number that JSON cannot carry (" + value + ")");
    }
  }

  /** A backstop: intake refuses such numbers with their key first (NumberBounds); never expand one. */
  private static void requireBounded(BigDecimal value) {
    NumberBounds.problem(value).ifPresent(why -> {
      throw new IllegalArgumentException("a number that " + why);
    });
  }

  private static void string(String s, StringBuilder out, Form form) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          boolean unpaired = unpairedSurrogate(s, i);
          if (unpaired && form == Form.RFC_8785) {
            throw new IllegalArgumentException("a string with an unpaired UTF-16 surrogate (\\u"
                + String.format("%04x", (int) c) + "), which RFC 8785 does not allow");
          }
          if (c < 0x20 || unpaired) {
            // an unpaired surrogate has no UTF-8 form (it would become '?'), so it is escaped
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
