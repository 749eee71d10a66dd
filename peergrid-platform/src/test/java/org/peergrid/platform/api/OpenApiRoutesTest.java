package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.TestPlatform;

/** openapi.json and the server's routes list the same endpoints, and its security marks are obeyed. */
class OpenApiRoutesTest {
  private static final Set<HandlerType> ENDPOINT_TYPES = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
      HandlerType.PATCH, HandlerType.DELETE);
  @TempDir static Path data;
  static TestPlatform p;
  static JsonNode openApi;

  @BeforeAll
  static void start() {
    p = new TestPlatform(Database.h2Url(data));
    Http.Response r = p.http.get("/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    openApi = r.body();
  }

  @AfterAll
  static void stop() {
    p.close();
  }

  @Test
  void everyRegisteredRouteIsDescribedAndViceVersa() {
    Set<String> registered = new TreeSet<>();
    p.server.app().unsafe.internalRouter.allHttpHandlers().forEach(e -> {
      if (ENDPOINT_TYPES.contains(e.endpoint.method)) {
        registered.add(e.endpoint.method.name().toLowerCase() + " " + e.endpoint.path);
      }
    });
    Set<String> described = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = openApi.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method -> described.add(method + " " + path.getKey()));
    }
    assertThat(registered).hasSizeGreaterThan(10);
    assertThat(described).isEqualTo(registered);
  }

  @Test
  void everyPrivateEndpointAnswers401WithoutACredentialAndEveryPublicOneDoesNot() {
    int privateCount = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = openApi.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String url = path.getKey().replace("{day}", "d1").replace("{participant}", "B06")
          .replace("{receipt}", "0".repeat(64));
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        boolean isPublic = op.getValue().has("security") && op.getValue().get("security").isEmpty();
        Http.Response r = op.getKey().equals("get") ? p.http.get(url, null) : p.http.post(url, null, "{}");
        if (isPublic) {
          assertThat(r.status()).as(op.getKey() + " " + url).isNotEqualTo(401);
        } else {
          privateCount++;
          assertThat(r.status()).as(op.getKey() + " " + url).isEqualTo(401);
          assertThat(r.errorCode()).isEqualTo(ApiError.UNAUTHENTICATED.code());
        }
      }
    }
    assertThat(privateCount).isEqualTo(18); // /metrics is private by default
  }

  @Test
  void unknownEndpointsAnswerWithAJsonError() {
    Http.Response r = p.http.get("/api/nothing", null);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo(ApiError.NO_SUCH_ENDPOINT.code());
  }

  @Test
  void errorCodesAreUnique() {
    Set<Integer> codes = new TreeSet<>();
    for (ApiError e : ApiError.values()) {
      assertThat(codes.add(e.code())).as(e.name()).isTrue();
    }
  }
}
