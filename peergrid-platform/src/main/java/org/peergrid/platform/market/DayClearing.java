package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * Clears a day in three steps. First, under the ledger's lock, the day moves from OPEN to CLEARING
 * and its latest offers are read, so that no offer can slip in after the market saw them. Then the
 * engine schedules and settles (outside the lock: it takes seconds on a large feeder). Last, one
 * transaction stores the results and appends a clearing entry and one settlement entry per
 * participant, or marks the day INFEASIBLE with the offers it clears without ({@link InfeasibleOffers})
 * or FAILED with the engine's reason; from either the DSO may clear it again.
 */
final class DayClearing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MarketStore store;
  private final Ledger ledger;
  private final Clock clock;
  private final DayScenarios scenarios;

  DayClearing(MarketStore store, Ledger ledger, Clock clock, DayScenarios scenarios) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.scenarios = scenarios;
  }

  ClearingOutcome clear(String dayId) {
    DayRecord day = store.day(dayId).orElseThrow(() -> ApiError.DAY_NOT_FOUND.with(dayId));
    List<OfferRecord> offers = ledger.write((h, appender) -> {
      DayRecord current = store.day(h, dayId).orElseThrow();
      if (!current.state().clearable()) {
        throw ApiError.ALREADY_CLEARED.with(dayId, current.state().name().toLowerCase());
      }
      store.transition(h, dayId, current.state(), DayState.CLEARING, null, null);
      return store.countedOffers(h, dayId);
    });
    DayScenario template = scenarios.forClearing(day);
    MarketMechanism mechanism = Mechanisms.byName(day.mechanism()).orElseThrow();
    if (offers.isEmpty()) {
      return fail(dayId, mechanism.name(), "no participant's offer counts (none was submitted, or all were excluded)");
    }
    Map<String, ParticipantRecord> registered = new LinkedHashMap<>();
    store.participants(dayId).forEach(p -> registered.put(p.id(), p));
    List<Building> buildings = new ArrayList<>();
    Map<String, String> receipts = new LinkedHashMap<>();
    for (OfferRecord o : offers) {
      ParticipantRecord p = registered.get(o.participantId());
      buildings.add(OfferParser.parse(read(o.envelope()).get("offer"), p.id(), p.bus(),
          template.horizon().intervals()));
      receipts.put(p.id(), o.receipt());
    }
    if (template.isThreePhase()) {
      return clearThreePhase(dayId, mechanism, template.threePhase().orElseThrow(), buildings, receipts);
    }
    return clearBalanced(dayId, mechanism, template.balanced().orElseThrow(), buildings, receipts);
  }

  /** A day on a MATPOWER feeder: the mechanism's own clearing (docs/mechanisms.md). */
  private ClearingOutcome clearBalanced(String dayId, MarketMechanism mechanism, Scenario template,
      List<Building> buildings, Map<String, String> receipts) {
    Scenario scenario;
    ClearingResult result;
    try {
      scenario = DayScenario.withBuildings(template, buildings);
      result = mechanism.clear(scenario);
    } catch (RuntimeException e) {
      // e.g. a building whose own day is infeasible: the day fails with the reason, never stays CLEARING
      return fail(dayId, mechanism.name(), e.getMessage());
    }
    if (result.status() == DispatchStatus.INFEASIBLE) {
      return infeasible(dayId, mechanism.name(), result.dispatch().message(), diagnose(() ->
          InfeasibleOffers.diagnose(template, buildings, receipts)));
    }
    if (result.status() != DispatchStatus.OPTIMAL) {
      return fail(dayId, mechanism.name(), result.status() + ": " + result.dispatch().message());
    }
    if (result.settlement().isEmpty()) {
      return fail(dayId, mechanism.name(), "the mechanism cannot settle the day: " + result.outcome().orElseThrow().message());
    }
    DispatchSolution sol = result.dispatch().optimal();
    SettlementResult settlement = result.settlement().get();
    return store(dayId, mechanism.name(), ClearingDocuments.participantResults(dayId, mechanism.name(), scenario, sol,
        settlement, receipts), ClearingDocuments.publicPrices(dayId, mechanism.name(), scenario, sol),
        ClearingDocuments.operatorView(dayId, mechanism.name(), scenario, sol, settlement));
  }

  /**
   * A day on a three-phase feeder, cleared as {@code peergrid clear} clears it (docs/opendss.md): LinDist3Flow
   * with DLMPs per phase, the three-phase AC check and, with the scenario's {@code network.ac_correction}, its
   * correction; then settled by the day's mechanism, each participant at the mean of its phases' DLMPs. A day
   * whose AC check does not pass is still cleared (as {@code clear} writes its files), and the operator's view
   * says so.
   */
  private ClearingOutcome clearThreePhase(String dayId, MarketMechanism mechanism, ThreePhaseScenario template,
      List<Building> buildings, Map<String, String> receipts) {
    ThreePhaseMarket market;
    MechanismOutcome outcome;
    try {
      market = ThreePhaseMarket.solve(DayScenario.withOffers(template, buildings));
      if (!market.day().optimal()) {
        String why = market.day().status() + ": " + market.day().message();
        if (market.day().status() != ThreePhaseClearingResult.Status.INFEASIBLE) {
          return fail(dayId, mechanism.name(), why);
        }
        return infeasible(dayId, mechanism.name(), market.day().message(), diagnose(() ->
            InfeasibleOffers.diagnose(template, buildings, receipts)));
      }
      outcome = market.settle(mechanism);
    } catch (RuntimeException e) {
      return fail(dayId, mechanism.name(), e.getMessage());
    }
    if (outcome.settlement().isEmpty()) {
      return fail(dayId, mechanism.name(), "the mechanism cannot settle the day: " + outcome.message());
    }
    SettlementResult settlement = outcome.settlement().get();
    return store(dayId, mechanism.name(), ThreePhaseClearingDocuments.participantResults(dayId, mechanism.name(),
        market, settlement, receipts), ThreePhaseClearingDocuments.publicPrices(dayId, mechanism.name(), market),
        ThreePhaseClearingDocuments.operatorView(dayId, mechanism.name(), market, settlement));
  }

  /** The offers to blame; the day must not stay CLEARING when their search fails: it is infeasible all the same. */
  private static InfeasibleOffers.Diagnosis diagnose(java.util.function.Supplier<InfeasibleOffers.Diagnosis> search) {
    try {
      return search.get();
    } catch (RuntimeException e) {
      return new InfeasibleOffers.Diagnosis(List.of(), "the offers to blame could not be found: " + e.getMessage());
    }
  }

  /**
   * Records an infeasible clearing: the day is not cleared, its message and ledger entry name the
   * offers it clears without, and the DSO may exclude them and clear again.
   */
  private ClearingOutcome infeasible(String dayId, String mechanism, String why, InfeasibleOffers.Diagnosis diagnosis) {
    String message = "INFEASIBLE: " + why + "; " + diagnosis.summary()
        + (diagnosis.blamed().isEmpty() ? "" : "; exclude offers (POST /api/days/" + dayId + "/exclusions) and clear"
            + " again");
    ObjectNode entry = JSON.createObjectNode().put("day", dayId).put("mechanism", mechanism).put("state", "infeasible")
        .put("message", message);
    ArrayNode blamed = entry.putArray("infeasible_offers");
    diagnosis.blamed().forEach(b -> blamed.add(JSON.valueToTree(ClearingOutcome.describe(b))));
    ledger.write((h, appender) -> {
      store.transition(h, dayId, DayState.CLEARING, DayState.INFEASIBLE, null, message);
      appender.append("clearing", dayId, null, entry.toString());
      return null;
    });
    return ClearingOutcome.of(DayState.INFEASIBLE, diagnosis.blamed());
  }

  /** Stores a cleared day's views (each participant's result, the public prices, the operator's view). */
  private ClearingOutcome store(String dayId, String mechanism, Map<String, String> results, String prices,
      String operator) {
    ledger.write((h, appender) -> {
      store.transition(h, dayId, DayState.CLEARING, DayState.CLEARED, clock.millis(), null);
      store.insertClearing(h, dayId, prices, operator);
      appender.append("clearing", dayId, null, JSON.createObjectNode().put("day", dayId).put("mechanism", mechanism)
          .put("state", "cleared").put("participants", results.size()).put("public_prices", prices).toString());
      results.forEach((participant, body) -> {
        store.insertResult(h, dayId, participant, body);
        appender.append("settlement", dayId, participant, body);
      });
      return null;
    });
    return ClearingOutcome.of(DayState.CLEARED, List.of());
  }

  private ClearingOutcome fail(String dayId, String mechanism, String why) {
    ledger.write((h, appender) -> {
      store.transition(h, dayId, DayState.CLEARING, DayState.FAILED, clock.millis(), why);
      appender.append("clearing", dayId, null, JSON.createObjectNode().put("day", dayId).put("mechanism", mechanism)
          .put("state", "failed").put("message", why).toString());
      return null;
    });
    return ClearingOutcome.of(DayState.FAILED, List.of());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
