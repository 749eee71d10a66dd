package org.peergrid.platform.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peergrid.platform.auth.PrivateFiles;

/**
 * Makes a self-signed PKCS#12 keystore with the JDK's {@code keytool} (the JDK has no public API
 * for certificates; keytool is in every JDK and JRE image beside {@code java}). For trials and
 * closed networks: clients must pin the certificate, since no authority vouches for it.
 */
public final class SelfSignedKeystore {
  public static final String ALIAS = "peergrid";
  private static final int VALIDITY_DAYS = 825;

  private SelfSignedKeystore() {}

  /**
   * Writes the keystore.
   *
   * @param hostname the certificate's CN and DNS name
   * @throws IllegalStateException when keytool fails (its output is in the message)
   */
  public static void create(Path out, String password, String hostname) throws IOException, InterruptedException {
    if (Files.exists(out)) {
      throw new IllegalArgumentException(out + " exists; choose another file or remove it");
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    // keytool writes with the default permissions (world-readable under umask 022): it writes into a
    // folder only the owner can enter, and the file is made 0600 before it is moved into place
    Path folder = PrivateFiles.privateFolderBeside(out);
    Path written = folder.resolve("keystore.p12");
    try {
      run(keytool, written, password, hostname);
      PrivateFiles.moveIn(written, out);
    } finally {
      Files.deleteIfExists(written);
      Files.deleteIfExists(folder);
    }
  }

  private static void run(Path keytool, Path out, String password, String hostname)
      throws IOException, InterruptedException {
    List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
        "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", String.valueOf(VALIDITY_DAYS),
        "-dname", "CN=" + hostname, "-ext", "SAN=dns:" + hostname + ",ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", out.toAbsolutePath().toString(), "-storepass:env", "PEERGRID_KEYSTORE_PASSWORD");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // the password goes through the environment, never the command line that ps shows
    pb.environment().put("PEERGRID_KEYSTORE_PASSWORD", password);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output.strip());
    }
  }
}
