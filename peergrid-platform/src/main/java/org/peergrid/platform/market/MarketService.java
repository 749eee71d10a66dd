package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.api.ApiException;
import org.peergrid.platform.auth.CanonicalJson;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.auth.Tokens;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * The market's operations, independent of HTTP: open a day, register participants, accept signed
 * offers, clear (on demand or when the gate has closed by the injected clock). Access rules are
 * checked by the caller (the API); this class checks the market's own rules.
 */
public final class MarketService implements AutoCloseable {
  /** How far an offer's timestamp may be from the server's clock, either way. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_REASON_CHARS = 500;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final MarketStore store;
  private final Ledger ledger;
  private final Clock clock;
  private final SecureRandom random;
  private final DayScenarios scenarios;
  private final GroupCommit offerCommits;
  private final OfferIntake intake;
  private final ReadingIntake readings;
  private final RealtimeSettlement realtime;
  private final DayClearing clearing;
  private final Map<String, ParticipantRecord> byTokenHash = new ConcurrentHashMap<>();
  private volatile ClearingObserver clearingObserver = (outcome, nanos) -> {};

  /** Told of every clearing that ran (by the DSO or at gate closure), for the platform's metrics. */
  @FunctionalInterface
  public interface ClearingObserver {
    /**
     * @param outcome the day's state afterwards in lower case (cleared, infeasible, failed), or "error"
     *     when the clearing ended with an unexpected exception
     * @param nanos how long it took
     */
    void ran(String outcome, long nanos);
  }

  /** With the default intake limits, and scenarios whose series are all inline. */
  public MarketService(MarketStore store, Ledger ledger, Clock clock, SecureRandom random, Duration maxSkew) {
    this(store, ledger, clock, random, maxSkew, Optional.empty(), IntakeLimits.DEFAULT);
  }

