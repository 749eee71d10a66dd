package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.auth.PrivateFiles;
import org.peergrid.platform.store.Database;

/** A self-signed keystore made by the platform serves HTTPS, to a client that pins it, and no HTTP. */
class TlsTest {
  private static final String PASSWORD = "test-only-keystore-password";
  @TempDir Path dir;

  @Test
  void servesHttpsWithTheSelfSignedKeystore() throws Exception {
    Path keystore = dir.resolve("peergrid.p12");
    SelfSignedKeystore.create(keystore, PASSWORD, "localhost");
    assertThat(Files.getPosixFilePermissions(keystore)).as("the private key is the owner's only")
        .isEqualTo(PrivateFiles.OWNER_ONLY);
    try (var left = Files.list(dir)) {
      assertThat(left).as("no temporary folder left behind").containsExactly(keystore);
    }
    var params = new PlatformParameters(Database.h2Url(dir), "127.0.0.1", 0, Optional.of(keystore), PASSWORD,
        PlatformParameters.DEFAULT_GATE_CHECK_PERIOD, MarketService.DEFAULT_MAX_SKEW);
    try (PlatformServer server = PlatformServer.start(params, Clock.systemUTC())) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trust.load(in, PASSWORD.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(
          URI.create("https://localhost:" + server.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("ok");
      int plainStatus;
      try {
        plainStatus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + server.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (java.io.IOException e) {
        plainStatus = -1; // the TLS connector does not speak plain HTTP
      }
      assertThat(plainStatus).as("plain HTTP on the TLS port").isNotEqualTo(200);
    }
  }
}
