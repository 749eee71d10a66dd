package org.peergrid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.peergrid.grid.ValidationException;
import org.peergrid.platform.auth.CanonicalJson;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.SignedBody;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid offer}: a prosumer's key pair, signed offers and signed meter readings, for curl or scripts. */
@Command(name = "offer", mixinStandardHelpOptions = true,
    subcommands = {OfferCommand.Keygen.class, OfferCommand.Sign.class},
    description = "A prosumer's tools: make an Ed25519 key pair, sign a day-ahead offer or a real-time meter reading.")
final class OfferCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = {"Writes a private key (PEM PKCS#8, owner-only, the form 'openssl genpkey -algorithm ed25519'",
        "writes) and prints the public key to register (base64 of its raw 32 bytes)."},
      footer = {"", "Exit codes: 0 written, 1 the file exists already or cannot be written, 2 bad usage."})
  static final class Keygen implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "The private key file to write; an existing file is never replaced (required).")
    Path out;

    @Override
    public Integer call() {
      KeyPair keys = Ed25519Keys.generate();
      try {
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(out, Ed25519Keys.pem(keys.getPrivate()));
      } catch (FileAlreadyExistsException e) {
        throw new ValidationException(out.toString(), 0, "exists already; a key is never overwritten, choose"
            + " another file");
      } catch (IOException e) {
        throw new ValidationException(out.toString(), 0, "cannot write the key: " + e.getMessage());
      }
      spec.commandLine().getOut().println(Ed25519Keys.encode(keys.getPublic()));
      return 0;
    }
  }

  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = {"Signs a day-ahead offer or a real-time meter reading; prints the envelope in RFC 8785",
        "canonical JSON (signature version 2; its SHA-256 is the receipt the server answers).",
        "The envelope has a new nonce and the time now: send it with your token within",
        "5 minutes (the server's allowed clock skew):",
        "  curl -H \"Authorization: Bearer $TOKEN\" --data @signed.json \\",
        "    http://HOST:8080/api/days/DAY/offers      (an offer, before gate closure)",
        "    http://HOST:8080/api/days/DAY/readings    (a reading, after clearing)",
        "Series are in kW: one number for the whole day, or a list with one value per",
        "interval of the day."},
      footer = {"", "Exit codes: 0 printed, 1 bad input (the message names the file, the line and",
        "the key), 2 bad usage (e.g. both --offer and --reading, or neither)."})
  static final class Sign implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE",
        description = "Ed25519 private key, PEM PKCS#8 from 'peergrid offer keygen' or 'openssl genpkey -algorithm"
            + " ed25519', or the bare base64 PKCS#8 that earlier versions of keygen wrote (required).")
    Path key;

    @Option(names = "--day", required = true, paramLabel = "ID", description = "The market day (required).")
    String day;

    @Option(names = "--participant", required = true, paramLabel = "ID",
        description = "Your participant id, as registered (required).")
    String participant;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Body body;

    /** One of the two: what is signed. */
    static final class Body {
      @Option(names = "--offer", required = true, paramLabel = "FILE",
          description = "A day-ahead offer, JSON: load_kw, pv_kw, wind_kw [kW], power_factor, battery, shiftable"
              + " (docs/platform.md); sent before gate closure. This or --reading (required).")
      Path offer;

      @Option(names = "--reading", required = true, paramLabel = "FILE",
          description = "A real-time meter reading, JSON: load_kw (required), pv_kw, wind_kw [kW] as metered"
              + " (default: 0); sent after clearing, before the real-time settlement. This or --offer is required.")
      Path reading;
    }

    @Override
    public Integer call() {
      SignedBody kind = body.offer != null ? SignedBody.OFFER : SignedBody.READINGS;
      JsonNode content = body.offer != null ? SignedBodyFile.read(body.offer, kind, "--offer")
          : SignedBodyFile.read(body.reading, kind, "--reading");
      var envelope = OfferSigner.sign(privateKey(key), kind, day, participant, OfferSigner.nonce(new SecureRandom()),
          Instant.now(), content);
      spec.commandLine().getOut().println(CanonicalJson.rfc8785(envelope));
      return 0;
    }

    private static PrivateKey privateKey(Path file) {
      String text = SignedBodyFile.text(file, "the --key file");
      try {
        return Ed25519Keys.privateKey(text.trim());
      } catch (IllegalArgumentException e) {
        throw new ValidationException(file.toString(), 1, "not a private key written by 'peergrid offer keygen'"
            + " or 'openssl genpkey -algorithm ed25519' (" + e.getMessage() + ")");
      }
    }
  }
}
