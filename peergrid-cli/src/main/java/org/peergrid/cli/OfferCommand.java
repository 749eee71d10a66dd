package org.peergrid.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid offer}: a prosumer's key pair and signed offers, for curl or scripts. */
@Command(name = "offer", mixinStandardHelpOptions = true,
    subcommands = {OfferCommand.Keygen.class, OfferCommand.Sign.class},
    description = "A prosumer's tools: make an Ed25519 key pair, sign a day-ahead offer.")
final class OfferCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Writes a private key (base64 PKCS#8, owner-only) and prints the public key to register.")
  static final class Keygen implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The private key file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      KeyPair keys = Ed25519Keys.generate();
      Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(out, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n");
      spec.commandLine().getOut().println(Ed25519Keys.encode(keys.getPublic()));
      return 0;
    }
  }

  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = "Prints the signed envelope of an offer (JSON participant fields), with a new nonce and the time now.")
  static final class Sign implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key from 'offer keygen'.")
    Path key;

    @Option(names = "--day", required = true, paramLabel = "ID", description = "The market day.")
    String day;

    @Option(names = "--participant", required = true, paramLabel = "ID", description = "Your participant id.")
    String participant;

    @Option(names = "--offer", required = true, paramLabel = "FILE",
        description = "JSON: load_kw, pv_kw, wind_kw, power_factor, battery, shiftable (docs/platform.md).")
    Path offer;

    @Override
    public Integer call() throws Exception {
      ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
      JsonNode body = json.readTree(Files.readString(offer));
      var envelope = OfferSigner.sign(Ed25519Keys.privateKey(Files.readString(key)), day, participant,
          OfferSigner.nonce(new SecureRandom()), Instant.now(), body);
      spec.commandLine().getOut().println(envelope.toString());
      return 0;
    }
  }
}
