package org.peergrid.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/**
 * Request bodies as JSON trees. Decimals stay {@link java.math.BigDecimal} so that signed offers
 * are canonicalised from the digits the client sent; duplicate keys are refused because a signer
 * and the server could read different values for them.
 */
final class JsonBodies {
  /** Larger bodies are refused with 413 before they are parsed. */
  static final int MAX_BYTES = 256 * 1024;
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonBodies() {}

  static JsonNode object(Context ctx) {
    if (ctx.contentLength() > MAX_BYTES) {
      throw ApiError.BODY_TOO_LARGE.with(MAX_BYTES);
    }
    return object(ctx.bodyAsBytes());
  }

  /** A request body's bytes as a JSON object, or MALFORMED_BODY. */
  static JsonNode object(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw ApiError.BODY_TOO_LARGE.with(MAX_BYTES);
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.MALFORMED_BODY.with(e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiError.MALFORMED_BODY.with("unreadable");
    } catch (NumberFormatException e) {
      // Jackson's BigDecimal reading throws this, not a JsonProcessingException, for an exponent beyond
      // an int (0e9299999999; found by OfferIntakeFuzzTest)
      throw ApiError.MALFORMED_BODY.with("a number is out of range: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiError.MALFORMED_BODY.with("expected an object");
    }
    return node;
  }

  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw ApiError.INVALID_FIELD.with(field, "a non-empty string is required");
    }
    return v.textValue();
  }

  static int integer(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      throw ApiError.INVALID_FIELD.with(field, "an integer is required");
    }
    return v.intValue();
  }
}
