package org.peergrid.platform.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The DSO operator's credential: created at the first start, shown once, stored only as the SHA-256
 * of the token. The token has 256 random bits, so a fast hash is as safe a lookup key as a slow one
 * (no guess can be checked offline faster than 2^256 tries) and costs a guess one hash, not a PBKDF2
 * run. Losing it means deleting the row by hand (docs/platform.md).
 */
public final class DsoCredential {
  private DsoCredential() {}

  /**
   * A credential made at this start.
   *
   * @param secret the token in clear, to show once
   * @param replacedPbkdf2 whether it replaces a credential that an earlier version stored by PBKDF2,
   *     which no longer works
   */
  public record Issued(String secret, boolean replacedPbkdf2) {}

  /**
   * Creates the credential if the database has none; a PBKDF2-stored one of an earlier version is
   * deleted and replaced (it cannot be converted without its secret).
   *
   * @return the new credential; empty when one existed
   */
  public static Optional<Issued> ensure(Jdbi jdbi, SecureRandom random, Clock clock) {
    return jdbi.inTransaction(h -> {
      if (h.createQuery("SELECT COUNT(*) FROM dso_token").mapTo(Long.class).one() > 0) {
        return Optional.<Issued>empty();
      }
      boolean legacy = h.createUpdate("DELETE FROM dso_credential").execute() > 0;
      String secret = Tokens.generate(Tokens.DSO_PREFIX, random);
      h.createUpdate("INSERT INTO dso_token (id, token_sha256, created_ms) VALUES (1, :h, :t)")
          .bind("h", Hashes.sha256(secret)).bind("t", clock.millis()).execute();
      return Optional.of(new Issued(secret, legacy));
    });
  }

  /** The stored SHA-256 of the token (hex). */
  static String storedHash(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT token_sha256 FROM dso_token WHERE id = 1")
        .mapTo(String.class).one());
  }
}
