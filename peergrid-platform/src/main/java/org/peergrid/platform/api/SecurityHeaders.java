package org.peergrid.platform.api;

import java.util.Map;

/**
 * Headers on every answer, the dashboard's above all: its scripts, styles, images and API calls come
 * from this server only (no inline script, no eval, no plug-ins), no other site may frame it (against
 * clickjacking of the "Clear now" and "Settle" buttons), browsers must not guess content types, and no
 * address (with a day or participant id in it) leaks to other sites as a referrer.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
      + " frame-ancestors 'none'";
  static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Frame-Options", "DENY",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");

  private SecurityHeaders() {}
}
