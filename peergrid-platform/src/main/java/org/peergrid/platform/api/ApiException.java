package org.peergrid.platform.api;

/** A failure that the server answers with its {@link ApiError}'s status and a JSON error body. */
public final class ApiException extends RuntimeException {
  private final ApiError error;

  public ApiException(ApiError error, String message) {
    super(message, null, false, false); // expected outcomes: no stack trace to fill
    this.error = error;
  }

  public ApiError error() {
    return error;
  }
}
