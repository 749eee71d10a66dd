package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * Accepts signed real-time meter readings: the envelope of an offer with {@code readings} in place
 * of {@code offer} (so neither can pass for the other), holding the actual {@code load_kw},
 * {@code pv_kw} and {@code wind_kw} of the day. The same checks as offers; readings are taken once
 * the day is cleared and until its real-time settlement; a reading and its ledger entry commit
 * together before the receipt is returned.
 */
final class ReadingIntake {
  private final MarketStore store;
  private final GroupCommit ledger;
  private final Clock clock;
  private final Duration maxSkew;
  private final DayScenarios scenarios;
  private final IntakeLimits limits;

  ReadingIntake(MarketStore store, GroupCommit ledger, Clock clock, Duration maxSkew, DayScenarios scenarios,
      IntakeLimits limits) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.maxSkew = maxSkew;
    this.scenarios = scenarios;
    this.limits = limits;
  }

  OfferReceipt submit(Principal.Prosumer caller, JsonNode body) {
    ObjectNode envelope = OfferIntake.envelope(body, SignedBody.READINGS);
    String dayId = envelope.get("day").textValue();
    String participantId = envelope.get("participant").textValue();
    if (!caller.dayId().equals(dayId) || !caller.participantId().equals(participantId)) {
      throw ApiError.WRONG_PARTICIPANT.with(participantId, dayId, caller.participantId(), caller.dayId());
    }
    Instant signedAt = OfferIntake.signedAt(envelope.get("timestamp").textValue(), clock, maxSkew);
    ParticipantRecord participant = store.participant(dayId, participantId)
        .orElseThrow(() -> ApiError.PARTICIPANT_NOT_FOUND.with(dayId, participantId));
    JsonNode readings = envelope.get(SignedBody.READINGS.field());
    if (!readings.isObject() || !readings.has(SignedBody.REQUIRED)) {
      throw ApiError.INVALID_FIELD.with("readings", "an object with load_kw and optionally pv_kw and wind_kw");
    }
    for (Iterator<String> it = readings.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!SignedBody.READINGS.keys().contains(key)) {
        throw ApiError.INVALID_FIELD.with(key, "unknown key; readings have load_kw, pv_kw and wind_kw");
      }
    }
    DayScenario day = scenarios.of(dayId, () -> store.day(dayId).orElseThrow(() -> ApiError.DAY_NOT_FOUND.with(dayId)));
    OfferParser.parse(readings, SignedBody.READINGS, participantId, participant.bus(), day.horizon().intervals(),
        limits.ceiling(day, participant.bus()));
    String canonical = OfferIntake.verifiedCanonical(envelope, participant);
    String receipt = Hashes.sha256(canonical);
    String nonce = envelope.get("nonce").textValue();
    return ledger.write((h, appender) -> {
      DayRecord current = store.dayState(h, dayId).orElseThrow();
      if (current.state() != DayState.CLEARED) {
        throw ApiError.NOT_CLEARED.with(dayId, current.state().name().toLowerCase() + "; readings come after clearing");
      }
      if (store.realtimeSettled(h, dayId)) {
        throw ApiError.REALTIME_SETTLED.with(dayId);
      }
      if (store.readingNonceUsed(h, dayId, participantId, nonce)) {
        throw ApiError.REPLAYED_NONCE.with(nonce, participantId);
      }
      LedgerEntry entry = appender.append("reading", dayId, participantId, canonical);
      store.insertReading(h, new OfferRecord(dayId, participantId, nonce, signedAt.toEpochMilli(), entry.recordedMs(),
          canonical, receipt, entry.seq()));
      return new OfferReceipt(receipt, entry.seq(), entry.entryHash(), dayId, participantId,
          Instant.ofEpochMilli(entry.recordedMs()));
    });
  }
}
