package org.peergrid.platform.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.store.Database;

/**
 * The server as a separate process for tests that kill it: embedded H2 in the data folder given as
 * the only argument (or the database of a JDBC URL given instead), a free loopback port, the system
 * clock. Prints {@code PORT n} and, at the first start, {@code DSO credential} on standard output,
 * then serves until it is killed.
 */
public final class ServerProcessMain {
  private ServerProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    PlatformServer server = PlatformServer.start(PlatformParameters.of(
        args[0].startsWith("jdbc:") ? args[0] : Database.h2Url(Path.of(args[0])), 0),
        Clock.systemUTC());
    server.newDsoCredential().ifPresent(c -> System.out.println("DSO " + c));
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
