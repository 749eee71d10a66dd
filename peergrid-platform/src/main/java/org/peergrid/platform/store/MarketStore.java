package org.peergrid.platform.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for days, participants, offers and results. Methods that take a Handle join its transaction. */
public final class MarketStore {
  private static final RowMapper<DayRecord> DAY = (rs, ctx) -> new DayRecord(rs.getString("id"),
      rs.getString("scenario"), rs.getString("feeder"), rs.getString("mechanism"), rs.getLong("gate_closure_ms"),
      DayState.valueOf(rs.getString("state")), rs.getLong("opened_ms"), (Long) rs.getObject("cleared_ms", Long.class),
      rs.getString("message"), rs.getString("feeder_files"));
  private static final RowMapper<ParticipantRecord> PARTICIPANT = (rs, ctx) -> new ParticipantRecord(
      rs.getString("day_id"), rs.getString("id"), rs.getInt("bus"), rs.getString("public_key"));
  private static final RowMapper<OfferRecord> OFFER = (rs, ctx) -> new OfferRecord(rs.getString("day_id"),
      rs.getString("participant_id"), rs.getString("nonce"), rs.getLong("signed_ms"), rs.getLong("received_ms"),
      rs.getString("envelope"), rs.getString("receipt"), rs.getLong("ledger_seq"));

  private final Jdbi jdbi;

  public MarketStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insertDay(Handle h, DayRecord d) {
    h.createUpdate("INSERT INTO market_day (id, scenario, feeder, feeder_files, mechanism, gate_closure_ms, state,"
            + " opened_ms) VALUES (:id, :scenario, :feeder, :feederFiles, :mechanism, :gateClosureMs, :state, :openedMs)")
        .bind("id", d.id()).bind("scenario", d.scenario()).bind("feeder", d.feeder())
        .bind("feederFiles", d.feederFiles())
        .bind("mechanism", d.mechanism()).bind("gateClosureMs", d.gateClosureMs()).bind("state", d.state().name())
        .bind("openedMs", d.openedMs()).execute();
  }

  public Optional<DayRecord> day(String id) {
    return jdbi.withHandle(h -> day(h, id));
  }

  public Optional<DayRecord> day(Handle h, String id) {
    return h.createQuery("SELECT * FROM market_day WHERE id = :id").bind("id", id).map(DAY).findOne();
  }

  /** The day without its scenario and feeder texts (null), for checks of its state on every offer. */
  public Optional<DayRecord> dayState(Handle h, String id) {
    return h.createQuery("SELECT id, NULL AS scenario, NULL AS feeder, NULL AS feeder_files, mechanism, gate_closure_ms,"
        + " state, opened_ms, cleared_ms, message FROM market_day WHERE id = :id").bind("id", id).map(DAY).findOne();
  }

