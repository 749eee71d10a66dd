package org.peergrid.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.auth.PrivateFiles;

/**
 * H2's auto-server, which lets {@code peergrid ledger verify} in while the server runs, listens on
 * 127.0.0.1 only and lets in only who holds the generated password, kept in a 0600 file.
 */
class H2AutoServerTest {
  @TempDir Path data;

  @Test
  void theAutoServerListensOnLoopbackOnlyAndWantsTheGeneratedPassword() throws Exception {
    String url = Database.h2Url(data);
    try (Database db = Database.open(url)) {
      db.jdbi().useHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger").mapTo(Long.class).one());
      Path passwordFile = data.resolve("peergrid" + H2Password.SUFFIX);
      assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PrivateFiles.OWNER_ONLY);
      String password = Files.readString(passwordFile).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(40);

      Properties lock = new Properties();
      try (var in = Files.newInputStream(data.resolve("peergrid.lock.db"))) {
        lock.load(in);
      }
      String server = lock.getProperty("server");
      int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
      try (Socket loopback = new Socket()) {
        loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
      for (InetAddress other : otherAddresses()) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other, port), 2000);
          }
        }).as("the auto-server on %s:%d", other, port).isInstanceOf(IOException.class);
      }

      // a second process's connection goes through the auto-server: only with the password
      assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close()).isInstanceOf(SQLException.class);
      try (Connection second = DriverManager.getConnection(url, "", password)) {
        assertThat(second.isValid(2)).isTrue();
      }
    }
  }

  @Test
  void aDatabaseOfAnEarlierVersionWithTheEmptyPasswordGetsTheGeneratedOne() throws Exception {
    String url = Database.h2Url(data);
    DriverManager.getConnection(url, "", "").close();
    try (Database db = Database.open(url)) {
      assertThat(answers(db)).isTrue();
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close()).isInstanceOf(SQLException.class);
    try (Database again = Database.open(url)) {
      assertThat(answers(again)).isTrue();
    }
  }

  private static boolean answers(Database db) {
    int one = db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    return one == 1;
  }

  private static List<InetAddress> otherAddresses() throws IOException {
    return NetworkInterface.networkInterfaces().filter(i -> {
      try {
        return i.isUp() && !i.isLoopback();
      } catch (IOException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).toList();
  }
}
