package org.peergrid.platform.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.peergrid.platform.auth.Authenticator;
import org.peergrid.platform.auth.FailureLimiter;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.auth.Tokens;

/**
 * The access rules, one method per role (docs/platform.md, "Who can read what"). Every private
 * handler starts with one of these calls, so a route without one is visibly public.
 */
final class RequestAccess {
  private static final String BEARER = "Bearer ";
  /** Unknown credentials one client address may send at once, then one per {@link #ADDRESS_REFILL}. */
  static final int ADDRESS_BURST = 20;
  static final Duration ADDRESS_REFILL = Duration.ofSeconds(3);
  /**
   * Unknown credentials of one kind ({@code dso_}, {@code pt_}, other) from all addresses together, then
   * one per {@link #KIND_REFILL}: many addresses guessing at once are slowed too. A known credential
   * of that kind is still accepted (from memory), so guessers cannot lock the operator out.
   */
  static final int KIND_BURST = 200;
  static final Duration KIND_REFILL = Duration.ofMillis(100);

  private final Authenticator authenticator;
  private final FailureLimiter byAddress;
  private final FailureLimiter byKind;

  RequestAccess(Authenticator authenticator, Clock clock) {
    this.authenticator = authenticator;
    this.byAddress = new FailureLimiter(clock, ADDRESS_BURST, ADDRESS_REFILL);
    this.byKind = new FailureLimiter(clock, KIND_BURST, KIND_REFILL);
  }

  Principal principal(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiError.UNAUTHENTICATED.with();
    }
    if (!header.startsWith(BEARER)) {
      throw ApiError.BAD_CREDENTIAL.with();
    }
    String token = header.substring(BEARER.length()).trim();
    // the client's own address: X-Forwarded-For is not trusted, anyone can write it
    String address = ctx.req().getRemoteAddr();
    long addressWait = byAddress.retryAfterSeconds(address);
    if (addressWait > 0) {
      throw ApiError.TOO_MANY_FAILURES.with("from " + address, addressWait).retryAfter(addressWait);
    }
    String kind = kind(token);
    long kindWait = byKind.retryAfterSeconds(kind);
    Optional<Principal> found = kindWait > 0 ? authenticator.resolveFromMemory(token) : authenticator.resolve(token);
    if (found.isPresent()) {
      return found.get();
    }
    byAddress.fail(address);
    byKind.fail(kind);
    if (kindWait > 0) {
      throw ApiError.TOO_MANY_FAILURES.with("of kind " + kind, kindWait).retryAfter(kindWait);
    }
    throw ApiError.BAD_CREDENTIAL.with();
  }

  /** What the token claims to be by its prefix. */
  private static String kind(String token) {
    return token.startsWith(Tokens.DSO_PREFIX) ? Tokens.DSO_PREFIX
        : token.startsWith(Tokens.PROSUMER_PREFIX) ? Tokens.PROSUMER_PREFIX : "other";
  }

  void requireDso(Context ctx, String action) {
    if (!(principal(ctx) instanceof Principal.Dso)) {
      throw ApiError.FORBIDDEN.with(action + " (the DSO operator's credential is needed)");
    }
  }

  /** Any prosumer; the caller compares the principal with what it asks for. */
  Principal.Prosumer requireProsumer(Context ctx, String action) {
    if (principal(ctx) instanceof Principal.Prosumer p) {
      return p;
    }
    throw ApiError.FORBIDDEN.with(action + " (a prosumer's credential is needed)");
  }

  /** The prosumer itself, and nobody else. */
  Principal.Prosumer requireSelf(Context ctx, String dayId, String participantId, String action) {
    Principal.Prosumer p = requireProsumer(ctx, action);
    if (!p.dayId().equals(dayId) || !p.participantId().equals(participantId)) {
      throw ApiError.FORBIDDEN.with(action + " of " + participantId + " on day " + dayId
          + " (a prosumer reads only its own data)");
    }
    return p;
  }
}
