package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.SignatureVersion;

/**
 * The key files of {@code offer keygen} and {@code offer sign}: PEM PKCS#8 as OpenSSL writes and
 * reads it, and the bare base64 of earlier versions. OpenSSL is the independent party where the
 * machine has it; without it the OpenSSL tests are skipped and the JDK's encoding stands in.
 */
class OfferKeyFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The DER of an Ed25519 public key ends with the raw 32 bytes peergrid registers. */
  private static final int RAW_PUBLIC_KEY = 32;

  @TempDir Path dir;

  @Test
  void keygenWritesAPemPrivateKeyWhosePublicKeyOpensslDerivesAsPrinted() throws Exception {
    Path key = dir.resolve("b06.pem");
    Run keygen = PowerflowCommandTest.run("offer", "keygen", "--out", key.toString());
    assertThat(keygen.exit()).as(keygen.err()).isZero();
    String text = Files.readString(key);
    assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");

    assumeTrue(opensslPresent(), "openssl is not on the PATH");
    Path der = dir.resolve("b06.pub.der");
    openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
    assertThat(keygen.out().trim()).isEqualTo(rawPublicKey(der));
  }

  @Test
  void anOpensslGeneratedKeySignsAnEnvelopeThatVerifiesWithOpensslsPublicKey() throws Exception {
    assumeTrue(opensslPresent(), "openssl is not on the PATH");
    Path key = dir.resolve("openssl.pem");
    openssl("genpkey", "-algorithm", "ed25519", "-out", key.toString());
    Path der = dir.resolve("openssl.pub.der");
    openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString());

    assertThat(signedReadingVerifies(key, rawPublicKey(der))).isTrue();
  }

  @Test
  void aBareBase64KeyOfEarlierVersionsStillSigns() throws Exception {
    var keys = Ed25519Keys.generate();
    Path key = dir.resolve("old.key");
    Files.writeString(key, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n");

    assertThat(signedReadingVerifies(key, Ed25519Keys.encode(keys.getPublic()))).isTrue();
  }

  @Test
  void aPemOfAnotherKindIsRefusedNamingWhatItIs() throws Exception {
    Path key = dir.resolve("public.pem");
    Files.writeString(key, "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
        + "-----END PUBLIC KEY-----\n");
    Path reading = dir.resolve("reading.json");
    Files.writeString(reading, "{\"load_kw\": 2}");
    Run r = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant",
        "B06", "--reading", reading.toString());
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(r.err()).startsWith("peergrid: " + key + ":1: not a private key").contains("PUBLIC KEY")
        .doesNotContain("Exception");
  }

  /** Signs a reading with the key file by the command line; whether its signature verifies with the public key. */
  private boolean signedReadingVerifies(Path key, String publicKey) throws IOException {
    Path reading = dir.resolve("reading.json");
    Files.writeString(reading, "{\"load_kw\": [2, 3], \"pv_kw\": 1}");
    Run sign = PowerflowCommandTest.run("offer", "sign", "--key", key.toString(), "--day", "d1", "--participant",
        "B06", "--reading", reading.toString());
    assertThat(sign.exit()).as(sign.err()).isZero();
    ObjectNode envelope = (ObjectNode) JSON.readTree(sign.out());
    return SignatureVersion.declaredBy(envelope).orElseThrow().verifies(publicKey, envelope);
  }

  private static String rawPublicKey(Path der) throws IOException {
    byte[] bytes = Files.readAllBytes(der);
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, bytes.length - RAW_PUBLIC_KEY, bytes.length));
  }

  private static boolean opensslPresent() {
    try {
      return run(List.of("openssl", "version")) == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    assertThat(run(command)).as(String.join(" ", command)).isZero();
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish: " + out);
    }
    return p.exitValue();
  }
}
