package org.peergrid.platform.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * One line per answered request, as {@code key=value} pairs: method, route template, path (without
 * the query string), status, duration, bytes of the body sent and the client's address. Never a
 * header (the Authorization one carries credentials) nor a body (offers are signed private data).
 */
final class AccessLog {
  private final Consumer<String> sink;

  AccessLog(Consumer<String> sink) {
    this.sink = sink;
  }

  void answered(Context ctx, String route, long nanos) {
    if (sink == Observability.NO_ACCESS_LOG) {
      return;
    }
    sink.accept(String.format(Locale.ROOT, "method=%s route=%s path=%s status=%d ms=%.1f bytes=%s remote=%s",
        ctx.method().name(), route, printable(ctx.path()), ctx.statusCode(), nanos / 1e6, bytesSent(ctx),
        ctx.req().getRemoteAddr()));
  }

  /** The body's bytes as written (after compression), or "-" when the servlet layer does not say. */
  private static String bytesSent(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    return request == null ? "-" : String.valueOf(request.getServletChannel().getHttpOutput().getWritten());
  }

  /** The path with anything outside printable ASCII, and spaces, escaped: a client cannot forge log lines. */
  static String printable(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if (c > ' ' && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
