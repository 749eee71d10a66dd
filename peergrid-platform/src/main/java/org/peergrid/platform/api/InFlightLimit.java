package org.peergrid.platform.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peergrid.platform.auth.Hashes;

/**
 * At most {@link #PER_TOKEN} requests in progress per bearer token. Checked before a handler reads its
 * body, so one token's slow or stalled bodies (hundreds of connections sending headers and then the
 * body a byte at a time) hold at most that many server threads; the rest are answered 429 at once.
 * An app sends one request at a time and the dashboard a few, so honest clients never meet it.
 */
final class InFlightLimit {
  static final int PER_TOKEN = 8;
  private static final String BEARER = "Bearer ";

  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  /** The handler, run only while its token has fewer than {@link #PER_TOKEN} requests in progress. */
  Handler guard(Handler handler) {
    return ctx -> {
      String key = key(ctx);
      if (key == null) {
        handler.handle(ctx);
        return;
      }
      // compute() counts atomically per key, and a key whose last request ended is dropped
      int count = inFlight.compute(key, (k, n) -> n == null ? 1 : n + 1);
      try {
        if (count > PER_TOKEN) {
          throw ApiError.TOO_MANY_IN_FLIGHT.with(PER_TOKEN).retryAfter(1);
        }
        handler.handle(ctx);
      } finally {
        inFlight.compute(key, (k, n) -> n == null || n <= 1 ? null : n - 1);
      }
    };
  }

  /** The token's hash (the token itself is not kept), or null without a bearer token. */
  private static String key(Context ctx) {
    String header = ctx.header("Authorization");
    return header == null || !header.startsWith(BEARER) ? null : Hashes.sha256(header.substring(BEARER.length()).trim());
  }
}
