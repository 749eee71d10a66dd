package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.NumberBounds;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.auth.SignatureVersion;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * Accepts signed offers (docs/platform.md, "Signed offers"). Checks run cheapest first, and nothing
 * is written until all pass: envelope shape (with every number's digits bounded), the caller is the
 * signer, timestamp within the allowed skew, the offer itself within its physical limits, the Ed25519
 * signature over the canonical encoding (of the envelope's signature version) without {@code signature}; then, under the ledger's lock, the day is still open and the nonce unused. The offer and
 * its ledger entry commit together, in a transaction shared with the offers that arrived meanwhile
 * ({@link GroupCommit}), before the receipt is returned.
 */
final class OfferIntake {
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  private final MarketStore store;
  private final GroupCommit ledger;
  private final Clock clock;
  private final Duration maxSkew;
  private final DayScenarios scenarios;
  private final IntakeLimits limits;
  private final Map<String, ParticipantRecord> participants = new ConcurrentHashMap<>();

  OfferIntake(MarketStore store, GroupCommit ledger, Clock clock, Duration maxSkew, DayScenarios scenarios,
      IntakeLimits limits) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.maxSkew = maxSkew;
    this.scenarios = scenarios;
    this.limits = limits;
  }

  OfferReceipt submit(Principal.Prosumer caller, JsonNode body) {
    ObjectNode envelope = envelope(body, SignedBody.OFFER);
    String dayId = envelope.get("day").textValue();
    String participantId = envelope.get("participant").textValue();
    if (!caller.dayId().equals(dayId) || !caller.participantId().equals(participantId)) {
      throw ApiError.WRONG_PARTICIPANT.with(participantId, dayId, caller.participantId(), caller.dayId());
    }
    Instant signedAt = signedAt(envelope.get("timestamp").textValue(), clock, maxSkew);
    ParticipantRecord participant = participant(dayId, participantId);
    DayScenario day = scenarios.of(dayId, () -> store.day(dayId).orElseThrow(() -> ApiError.DAY_NOT_FOUND.with(dayId)));
    OfferParser.parse(envelope.get(SignedBody.OFFER.field()), SignedBody.OFFER, participantId, participant.bus(),
        day.horizon().intervals(), limits.ceiling(day, participant.bus()));
    String canonical = verifiedCanonical(envelope, participant);
    String receipt = Hashes.sha256(canonical);
    String nonce = envelope.get("nonce").textValue();
    return ledger.write((h, appender) -> {
      DayRecord current = store.dayState(h, dayId).orElseThrow();
      if (current.state() != DayState.OPEN || clock.millis() >= current.gateClosureMs()) {
        throw ApiError.GATE_CLOSED.with(dayId, Instant.ofEpochMilli(current.gateClosureMs()));
      }
      if (store.nonceUsed(h, dayId, participantId, nonce)) {
        throw ApiError.REPLAYED_NONCE.with(nonce, participantId);
      }
      LedgerEntry entry = appender.append("offer", dayId, participantId, canonical);
      store.insertOffer(h, new OfferRecord(dayId, participantId, nonce, signedAt.toEpochMilli(), entry.recordedMs(),
          canonical, receipt, entry.seq()));
      return new OfferReceipt(receipt, entry.seq(), entry.entryHash(), dayId, participantId,
          Instant.ofEpochMilli(entry.recordedMs()));
    });
  }

  /** Remembers a committed participant (registered or read), so that its offers need not read it. */
  void known(ParticipantRecord participant) {
    participants.put(participant.dayId() + "\n" + participant.id(), participant);
  }

  /** Participants never change once registered, so each is read from the database once. */
  private ParticipantRecord participant(String dayId, String participantId) {
    String key = dayId + "\n" + participantId;
    ParticipantRecord known = participants.get(key);
    if (known == null) {
      known = store.participant(dayId, participantId)
          .orElseThrow(() -> ApiError.PARTICIPANT_NOT_FOUND.with(dayId, participantId));
      participants.put(key, known);
    }
    return known;
  }

  /**
   * The canonical text of a signed envelope (what the ledger records and the receipt hashes), in the
   * form its signature version names, once its signature verifies with the participant's key.
   */
  static String verifiedCanonical(ObjectNode envelope, ParticipantRecord participant) {
    SignatureVersion version = SignatureVersion.declaredBy(envelope).orElseThrow();
    boolean verifies;
    try {
      verifies = version.verifies(participant.publicKey(), envelope);
    } catch (IllegalArgumentException e) { // no canonical form: an unpaired surrogate in version 2
      throw ApiError.INVALID_FIELD.with(SignatureVersion.FIELD, "the envelope has no canonical form of version "
          + version.number() + ": it has " + e.getMessage());
    }
    if (!verifies) {
      throw ApiError.BAD_SIGNATURE.with(participant.id(), version.number());
    }
    return version.canonicalText(envelope);
  }

  /**
   * A signed envelope's shape: day, participant, nonce, timestamp, signature, the payload key, whose
   * numbers are within {@link NumberBounds}, and optionally a signature version this server verifies.
   */
  static ObjectNode envelope(JsonNode body, SignedBody kind) {
    String payloadKey = kind.field();
    if (!(body instanceof ObjectNode envelope)) {
      throw ApiError.MALFORMED_BODY.with("expected a signed " + payloadKey + " envelope");
    }
    Set<String> keys = Set.of(SignatureVersion.FIELD, "day", "participant", "nonce", "timestamp", payloadKey,
        "signature");
    for (Iterator<String> it = envelope.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        throw ApiError.INVALID_FIELD.with(key, "unknown key; an envelope has " + String.join(", ",
            keys.stream().sorted().toList()));
      }
    }
    for (String key : new String[] {"day", "participant", "nonce", "timestamp", "signature"}) {
      if (envelope.get(key) == null || !envelope.get(key).isTextual()) {
        throw ApiError.INVALID_FIELD.with(key, "a string is required");
      }
    }
    if (SignatureVersion.declaredBy(envelope).isEmpty()) {
      throw ApiError.UNKNOWN_SIGNATURE_VERSION.with(envelope.get(SignatureVersion.FIELD).toString());
    }
    if (!envelope.has(payloadKey)) {
      throw ApiError.INVALID_FIELD.with(payloadKey, "required");
    }
    if (!NONCE.matcher(envelope.get("nonce").textValue()).matches()) {
      throw ApiError.INVALID_FIELD.with("nonce", "16 to 128 characters of A-Z, a-z, 0-9, '_' and '-'");
    }
    // before the signature is checked: canonicalising writes each number in plain decimals
    NumberBounds.firstUnbounded(envelope.get(payloadKey), payloadKey).ifPresent(number -> {
      throw ApiError.INVALID_FIELD.with(number.path(), number.why());
    });
    return envelope;
  }

  /** The signed time, refused when it is further than maxSkew from the clock either way. */
  static Instant signedAt(String text, Clock clock, Duration maxSkew) {
    Instant at;
    try {
      at = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.INVALID_FIELD.with("timestamp", "an ISO-8601 UTC instant such as 2025-06-01T09:30:00Z is required");
    }
    Instant now = clock.instant();
    long skew = Math.abs(Duration.between(now, at).toSeconds());
    if (skew > maxSkew.toSeconds()) {
      throw ApiError.STALE_TIMESTAMP.with(text, skew, now, maxSkew.toSeconds());
    }
    return at;
  }
}
