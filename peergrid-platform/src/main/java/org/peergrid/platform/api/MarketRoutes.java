package org.peergrid.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.ledger.LedgerAnchor;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.market.ClearingOutcome;
import org.peergrid.platform.market.FeederDrawing;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.market.OfferReceipt;
import org.peergrid.platform.market.PublicDays;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/** The market's HTTP routes; openapi.json describes each, and a test keeps the two in step. */
final class MarketRoutes {
  /** What a public caller reads in place of a day's status message. */
  static final String WITHHELD = "withheld: the status message is for the DSO's operator"
      + " (GET /api/days/{day} with the DSO's credential, or /api/days/{day}/clearing)";

  private final MarketService market;
  private final MarketStore store;
  private final Ledger ledger;
  private final LedgerVerifier verifier;
  private final RequestAccess access;

  MarketRoutes(MarketService market, Ledger ledger, LedgerVerifier verifier, RequestAccess access) {
    this.market = market;
    this.store = market.store();
    this.ledger = ledger;
    this.verifier = verifier;
    this.access = access;
  }

  void register(RoutesConfig r) {
    r.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
    r.get("/api/days", this::listDays);
    r.post("/api/days", this::openDay);
    r.get("/api/days/{day}", this::dayStatus);
    r.get("/api/days/{day}/prices", this::publicPrices);
    r.get("/api/prices", this::publicDays);
    r.post("/api/days/{day}/participants", this::register);
    r.get("/api/days/{day}/participants", this::participants);
    r.post("/api/days/{day}/offers", this::submitOffer);
    r.post("/api/days/{day}/clear", this::clear);
    r.post("/api/days/{day}/exclusions", this::exclude);
    r.get("/api/days/{day}/clearing", this::operatorView);
    r.get("/api/days/{day}/feeder", this::feeder);
    r.get("/api/days/{day}/participants/{participant}/result", this::ownResult);
    r.get("/api/days/{day}/participants/{participant}/offers", this::ownOffers);
    r.get("/api/receipts/{receipt}", this::receipt);
    r.post("/api/days/{day}/readings", this::submitReading);
    r.post("/api/days/{day}/realtime", this::settleRealtime);
    r.get("/api/days/{day}/realtime", this::operatorRealtime);
    r.get("/api/days/{day}/participants/{participant}/realtime", this::ownRealtime);
    r.get("/api/ledger/verify", this::verifyLedger);
    r.get("/api/ledger/head", this::ledgerHead);
  }

  private void listDays(Context ctx) {
    access.requireDso(ctx, "list the market days");
    ctx.json(store.days().stream().map(day -> status(day, true)).toList());
  }

  private void openDay(Context ctx) {
    access.requireDso(ctx, "open a market day");
    JsonNode body = JsonBodies.object(ctx);
    Instant gate;
    try {
      gate = Instant.parse(JsonBodies.text(body, "gate_closure"));
    } catch (DateTimeParseException e) {
      throw ApiError.INVALID_FIELD.with("gate_closure", "an ISO-8601 UTC instant is required");
    }
    String mechanism = body.has("mechanism") ? JsonBodies.text(body, "mechanism") : "dlmp";
    JsonNode feederFiles = body.get("feeder_files");
    if (feederFiles != null && !feederFiles.isObject()) {
      throw ApiError.INVALID_FIELD.with("feeder_files", "an object of file name to script text is required");
    }
    DayRecord day = market.openDay(JsonBodies.text(body, "id"), JsonBodies.text(body, "scenario"),
        JsonBodies.text(body, "feeder"), Optional.ofNullable(feederFiles).map(JsonNode::toString), mechanism, gate);
    ctx.status(201).json(status(day, true));
  }

  /**
   * Public, but the status message only for the DSO: after an infeasible clearing it names the participants
   * whose offers made it so, and a participant's offers are private. Anyone else learns that there is a
   * message and where the operator reads it.
   */
  private void dayStatus(Context ctx) {
    boolean operator = ctx.header("Authorization") != null && access.principal(ctx) instanceof Principal.Dso;
    ctx.json(status(market.day(ctx.pathParam("day")), operator));
  }

  private Map<String, Object> status(DayRecord day, boolean operator) {
    MarketService.DayShape s = market.shape(day);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", day.id());
    out.put("state", day.state().name().toLowerCase());
    out.put("mechanism", day.mechanism());
    out.put("gate_closure", Instant.ofEpochMilli(day.gateClosureMs()).toString());
    out.put("intervals", s.intervals());
    out.put("interval_minutes", s.intervalMinutes());
    out.put("currency", s.currency());
    out.put("three_phase", market.isThreePhase(day));
    out.put("participants", store.participants(day.id()).size());
    out.put("offers", store.offerCount(day.id()));
    out.put("cleared_at", day.clearedMs() == null ? null : Instant.ofEpochMilli(day.clearedMs()).toString());
    out.put("message", operator || day.message() == null ? day.message() : WITHHELD);
    return out;
  }

