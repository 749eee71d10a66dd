package org.peergrid.platform.api;

/** A failure that the server answers with its {@link ApiError}'s status and a JSON error body. */
public final class ApiException extends RuntimeException {
  private final ApiError error;
  private final long retryAfterSeconds;

  public ApiException(ApiError error, String message) {
    this(error, message, 0);
  }

  private ApiException(ApiError error, String message, long retryAfterSeconds) {
    super(message, null, false, false); // expected outcomes: no stack trace to fill
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiError error() {
    return error;
  }

  /** The same failure, answered with a {@code Retry-After} header of this many seconds. */
  public ApiException retryAfter(long seconds) {
    return new ApiException(error, getMessage(), seconds);
  }

  /** Seconds for the {@code Retry-After} header; 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
