package org.peergrid.platform.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Every failure a client can see, with a stable numeric code (never reused or renumbered), the HTTP
 * status and a message template ({@link MessageFormat} placeholders). Codes group by thousand:
 * 1xxx access, 2xxx request shape, 3xxx offer signing, 4xxx market state, 5xxx server.
 */
public enum ApiError {
  UNAUTHENTICATED(1001, 401, "a credential is required: send the header ''Authorization: Bearer TOKEN''"),
  BAD_CREDENTIAL(1002, 401, "the credential is not valid"),
  FORBIDDEN(1003, 403, "this credential may not {0}"),
  NO_SUCH_ENDPOINT(1004, 404, "no endpoint {0}"),
  TOO_MANY_FAILURES(1005, 429, "too many requests with unknown credentials {0}; try again in {1} s"),
  TOO_MANY_IN_FLIGHT(1006, 429, "this credential has {0} requests in progress already, the most allowed; send the"
      + " next when one is answered"),
  MALFORMED_BODY(2001, 400, "the body is not a JSON object: {0}"),
  INVALID_FIELD(2002, 400, "{0}: {1}"),
  BODY_TOO_LARGE(2003, 413, "the body has more than {0} bytes"),
  INVALID_OFFER(2004, 400, "the offer is not valid: {0}"),
  HTTP_REFUSED(2101, 400, "the request is not one the server accepts: {0}"),
  REQUEST_TIMEOUT(2102, 408, "the request came too slowly: {0}; send the whole body at once"),
  URI_TOO_LONG(2103, 414, "the request''s URI is too long: {0}"),
  HEADERS_TOO_LARGE(2104, 431, "the request''s headers are too large: {0}"),
  BAD_SIGNATURE(3001, 400, "the signature does not verify with {0}''s registered key over the canonical encoding"
      + " of signature version {1}"),
  REPLAYED_NONCE(3002, 409, "nonce {0} was already used by {1}; every offer needs a new nonce"),
  STALE_TIMESTAMP(3003, 400, "timestamp {0} is {1} s away from the server''s clock {2}; at most {3} s are accepted"),
  WRONG_PARTICIPANT(3004, 403, "the offer is for {0} on day {1}, but the credential is {2}''s on day {3}"),
  UNKNOWN_SIGNATURE_VERSION(3005, 400, "signature_version {0} is not one this server verifies: 2 (RFC 8785"
      + " canonical JSON, written by ''peergrid offer sign'' and clients/python/peergrid_signer.py) or 1 (no"
      + " signature_version member: the plain-decimal form of earlier versions); sign the envelope again with"
      + " version 2"),
  DAY_NOT_FOUND(4001, 404, "there is no market day {0}"),
  DAY_EXISTS(4002, 409, "market day {0} exists already"),
  GATE_CLOSED(4003, 409, "the gate of day {0} closed at {1}; offers are no longer accepted"),
  NOT_CLEARED(4004, 409, "day {0} has no results: it is {1}"),
  PARTICIPANT_NOT_FOUND(4005, 404, "day {0} has no participant {1}"),
  PARTICIPANT_EXISTS(4006, 409, "day {0} has a participant {1} already"),
  INVALID_SCENARIO(4007, 400, "the scenario is not valid: {0}"),
  UNKNOWN_MECHANISM(4008, 400, "unknown mechanism ''{0}''; available: {1}"),
  ALREADY_CLEARED(4009, 409, "day {0} is {1} already"),
  RECEIPT_NOT_FOUND(4010, 404, "no offer of {0} has receipt {1}"),
  NO_OFFERS(4011, 409, "day {0} has no offers to clear"),
  REALTIME_SETTLED(4012, 409, "day {0} was settled in real time already"),
  NOT_EXCLUDABLE(4014, 409, "{0}''s offer on day {1} cannot be excluded: {2}"),
  REGISTRATION_CLOSED(4013, 409, "day {0} takes no more participants: its gate closed at {1} and it is {2}"),
  INTERNAL(5000, 500, "internal error (reference {0}); the server log has the details");

  private final int code;
  private final int status;
  private final String template;

  ApiError(int code, int status, String template) {
    this.code = code;
    this.status = status;
    this.template = template;
  }

  public int code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String template() {
    return template;
  }

  /** The message with its arguments filled in. */
  public String format(Object... args) {
    return new MessageFormat(template, Locale.ROOT).format(args);
  }

  /** The JSON body of this error with its message: {@code {"error": {"code", "name", "message"}}}. */
  public Map<String, Object> body(String message) {
    return Map.of("error", Map.of("code", code, "name", name(), "message", message));
  }

  /** The error for an answer that Jetty itself gives with this status, before the application runs. */
  static ApiError forJettyStatus(int status) {
    return switch (status) {
      case 404, 405 -> NO_SUCH_ENDPOINT;
      case 408 -> REQUEST_TIMEOUT;
      case 414 -> URI_TOO_LONG;
      case 431 -> HEADERS_TOO_LARGE;
      default -> status >= 500 ? INTERNAL : HTTP_REFUSED;
    };
  }

  /** An exception that the server answers with this error. */
  public ApiException with(Object... args) {
    return new ApiException(this, format(args));
  }
}