  private void publicPrices(Context ctx) {
    DayRecord day = market.day(ctx.pathParam("day"));
    String prices = store.publicPrices(day.id()).orElseThrow(() -> notCleared(day));
    ctx.contentType("application/json").result(prices);
  }

  /** Public: every market day with its aggregate prices and energy traded, for the dashboard's landing view. */
  private void publicDays(Context ctx) {
    ctx.json(store.days().stream().map(day -> PublicDays.row(day, market.shape(day),
        store.participants(day.id()).size(), store.publicPrices(day.id()))).toList());
  }

  private void register(Context ctx) {
    access.requireDso(ctx, "register participants");
    String dayId = ctx.pathParam("day");
    JsonNode body = JsonBodies.object(ctx);
    String id = JsonBodies.text(body, "id");
    // a three-phase day's participant is at the bus and phases its scenario gives: bus may be left out there
    String token = market.isThreePhase(market.day(dayId))
        ? market.register(dayId, id, busName(body), JsonBodies.text(body, "public_key"))
        : market.register(dayId, id, JsonBodies.integer(body, "bus"), JsonBodies.text(body, "public_key"));
    ctx.status(201).json(Map.of("day", dayId, "id", id, "token", token));
  }

  /** A three-phase day's bus: a name (OpenDSS bus names are text, often digits), optional. */
  private static Optional<String> busName(JsonNode body) {
    JsonNode bus = body.get("bus");
    if (bus == null || bus.isNull()) {
      return Optional.empty();
    }
    if (!bus.isTextual() && !bus.canConvertToExactIntegral()) {
      throw ApiError.INVALID_FIELD.with("bus", "the name of an OpenDSS bus (a string, or a number for a bus named by"
          + " digits) is required, or leave bus out: the scenario gives each participant's bus and phases");
    }
    return Optional.of(bus.isTextual() ? bus.textValue() : bus.bigIntegerValue().toString());
  }

  private void participants(Context ctx) {
    access.requireDso(ctx, "list participants");
    DayRecord day = market.day(ctx.pathParam("day"));
    String dayId = day.id();
    List<String> excluded = store.excludedParticipants(dayId);
    ctx.json(store.participants(dayId).stream().map(p -> {
      List<OfferRecord> offers = store.offers(dayId, p.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", p.id());
      Optional<PhaseConnection> at = market.connection(day, p.id());
      row.put("bus", at.isPresent() ? at.get().bus() : p.bus());
      at.ifPresent(c -> row.put("phases", c.nodes().stream().map(PhaseConnection::letter).toList()));
      row.put("public_key", p.publicKey());
      row.put("offers", offers.size());
      row.put("last_receipt", offers.isEmpty() ? null : offers.get(offers.size() - 1).receipt());
      row.put("excluded", excluded.contains(p.id()));
      return row;
    }).toList());
  }

  private void submitOffer(Context ctx) {
    Principal.Prosumer caller = access.requireProsumer(ctx, "submit offers");
    if (!caller.dayId().equals(ctx.pathParam("day"))) {
      market.day(ctx.pathParam("day")); // 404 for an unknown day; the token's own day exists
    }
    JsonNode body = JsonBodies.object(ctx);
    if (body.get("day") != null && !ctx.pathParam("day").equals(body.get("day").asText())) {
      throw ApiError.INVALID_FIELD.with("day", "the envelope's day differs from the path's");
    }
    ctx.status(201).json(receiptAnswer(market.submitOffer(caller, body)));
  }

  private void submitReading(Context ctx) {
    Principal.Prosumer caller = access.requireProsumer(ctx, "submit meter readings");
    market.day(ctx.pathParam("day"));
    JsonNode body = JsonBodies.object(ctx);
    if (body.get("day") != null && !ctx.pathParam("day").equals(body.get("day").asText())) {
      throw ApiError.INVALID_FIELD.with("day", "the envelope's day differs from the path's");
    }
    ctx.status(201).json(receiptAnswer(market.submitReading(caller, body)));
  }

  /** A committed offer's or reading's receipt, with its entry's hash and the anchor the sender can keep. */
  private static Map<String, Object> receiptAnswer(OfferReceipt receipt) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("receipt", receipt.receipt());
    out.put("day", receipt.day());
    out.put("participant", receipt.participant());
    out.put("ledger_seq", receipt.ledgerSeq());
    out.put("entry_hash", receipt.entryHash());
    out.put("anchor", new LedgerAnchor(receipt.ledgerSeq(), receipt.entryHash()).toString());
    out.put("recorded_at", receipt.recordedAt().toString());
    return out;
  }