  /**
   * @param seriesFolder the folder of CSV files that day scenarios may name ({@code serve --series-dir});
   *     without one, every series of a day's scenario must be inline
   * @param limits the physical limits of offers and readings
   */
  public MarketService(MarketStore store, Ledger ledger, Clock clock, SecureRandom random, Duration maxSkew,
      Optional<Path> seriesFolder, IntakeLimits limits) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.random = random;
    this.scenarios = new DayScenarios(seriesFolder
        .map(folder -> ScenarioFiles.confinedTo(folder, ScenarioFiles.DEFAULT_MAX_BYTES))
        .orElse(ScenarioFiles.none("the server reads no file for a request; give every series inline (a number or"
            + " one value per interval), or have the operator place the CSV file in the folder of"
            + " 'peergrid serve --series-dir'")));
    this.offerCommits = new GroupCommit(ledger);
    this.intake = new OfferIntake(store, offerCommits, clock, maxSkew, scenarios, limits);
    this.readings = new ReadingIntake(store, offerCommits, clock, maxSkew, scenarios, limits);
    this.realtime = new RealtimeSettlement(store, ledger, scenarios);
    this.clearing = new DayClearing(store, ledger, clock, scenarios);
    // a clearing interrupted by a crash committed nothing but its state: run it again
    store.jdbi().useHandle(h -> h.createUpdate("UPDATE market_day SET state = 'OPEN' WHERE state = 'CLEARING'")
        .execute());
  }

  /** Opens a day on a MATPOWER feeder; validates the scenario with its case and the mechanism's name. */
  public DayRecord openDay(String dayId, String scenarioText, String feederText, String mechanism, Instant gateClosure) {
    return openDay(dayId, scenarioText, feederText, Optional.empty(), mechanism, gateClosure);
  }

  /**
   * Opens a day; validates the scenario with its feeder and the mechanism's name.
   *
   * @param feederFiles a three-phase day's scripts that its master script ({@code feederText}) redirects to,
   *     as a JSON object of file name to text (docs/platform.md, "Three-phase days")
   */
  public DayRecord openDay(String dayId, String scenarioText, String feederText, Optional<String> feederFiles,
      String mechanism, Instant gateClosure) {
    requireId("id", dayId);
    String name = Mechanisms.byName(mechanism).map(m -> m.name())
        .orElseThrow(() -> ApiError.UNKNOWN_MECHANISM.with(mechanism, String.join(", ", Mechanisms.names())));
    DayScenario.parse(dayId, scenarioText, feederText, feederFiles.orElse(null), scenarios.files());
    DayRecord day = new DayRecord(dayId, scenarioText, feederText, name, gateClosure.toEpochMilli(), DayState.OPEN,
        clock.millis(), null, null, feederFiles.orElse(null));
    store.jdbi().useTransaction(h -> {
      if (store.day(h, dayId).isPresent()) {
        throw ApiError.DAY_EXISTS.with(dayId);
      }
      store.insertDay(h, day);
    });
    return day;
  }

  /**
   * Registers a participant on a day on a MATPOWER feeder, at a bus of its tree.
   *
   * @return its bearer token, in clear this once (only its hash is stored)
   */
  public String register(String dayId, String participantId, int bus, String publicKey) {
    requireId("id", participantId);
    DayRecord day = openForRegistration(dayId);
    DayScenario parsed = scenarios.of(day);
    if (parsed.isThreePhase()) {
      return register(dayId, participantId, Optional.of(String.valueOf(bus)), publicKey);
    }
    Scenario scenario = parsed.balanced().orElseThrow();
    if (scenario.network().radial().indexOf(bus) < 0) {
      throw ApiError.INVALID_FIELD.with("bus", bus + " is not a bus of the day's feeder tree");
    }
    if (scenario.participants().stream().anyMatch(p -> !(p instanceof org.peergrid.market.scenario.Building)
        && p.id().equals(participantId))) {
      throw ApiError.PARTICIPANT_EXISTS.with(dayId, participantId);
    }
    return insertRegistered(dayId, participantId, bus, publicKey);
  }

  /**
   * Registers a participant on a day on a three-phase feeder: one of the scenario's buildings, whose bus
   * and phases the scenario gives ({@code bus}, when sent, must be that bus's name); on a MATPOWER day
   * {@code bus} must be a bus number of its tree.
   *
   * @return its bearer token, in clear this once (only its hash is stored)
   */
  public String register(String dayId, String participantId, Optional<String> bus, String publicKey) {
    requireId("id", participantId);
    DayRecord day = openForRegistration(dayId);
    DayScenario parsed = scenarios.of(day);
    if (!parsed.isThreePhase()) {
      int number;
      try {
        number = Integer.parseInt(bus.orElseThrow(() -> ApiError.INVALID_FIELD.with("bus", "an integer is required")));
      } catch (NumberFormatException e) {
        throw ApiError.INVALID_FIELD.with("bus", "an integer is required: a bus number of the day's MATPOWER case");
      }
      return register(dayId, participantId, number, publicKey);
    }
    ThreePhaseScenario scenario = parsed.threePhase().orElseThrow();
    Participant named = scenario.buildings().stream().filter(b -> b.id().equals(participantId)).findFirst()
        .orElseThrow(() -> ApiError.INVALID_FIELD.with("id", participantId + " is not a building of the day's"
            + " three-phase scenario; there a participant's bus and phases come from the scenario, so register one"
            + " of its buildings (" + String.join(", ", scenario.buildings().stream().map(Participant::id).toList())
            + ") or open the day with a scenario that names this one"));
    PhaseConnection at = scenario.connection(participantId);
    if (bus.isPresent() && !bus.get().trim().toLowerCase(Locale.ROOT).equals(at.bus())) {
      throw ApiError.INVALID_FIELD.with("bus", participantId + " is at bus " + at.bus() + " (phases "
          + at.phasesText() + ") in the day's scenario, not " + bus.get() + "; send that bus or leave bus out");
    }
    return insertRegistered(dayId, participantId, named.bus(), publicKey);
  }

  private DayRecord openForRegistration(String dayId) {
    DayRecord day = day(dayId);
    if (day.state() != DayState.OPEN || clock.millis() >= day.gateClosureMs()) {
      throw ApiError.REGISTRATION_CLOSED.with(dayId, Instant.ofEpochMilli(day.gateClosureMs()),
          day.state().name().toLowerCase());
    }
    return day;
  }

  /** Stores a checked registration: {@code bus} is the bus's number (MATPOWER) or index (three-phase). */
  private String insertRegistered(String dayId, String participantId, int bus, String publicKey) {
    try {
      Ed25519Keys.publicKey(publicKey);
    } catch (IllegalArgumentException e) {
      throw ApiError.INVALID_FIELD.with("public_key", e.getMessage());
    }
    String token = Tokens.generate(Tokens.PROSUMER_PREFIX, random);
    ParticipantRecord participant = new ParticipantRecord(dayId, participantId, bus, publicKey);
    String tokenHash = Hashes.sha256(token);
    store.jdbi().useTransaction(h -> {
      if (store.participant(dayId, participantId).isPresent()) {
        throw ApiError.PARTICIPANT_EXISTS.with(dayId, participantId);
      }
      store.insertParticipant(h, participant, tokenHash);
    });
    // committed: a participant never changes once registered, so its first offer need not read it back
    byTokenHash.put(tokenHash, participant);
    intake.known(participant);
    return token;
  }

  /**
   * The participant whose token has this SHA-256, from memory when it was registered or looked up
   * since this process started, else from the database (participants are never changed or removed).
   */
  public Optional<ParticipantRecord> participantByTokenHash(String tokenHash) {
    ParticipantRecord known = byTokenHash.get(tokenHash);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ParticipantRecord> found = store.participantByToken(tokenHash);
    found.ifPresent(p -> {
      byTokenHash.put(tokenHash, p);
      intake.known(p);
    });
    return found;
  }

  public OfferReceipt submitOffer(Principal.Prosumer caller, JsonNode envelope) {
    return intake.submit(caller, envelope);
  }

  /** A signed real-time meter reading of a cleared day. */
  public OfferReceipt submitReading(Principal.Prosumer caller, JsonNode envelope) {
    return readings.submit(caller, envelope);
  }

  /** Settles a cleared day in real time from its readings; returns the number of participants settled. */
  public int settleRealtime(String dayId) {
    return realtime.settle(dayId);
  }

  /**
   * Clears a day now, whatever its gate closure says: an open day, or one whose last clearing was
   * infeasible or failed (without the offers excluded since).
   */
  public ClearingOutcome clear(String dayId) {
    return runClearing(dayId);
  }

  /** Sets who is told of each clearing run (one observer; the server's metrics). */
  public void observeClearings(ClearingObserver observer) {
    this.clearingObserver = observer;
  }

  private ClearingOutcome runClearing(String dayId) {
    long start = System.nanoTime();
    ClearingOutcome outcome;
    try {
      outcome = clearing.clear(dayId);
    } catch (ApiException refused) {
      throw refused; // unknown day, or one not clearable: nothing ran
    } catch (RuntimeException e) {
      clearingObserver.ran("error", System.nanoTime() - start);
      throw e;
    }
    clearingObserver.ran(outcome.state().name().toLowerCase(Locale.ROOT), System.nanoTime() - start);
    return outcome;
  }

  /**
   * Excludes a participant's offer from the day's clearing, after a clearing was infeasible (or
   * failed), with the DSO's reason; recorded in the ledger (kind {@value MarketStore#EXCLUSION}: day,
   * participant, the receipt of the offer left out, reason). The day is then cleared again without it.
   *
   * @return the exclusion's ledger entry
   */
  public org.peergrid.platform.ledger.LedgerEntry exclude(String dayId, String participantId, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_CHARS) {
      throw ApiError.INVALID_FIELD.with("reason", "1 to " + MAX_REASON_CHARS + " characters saying why the offer"
          + " is left out (it is kept in the ledger)");
    }
    DayRecord day = day(dayId);
    ParticipantRecord participant = store.participant(dayId, participantId)
        .orElseThrow(() -> ApiError.PARTICIPANT_NOT_FOUND.with(dayId, participantId));
    return ledger.write((h, appender) -> {
      DayState state = store.dayState(h, dayId).orElseThrow().state();
      if (state != DayState.INFEASIBLE && state != DayState.FAILED) {
        throw ApiError.NOT_EXCLUDABLE.with(participantId, dayId, "the day is " + state.name().toLowerCase()
            + "; offers are excluded only after a clearing that was infeasible or failed");
      }
      if (store.excludedParticipants(h, dayId).contains(participantId)) {
        throw ApiError.NOT_EXCLUDABLE.with(participantId, dayId, "it is excluded already");
      }
      String receipt = store.latestOffers(h, dayId).stream().filter(o -> o.participantId().equals(participantId))
          .map(OfferRecord::receipt).findFirst()
          .orElseThrow(() -> ApiError.NOT_EXCLUDABLE.with(participantId, dayId, "it has no offer"));
      String payload = CanonicalJson.text(JSON.createObjectNode().put("day", day.id())
          .put("participant", participant.id()).put("receipt", receipt).put("reason", reason));
      return appender.append(MarketStore.EXCLUSION, dayId, participantId, payload);
    });
  }

  /** Clears every open day whose gate has closed; the scheduler calls this. Returns the days cleared. */
  public List<String> clearDueDays() {
    List<String> due = store.dueDays(clock.millis());
    for (String id : due) {
      runClearing(id);
    }
    return due;
  }

  public DayRecord day(String dayId) {
    return store.day(dayId).orElseThrow(() -> ApiError.DAY_NOT_FOUND.with(dayId));
  }

  /** The day's scenario on a MATPOWER feeder, or empty on a three-phase day ({@link #threePhaseScenario}). */
  public Optional<Scenario> scenario(DayRecord day) {
    return scenarios.of(day).balanced();
  }

  /** The day's scenario on an OpenDSS feeder (network.opendss), or empty on a MATPOWER day. */
  public Optional<ThreePhaseScenario> threePhaseScenario(DayRecord day) {
    return scenarios.of(day).threePhase();
  }

  /** Whether the day's scenario names an OpenDSS feeder (network.opendss). */
  public boolean isThreePhase(DayRecord day) {
    return scenarios.of(day).isThreePhase();
  }

  /** The day's number of intervals, their length [min] and currency, on either feeder. */
  public DayShape shape(DayRecord day) {
    DayScenario s = scenarios.of(day);
    return new DayShape(s.horizon().intervals(), s.horizon().intervalMinutes(), s.currency());
  }

  /** What the public and the dashboard read of any day's scenario. */
  public record DayShape(int intervals, int intervalMinutes, String currency) {}

  /** Where a registered participant of a three-phase day is connected, by the scenario; empty on a MATPOWER day. */
  public Optional<PhaseConnection> connection(DayRecord day, String participantId) {
    return scenarios.of(day).threePhase().map(s -> s.connection(participantId));
  }

  public MarketStore store() {
    return store;
  }

  /** Stops the offer writer after the offers it holds are committed or refused. */
  @Override
  public void close() {
    offerCommits.close();
  }

  private static void requireId(String field, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiError.INVALID_FIELD.with(field, "1 to 64 characters of A-Z, a-z, 0-9, '_', '.' and '-'");
    }
  }
}
