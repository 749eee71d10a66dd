package org.peergrid.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure answered as a JSON {@link ApiError} body: the application's refusals, Javalin's own
 * (404, 413), Jetty's (400, 408, 414, 431, through {@link JsonErrorHandler}), a body that stopped
 * arriving, any unexpected exception, and errors of the JVM itself (an {@link OutOfMemoryError} or
 * {@link StackOverflowError} in a handler), which Javalin would otherwise answer with an empty 500.
 * Unexpected failures carry a reference that the server log repeats beside the stack trace.
 */
final class ErrorAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
  /** The request attribute holding the {@link ApiError} answered, for the metrics' refusal reasons. */
  static final String ERROR_ATTRIBUTE = "peergrid.error";

  private ErrorAnswers() {}

  static void install(JavalinConfig config, long maxBodyBytes) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.routes.exception(ApiException.class, (e, ctx) -> {
      if (e.retryAfterSeconds() > 0) {
        ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
      }
      answer(ctx, e.error(), e.getMessage());
    });
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      ApiError error = switch (e.getStatus()) {
        case 404, 405 -> ApiError.NO_SUCH_ENDPOINT;
        case 413 -> ApiError.BODY_TOO_LARGE;
        default -> ApiError.MALFORMED_BODY;
      };
      answer(ctx, error, error == ApiError.NO_SUCH_ENDPOINT ? error.format(ctx.method() + " " + ctx.path())
          : error == ApiError.BODY_TOO_LARGE ? error.format(maxBodyBytes) : error.format(e.getMessage()));
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      if (e instanceof HttpException jetty && jetty.getCode() < 500) {
        // Jetty refusing the body while the handler read it, e.g. 408 below the minimum data rate
        ApiError error = ApiError.forJettyStatus(jetty.getCode());
        answer(ctx, error, error.format(jetty.getReason()));
      } else {
        String reference = UUID.randomUUID().toString();
        LOG.error("request {} {} failed, reference {}", ctx.method(), ctx.path(), reference, e);
        answer(ctx, ApiError.INTERNAL, ApiError.INTERNAL.format(reference));
      }
    });
    // Javalin answers a body read that timed out itself, with 408 and no body, before any exception
    // handler sees it; its error hook for the status gives it the JSON body
    config.routes.error(408, "*", ctx -> {
      if (ctx.resultInputStream() == null) {
        answer(ctx, ApiError.REQUEST_TIMEOUT, ApiError.REQUEST_TIMEOUT.format("nothing arrived for "
            + PlatformServer.REQUEST_IDLE_TIMEOUT.toSeconds() + " s"));
      }
    });
    config.router.javaLangErrorHandler(ErrorAnswers::jvmError);
  }

  private static void answer(Context ctx, ApiError error, String message) {
    ctx.attribute(ERROR_ATTRIBUTE, error);
    ctx.status(error.status()).json(error.body(message));
  }

  /** An {@link Error} in a handler: logged with a reference, answered 500 with the reference. */
  private static void jvmError(HttpServletResponse res, Error error) {
    String reference = UUID.randomUUID().toString();
    LOG.error("a request failed with {}, reference {}", error, reference, error);
    if (res.isCommitted()) {
      return;
    }
    try {
      res.resetBuffer();
      res.setStatus(ApiError.INTERNAL.status());
      res.setContentType("application/json");
      res.getOutputStream().write(JsonBodies.MAPPER.writeValueAsString(ApiError.INTERNAL.body(
          ApiError.INTERNAL.format(reference))).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body of strings and numbers is always JSON", e);
    } catch (IOException e) {
      LOG.debug("could not answer reference {}: the client went away", reference, e);
    }
  }
}