  public List<DayRecord> days() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM market_day ORDER BY opened_ms, id").map(DAY).list());
  }

  /** How many days are in a state (the platform's metrics read it at each scrape). */
  public int dayCount(DayState state) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM market_day WHERE state = :state")
        .bind("state", state.name()).mapTo(Integer.class).one());
  }

  /** Open days whose gate has closed at {@code nowMs}. */
  public List<String> dueDays(long nowMs) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT id FROM market_day WHERE state = 'OPEN' AND gate_closure_ms <= :now ORDER BY gate_closure_ms")
        .bind("now", nowMs).mapTo(String.class).list());
  }

  /** Moves a day from one state to another; false when it was not in the expected state. */
  public boolean transition(Handle h, String id, DayState from, DayState to, Long clearedMs, String message) {
    return h.createUpdate("UPDATE market_day SET state = :to, cleared_ms = :cleared, message = :message"
            + " WHERE id = :id AND state = :from")
        .bind("to", to.name()).bind("from", from.name()).bind("id", id).bind("cleared", clearedMs)
        .bind("message", message).execute() == 1;
  }

  public void insertParticipant(Handle h, ParticipantRecord p, String tokenHash) {
    h.createUpdate("INSERT INTO participant (day_id, id, bus, public_key, token_hash)"
            + " VALUES (:dayId, :id, :bus, :publicKey, :tokenHash)")
        .bindMethods(p).bind("tokenHash", tokenHash).execute();
  }

  public Optional<ParticipantRecord> participant(String dayId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM participant WHERE day_id = :d AND id = :id")
        .bind("d", dayId).bind("id", id).map(PARTICIPANT).findOne());
  }

  public Optional<ParticipantRecord> participantByToken(String tokenHash) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM participant WHERE token_hash = :t")
        .bind("t", tokenHash).map(PARTICIPANT).findOne());
  }

  public List<ParticipantRecord> participants(String dayId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM participant WHERE day_id = :d ORDER BY id")
        .bind("d", dayId).map(PARTICIPANT).list());
  }

  public boolean nonceUsed(Handle h, String dayId, String participantId, String nonce) {
    return h.createQuery("SELECT COUNT(*) FROM offer WHERE day_id = :d AND participant_id = :p AND nonce = :n")
        .bind("d", dayId).bind("p", participantId).bind("n", nonce).mapTo(Long.class).one() > 0;
  }

  public void insertOffer(Handle h, OfferRecord o) {
    h.createUpdate("INSERT INTO offer (day_id, participant_id, nonce, signed_ms, received_ms, envelope, receipt,"
            + " ledger_seq) VALUES (:dayId, :participantId, :nonce, :signedMs, :receivedMs, :envelope, :receipt,"
            + " :ledgerSeq)")
        .bind("dayId", o.dayId()).bind("participantId", o.participantId()).bind("nonce", o.nonce())
        .bind("signedMs", o.signedMs()).bind("receivedMs", o.receivedMs()).bind("envelope", o.envelope())
        .bind("receipt", o.receipt()).bind("ledgerSeq", o.ledgerSeq()).execute();
  }

  /** Each participant's latest offer by signed time (then by arrival), in participant order. */
  public List<OfferRecord> latestOffers(Handle h, String dayId) {
    return h.createQuery("SELECT o.* FROM offer o WHERE o.day_id = :d AND NOT EXISTS (SELECT 1 FROM offer n"
            + " WHERE n.day_id = o.day_id AND n.participant_id = o.participant_id AND (n.signed_ms > o.signed_ms"
            + " OR (n.signed_ms = o.signed_ms AND n.ledger_seq > o.ledger_seq))) ORDER BY o.participant_id")
        .bind("d", dayId).map(OFFER).list();
  }

  /**
   * The offers that a clearing counts: each participant's latest, less those the DSO excluded after an
   * infeasible clearing. Exclusions live in the ledger only (kind {@value #EXCLUSION}), so the record
   * of one cannot be changed without breaking the chain.
   */
  public List<OfferRecord> countedOffers(Handle h, String dayId) {
    List<String> excluded = excludedParticipants(h, dayId);
    return latestOffers(h, dayId).stream().filter(o -> !excluded.contains(o.participantId())).toList();
  }

  /** The ledger kind of an offer's exclusion from a day's clearing. */
  public static final String EXCLUSION = "exclusion";

  /** The participants whose offers the DSO excluded from the day's clearing, in the order excluded. */
  public List<String> excludedParticipants(String dayId) {
    return jdbi.withHandle(h -> excludedParticipants(h, dayId));
  }

  /** The same, in a transaction of the caller's. */
  public List<String> excludedParticipants(Handle h, String dayId) {
    return h.createQuery("SELECT participant_id FROM ledger WHERE kind = :kind AND day_id = :d ORDER BY seq")
        .bind("kind", EXCLUSION).bind("d", dayId).mapTo(String.class).list();
  }

  public List<OfferRecord> offers(String dayId, String participantId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT * FROM offer WHERE day_id = :d AND participant_id = :p ORDER BY ledger_seq")
        .bind("d", dayId).bind("p", participantId).map(OFFER).list());
  }

  public Optional<OfferRecord> offerByReceipt(String receipt) {
    return byReceipt("offer", receipt);
  }

  /** A stored meter reading by its receipt. */
  public Optional<OfferRecord> readingByReceipt(String receipt) {
    return byReceipt("meter_reading", receipt);
  }

  private Optional<OfferRecord> byReceipt(String table, String receipt) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table + " WHERE receipt = :r")
        .bind("r", receipt).map(OFFER).findOne());
  }

  public long offerCount(String dayId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT participant_id) FROM offer WHERE day_id = :d")
        .bind("d", dayId).mapTo(Long.class).one());
  }

  public void insertResult(Handle h, String dayId, String participantId, String body) {
    h.createUpdate("INSERT INTO result (day_id, participant_id, body) VALUES (:d, :p, :b)")
        .bind("d", dayId).bind("p", participantId).bind("b", body).execute();
  }

  public Optional<String> result(String dayId, String participantId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT body FROM result WHERE day_id = :d AND participant_id = :p")
        .bind("d", dayId).bind("p", participantId).mapTo(String.class).findOne());
  }

  public void insertClearing(Handle h, String dayId, String publicPrices, String operatorView) {
    h.createUpdate("INSERT INTO day_clearing (day_id, public_prices, operator_view) VALUES (:d, :p, :o)")
        .bind("d", dayId).bind("p", publicPrices).bind("o", operatorView).execute();
  }

  public Optional<String> publicPrices(String dayId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT public_prices FROM day_clearing WHERE day_id = :d")
        .bind("d", dayId).mapTo(String.class).findOne());
  }

  public Optional<String> operatorView(String dayId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT operator_view FROM day_clearing WHERE day_id = :d")
        .bind("d", dayId).mapTo(String.class).findOne());
  }

  /** A signed meter reading, stored like an offer (same columns) in its own table. */
  public void insertReading(Handle h, OfferRecord r) {
    h.createUpdate("INSERT INTO meter_reading (day_id, participant_id, nonce, signed_ms, received_ms, envelope,"
            + " receipt, ledger_seq) VALUES (:dayId, :participantId, :nonce, :signedMs, :receivedMs, :envelope,"
            + " :receipt, :ledgerSeq)")
        .bind("dayId", r.dayId()).bind("participantId", r.participantId()).bind("nonce", r.nonce())
        .bind("signedMs", r.signedMs()).bind("receivedMs", r.receivedMs()).bind("envelope", r.envelope())
        .bind("receipt", r.receipt()).bind("ledgerSeq", r.ledgerSeq()).execute();
  }

  public boolean readingNonceUsed(Handle h, String dayId, String participantId, String nonce) {
    return h.createQuery("SELECT COUNT(*) FROM meter_reading WHERE day_id = :d AND participant_id = :p AND nonce = :n")
        .bind("d", dayId).bind("p", participantId).bind("n", nonce).mapTo(Long.class).one() > 0;
  }

  /** Each participant's latest reading by signed time (then by arrival). */
  public List<OfferRecord> latestReadings(Handle h, String dayId) {
    return h.createQuery("SELECT r.* FROM meter_reading r WHERE r.day_id = :d AND NOT EXISTS (SELECT 1 FROM"
            + " meter_reading n WHERE n.day_id = r.day_id AND n.participant_id = r.participant_id AND (n.signed_ms >"
            + " r.signed_ms OR (n.signed_ms = r.signed_ms AND n.ledger_seq > r.ledger_seq))) ORDER BY r.participant_id")
        .bind("d", dayId).map(OFFER).list();
  }

  public boolean realtimeSettled(Handle h, String dayId) {
    return h.createQuery("SELECT COUNT(*) FROM realtime_result WHERE day_id = :d").bind("d", dayId)
        .mapTo(Long.class).one() > 0;
  }

  public void insertRealtimeResult(Handle h, String dayId, String participantId, String body) {
    h.createUpdate("INSERT INTO realtime_result (day_id, participant_id, body) VALUES (:d, :p, :b)")
        .bind("d", dayId).bind("p", participantId).bind("b", body).execute();
  }

  public Optional<String> realtimeResult(String dayId, String participantId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT body FROM realtime_result WHERE day_id = :d AND"
        + " participant_id = :p").bind("d", dayId).bind("p", participantId).mapTo(String.class).findOne());
  }

  /** The operator's view of the real-time settlement, in the transaction that stores the results. */
  public void insertRealtimeView(Handle h, String dayId, String operatorView) {
    h.createUpdate("INSERT INTO realtime_view (day_id, operator_view) VALUES (:d, :o)")
        .bind("d", dayId).bind("o", operatorView).execute();
  }

  public Optional<String> realtimeView(String dayId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT operator_view FROM realtime_view WHERE day_id = :d")
        .bind("d", dayId).mapTo(String.class).findOne());
  }

  /** Whether the day was settled in real time (its prosumers' results are stored). */
  public boolean realtimeSettled(String dayId) {
    return jdbi.withHandle(h -> realtimeSettled(h, dayId));
  }
}
