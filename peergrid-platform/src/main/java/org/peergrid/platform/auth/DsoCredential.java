package org.peergrid.platform.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The DSO operator's credential: created at the first start, shown once, stored only as a
 * {@link PasswordHash}. Losing it means resetting the row by hand (docs/platform.md).
 */
public final class DsoCredential {
  private DsoCredential() {}

  /**
   * Creates the credential if the database has none.
   *
   * @return the new credential in clear, to show once; empty when one existed
   */
  public static Optional<String> ensure(Jdbi jdbi, SecureRandom random, Clock clock) {
    return jdbi.inTransaction(h -> {
      boolean exists = h.createQuery("SELECT COUNT(*) FROM dso_credential").mapTo(Long.class).one() > 0;
      if (exists) {
        return Optional.<String>empty();
      }
      String secret = Tokens.generate(Tokens.DSO_PREFIX, random);
      h.createUpdate("INSERT INTO dso_credential (id, password_hash, created_ms) VALUES (1, :h, :t)")
          .bind("h", PasswordHash.hash(secret, random)).bind("t", clock.millis()).execute();
      return Optional.of(secret);
    });
  }

  /** The stored hash. */
  static String storedHash(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM dso_credential WHERE id = 1")
        .mapTo(String.class).one());
  }
}