  private void settleRealtime(Context ctx) {
    access.requireDso(ctx, "settle a day in real time");
    int settled = market.settleRealtime(ctx.pathParam("day"));
    ctx.json(Map.of("day", ctx.pathParam("day"), "settled", settled));
  }

  private void operatorRealtime(Context ctx) {
    access.requireDso(ctx, "read the operator's view of a real-time settlement");
    DayRecord day = market.day(ctx.pathParam("day"));
    ctx.contentType("application/json").result(store.realtimeView(day.id()).orElseThrow(() -> ApiError.NOT_CLEARED
        .with(day.id(), store.realtimeSettled(day.id()) ? "settled in real time by an earlier version, which kept no"
            + " operator's view (each prosumer's result is stored)" : "not settled in real time")));
  }

  private void ownRealtime(Context ctx) {
    String dayId = ctx.pathParam("day");
    String participant = ctx.pathParam("participant");
    access.requireSelf(ctx, dayId, participant, "read the real-time result");
    DayRecord day = market.day(dayId);
    ctx.contentType("application/json").result(store.realtimeResult(dayId, participant)
        .orElseThrow(() -> ApiError.NOT_CLEARED.with(day.id(), "not settled in real time")));
  }

  /** The day's status; when the clearing was infeasible, also the offers it clears without. */
  private void clear(Context ctx) {
    access.requireDso(ctx, "clear the market");
    ClearingOutcome outcome = market.clear(ctx.pathParam("day"));
    Map<String, Object> out = status(market.day(ctx.pathParam("day")), true);
    if (outcome.state() == DayState.INFEASIBLE) {
      out.put("infeasible_offers", outcome.infeasibleOffers());
    }
    ctx.json(out);
    ctx.status(outcome.state() == DayState.CLEARED ? 200 : 422);
  }

  /** Leaves a participant's offer out of the next clearing of a day whose clearing was infeasible. */
  private void exclude(Context ctx) {
    access.requireDso(ctx, "exclude offers");
    JsonNode body = JsonBodies.object(ctx);
    String dayId = ctx.pathParam("day");
    String participant = JsonBodies.text(body, "participant");
    String reason = JsonBodies.text(body, "reason");
    LedgerEntry entry = market.exclude(dayId, participant, reason);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("day", dayId);
    out.put("participant", participant);
    out.put("excluded", readJson(entry.payload()));
    out.put("ledger_seq", entry.seq());
    out.put("entry_hash", entry.entryHash());
    ctx.status(201).json(out);
  }

  private void operatorView(Context ctx) {
    access.requireDso(ctx, "read the operator's view of a clearing");
    DayRecord day = market.day(ctx.pathParam("day"));
    ctx.contentType("application/json").result(store.operatorView(day.id()).orElseThrow(() ->
        ApiError.NOT_CLEARED.with(day.id(), day.state().name().toLowerCase()
            + (day.message() == null ? "" : " (" + day.message() + ")"))));
  }

  private void feeder(Context ctx) {
    access.requireDso(ctx, "draw the feeder");
    DayRecord day = market.day(ctx.pathParam("day"));
    Optional<String> view = store.operatorView(day.id());
    List<ParticipantRecord> participants = store.participants(day.id());
    ctx.json(market.threePhaseScenario(day)
        .map(s -> FeederDrawing.ofThreePhase(day.id(), s, view, participants))
        .orElseGet(() -> FeederDrawing.of(day.id(), market.scenario(day).orElseThrow(), view, participants)));
  }

  private void ownResult(Context ctx) {
    String dayId = ctx.pathParam("day");
    String participant = ctx.pathParam("participant");
    access.requireSelf(ctx, dayId, participant, "read the result");
    DayRecord day = market.day(dayId);
    ctx.contentType("application/json").result(store.result(dayId, participant).orElseThrow(() ->
        store.excludedParticipants(dayId).contains(participant) ? ApiError.NOT_CLEARED.with(dayId, day.state().name()
            .toLowerCase() + " without the offer of " + participant + ", which the DSO excluded (the reason is in the"
            + " ledger's exclusion entry)") : notCleared(day)));
  }

