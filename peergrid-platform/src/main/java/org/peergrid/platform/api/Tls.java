package org.peergrid.platform.api;

import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS with a PKCS#12 keystore, instead of plain HTTP: Javalin adds its plain connector only when
 * no connector was configured. TLS 1.2 and 1.3 only (Jetty's defaults exclude older protocols and
 * weak suites).
 */
final class Tls {
  private Tls() {}

  static void configure(JavalinConfig config, Path keystore, String password, String host, int port) {
    config.jetty.addConnector((server, httpConfig) -> {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
      ssl.setKeyStoreType("PKCS12");
      ssl.setKeyStorePassword(password);
      ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      HttpConfiguration https = new HttpConfiguration(httpConfig);
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // a self-signed certificate names "localhost"; clients that pin it may connect by IP address
      secure.setSniHostCheck(false);
      https.addCustomizer(secure);
      ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
          new HttpConnectionFactory(https));
      connector.setHost(host);
      connector.setPort(port);
      connector.setAcceptQueueSize(PlatformServer.ACCEPT_QUEUE);
      return connector;
    });
  }
}
