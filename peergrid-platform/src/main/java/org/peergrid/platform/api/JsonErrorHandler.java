package org.peergrid.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own answers (a request it cannot parse: 400, a URI too long: 414, headers too large: 431, a
 * body that stopped arriving: 408, anything before the application sees the request) as the same
 * JSON error bodies as the application's, instead of Jetty's HTML pages. Messages are Jetty's short
 * reasons; a 5xx carries only a reference that the server log repeats (a reason could hold internals).
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

  @Override
  public boolean errorPageForMethod(String method) {
    return true; // a body for every method, not only GET, POST and HEAD
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.ALL.forEach(headers::put);
    response.write(true, body(code, message, headers), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    return body(status, reason, fields);
  }

  /** The JSON body of an error that Jetty answers with this status; sets the content type. */
  static ByteBuffer body(int status, String reason, HttpFields.Mutable headers) {
    ApiError error = ApiError.forJettyStatus(status);
    String message;
    if (error == ApiError.INTERNAL) {
      String reference = UUID.randomUUID().toString();
      LOG.error("Jetty answered {} ({}), reference {}", status, reason, reference);
      message = error.format(reference);
    } else {
      message = error.format(reason == null || reason.isBlank() ? "HTTP " + status : reason);
    }
    headers.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    try {
      return ByteBuffer.wrap(JsonBodies.MAPPER.writeValueAsString(error.body(message)).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body of strings and numbers is always JSON", e);
    }
  }
}