  private void ownOffers(Context ctx) {
    String dayId = ctx.pathParam("day");
    String participant = ctx.pathParam("participant");
    access.requireSelf(ctx, dayId, participant, "read the offers");
    ctx.json(store.offers(dayId, participant).stream().map(o -> Map.of("receipt", o.receipt(), "ledger_seq",
        o.ledgerSeq(), "nonce", o.nonce(), "signed_at", Instant.ofEpochMilli(o.signedMs()).toString(),
        "envelope", readJson(o.envelope()))).toList());
  }

  /**
   * A receipt checked against its own entry, its two neighbours and the head, by key lookups only: a
   * prosumer's call must not cost a walk of the whole chain (that is the DSO's {@code GET
   * /api/ledger/verify}). The answer carries the head's anchor, which the prosumer can note and have
   * checked against the whole chain later.
   */
  private void receipt(Context ctx) {
    Principal.Prosumer caller = access.requireProsumer(ctx, "check a receipt");
    String receipt = ctx.pathParam("receipt");
    OfferRecord signed = store.offerByReceipt(receipt).or(() -> store.readingByReceipt(receipt))
        .filter(o -> o.dayId().equals(caller.dayId()) && o.participantId().equals(caller.participantId()))
        .orElseThrow(() -> ApiError.RECEIPT_NOT_FOUND.with(caller.participantId(), receipt));
    List<LedgerEntry> around = ledger.range(signed.ledgerSeq() - 1, signed.ledgerSeq() + 1);
    LedgerEntry entry = around.stream().filter(e -> e.seq() == signed.ledgerSeq()).findFirst()
        .orElseThrow(() -> ApiError.RECEIPT_NOT_FOUND.with(caller.participantId(), receipt));
    LedgerEntry head = ledger.head().orElseThrow();
    boolean entryHashMatches = entry.computeHash().equals(entry.entryHash());
    boolean payloadMatches = entry.payloadHash().equals(receipt) && Hashes.sha256(entry.payload()).equals(receipt)
        && Hashes.sha256(signed.envelope()).equals(receipt);
    String before = entry.seq() == 1 ? LedgerEntry.GENESIS
        : around.stream().filter(e -> e.seq() == entry.seq() - 1).map(LedgerEntry::entryHash).findFirst().orElse(null);
    boolean linked = entry.prevHash().equals(before) && around.stream().filter(e -> e.seq() == entry.seq() + 1)
        .allMatch(next -> next.prevHash().equals(entry.entryHash()));
    boolean headIntact = head.computeHash().equals(head.entryHash()) && head.seq() >= entry.seq();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("receipt", receipt);
    out.put("kind", entry.kind());
    out.put("ledger_seq", entry.seq());
    out.put("prev_hash", entry.prevHash());
    out.put("entry_hash", entry.entryHash());
    out.put("anchor", LedgerAnchor.of(entry).toString());
    out.put("recorded_at", Instant.ofEpochMilli(entry.recordedMs()).toString());
    out.put("entry_hash_matches", entryHashMatches);
    out.put("payload_matches", payloadMatches);
    out.put("linked", linked);
    out.put("entry_intact", entryHashMatches && payloadMatches && linked && headIntact);
    out.put("head_anchor", LedgerAnchor.of(head).toString());
    ctx.json(out);
  }

  private void verifyLedger(Context ctx) {
    access.requireDso(ctx, "verify the ledger");
    var v = verifier.verify();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("intact", v.intact());
    out.put("entries", v.entries());
    out.put("first_broken_seq", v.intact() ? null : v.firstBrokenSeq());
    out.put("reason", v.intact() ? null : v.reason());
    ctx.json(out);
  }

  /**
   * Public: the chain's last entry, for anyone to note down as an anchor. The body ends with a newline,
   * so that {@code curl -s URL >> anchors} keeps one answer a line.
   */
  private void ledgerHead(Context ctx) {
    Optional<LedgerEntry> head = ledger.head();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seq", head.map(LedgerEntry::seq).orElse(0L));
    out.put("entry_hash", head.map(LedgerEntry::entryHash).orElse(LedgerEntry.GENESIS));
    out.put("recorded_at", head.map(e -> Instant.ofEpochMilli(e.recordedMs()).toString()).orElse(null));
    out.put("anchor", head.map(e -> LedgerAnchor.of(e).toString()).orElse(null));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(writeJson(out) + "\n");
  }

  /** For public and prosumers' routes: the state only, not the message (see {@link #dayStatus}). */
  private static ApiException notCleared(DayRecord day) {
    return ApiError.NOT_CLEARED.with(day.id(), day.state().name().toLowerCase());
  }

  private static String writeJson(Object value) {
    try {
      return JsonBodies.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return JsonBodies.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
