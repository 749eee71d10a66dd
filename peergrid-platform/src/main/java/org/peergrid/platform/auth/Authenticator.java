package org.peergrid.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * Resolves bearer tokens by the SHA-256 of the token: every token has 256 random bits, so its hash
 * is a safe lookup key and checking a guess costs one hash. The DSO's stored hash is read once (it
 * changes only while the server is stopped) and compared in constant time. Prosumers found by their
 * token are kept in memory (participants are never removed), which saves a query on every offer.
 */
public final class Authenticator {
  private final byte[] dsoHash;
  private final Function<String, Optional<ParticipantRecord>> participantByTokenHash;
  private final Map<String, Principal.Prosumer> prosumers = new ConcurrentHashMap<>();

  public Authenticator(Jdbi jdbi, MarketStore store) {
    this(jdbi, store::participantByToken);
  }

  /** With a lookup of participants by token hash that may answer from memory (the market's). */
  public Authenticator(Jdbi jdbi, Function<String, Optional<ParticipantRecord>> participantByTokenHash) {
    this.dsoHash = DsoCredential.storedHash(jdbi).getBytes(StandardCharsets.US_ASCII);
    this.participantByTokenHash = participantByTokenHash;
  }

  /** The principal of a token, or empty when the token is unknown. */
  public Optional<Principal> resolve(String token) {
    return resolve(token, true);
  }

  /**
   * The principal of a token from memory only: the DSO, or a prosumer resolved before. For when
   * unknown tokens of its kind are being guessed too often to look each up in the database.
   */
  public Optional<Principal> resolveFromMemory(String token) {
    return resolve(token, false);
  }

  private Optional<Principal> resolve(String token, boolean lookUp) {
    String key = Hashes.sha256(token);
    if (token.startsWith(Tokens.DSO_PREFIX)) {
      return MessageDigest.isEqual(key.getBytes(StandardCharsets.US_ASCII), dsoHash)
          ? Optional.of(new Principal.Dso()) : Optional.empty();
    }
    Principal.Prosumer known = prosumers.get(key);
    if (known != null || !lookUp) {
      return Optional.ofNullable(known);
    }
    Optional<Principal.Prosumer> found = participantByTokenHash.apply(key)
        .map(p -> new Principal.Prosumer(p.dayId(), p.id()));
    found.ifPresent(p -> prosumers.put(key, p));
    return found.map(p -> p);
  }
}
