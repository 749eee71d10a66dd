package org.peergrid.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** For tests outside this package: request bodies read exactly as the server reads them. */
public final class ServerJsonReader {
  private ServerJsonReader() {}

  /** The body as {@link JsonBodies} reads it, or empty where the server answers with an ApiException. */
  public static Optional<JsonNode> object(byte[] body) {
    try {
      return Optional.of(JsonBodies.object(body));
    } catch (ApiException refused) {
      return Optional.empty();
    }
  }

  /** The most characters the server's reader takes in one number (Jackson's stream-read constraint). */
  public static int maxNumberLength() {
    return JsonBodies.MAPPER.getFactory().streamReadConstraints().getMaxNumberLength();
  }
}
