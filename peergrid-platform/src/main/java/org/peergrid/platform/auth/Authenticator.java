package org.peergrid.platform.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * Resolves bearer tokens. Prosumer tokens have 256 random bits, so a plain SHA-256 is a safe lookup
 * key. The DSO credential is checked against its slow PBKDF2 hash once per process; the SHA-256 of
 * a credential that passed is kept in memory so that the dashboard's polling does not pay 600,000
 * iterations per request. Prosumers found by their token are kept in memory too (participants are
 * never removed), which saves a query on every offer.
 */
public final class Authenticator {
  private final Jdbi jdbi;
  private final Function<String, Optional<ParticipantRecord>> participantByTokenHash;
  private final Set<String> verifiedDso = ConcurrentHashMap.newKeySet();
  private final Map<String, Principal.Prosumer> prosumers = new ConcurrentHashMap<>();

  public Authenticator(Jdbi jdbi, MarketStore store) {
    this(jdbi, store::participantByToken);
  }

  /** With a lookup of participants by token hash that may answer from memory (the market's). */
  public Authenticator(Jdbi jdbi, Function<String, Optional<ParticipantRecord>> participantByTokenHash) {
    this.jdbi = jdbi;
    this.participantByTokenHash = participantByTokenHash;
  }

  /** The principal of a token, or empty when the token is unknown. */
  public Optional<Principal> resolve(String token) {
    if (token.startsWith(Tokens.DSO_PREFIX)) {
      String key = Hashes.sha256(token);
      if (verifiedDso.contains(key) || PasswordHash.matches(token, DsoCredential.storedHash(jdbi))) {
        verifiedDso.add(key);
        return Optional.of(new Principal.Dso());
      }
      return Optional.empty();
    }
    String key = Hashes.sha256(token);
    Principal.Prosumer known = prosumers.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Principal.Prosumer> found = participantByTokenHash.apply(key)
        .map(p -> new Principal.Prosumer(p.dayId(), p.id()));
    found.ifPresent(p -> prosumers.put(key, p));
    return found.map(p -> p);
  }
}
