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
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.SettlementResult;
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
    Scenario template = scenarios.of(day);
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
      InfeasibleOffers.Diagnosis diagnosis;
      try {
        diagnosis = InfeasibleOffers.diagnose(template, buildings, receipts);
      } catch (RuntimeException e) {
        // the day must not stay CLEARING: it is infeasible all the same, without names
        diagnosis = new InfeasibleOffers.Diagnosis(List.of(), "the offers to blame could not be found: "
            + e.getMessage());
      }
      return infeasible(dayId, mechanism.name(), result.dispatch().message(), diagnosis);
    }
    if (result.status() != DispatchStatus.OPTIMAL) {
      return fail(dayId, mechanism.name(), result.status() + ": " + result.dispatch().message());
    }
    if (result.settlement().isEmpty()) {
      return fail(dayId, mechanism.name(), "the mechanism cannot settle the day: " + result.outcome().orElseThrow().message());
    }
    return store(dayId, mechanism.name(), scenario, result.dispatch().optimal(), result.settlement().get(), receipts);
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

  private ClearingOutcome store(String dayId, String mechanism, Scenario scenario, DispatchSolution sol,
      SettlementResult settlement, Map<String, String> receipts) {
    Map<String, String> results = ClearingDocuments.participantResults(dayId, mechanism, scenario, sol, settlement,
        receipts);
    String prices = ClearingDocuments.publicPrices(dayId, mechanism, scenario, sol);
    String operator = ClearingDocuments.operatorView(dayId, mechanism, scenario, sol, settlement);
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
