package org.peergrid.platform.api;

import io.javalin.http.Context;
import org.peergrid.platform.auth.Authenticator;
import org.peergrid.platform.auth.Principal;

/**
 * The access rules, one method per role (docs/platform.md, "Who can read what"). Every private
 * handler starts with one of these calls, so a route without one is visibly public.
 */
final class RequestAccess {
  private static final String BEARER = "Bearer ";
  private final Authenticator authenticator;

  RequestAccess(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  Principal principal(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiError.UNAUTHENTICATED.with();
    }
    if (!header.startsWith(BEARER)) {
      throw ApiError.BAD_CREDENTIAL.with();
    }
    return authenticator.resolve(header.substring(BEARER.length()).trim())
        .orElseThrow(ApiError.BAD_CREDENTIAL::with);
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
