package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.realtime.DayAhead;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.RealtimeStage;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.store.DayRecord;
import org.peergrid.platform.store.DayState;
import org.peergrid.platform.store.MarketStore;
import org.peergrid.platform.store.OfferRecord;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * The real-time settlement of a cleared day (docs/realtime.md), run by the DSO: the forecast is the
 * day as cleared (the latest offers); the day-ahead position is its DLMP schedule, solved again from
 * those offers (the real-time stage needs the DLMP schedule, whatever mechanism settled the day);
 * the actual day replaces each building's load, PV and wind by its latest signed reading (as
 * forecast without one); {@link RealtimeStage} redispatches and settles deviations at the real-time
 * tariff; on a three-phase day the DLMP day on LinDist3Flow and {@link ThreePhaseRealtime}, as
 * {@code peergrid realtime} runs them. Each participant's real-time result and a ledger entry for it commit together, with the
 * operator's view of the whole settlement ({@link RealtimeDocuments}).
 */
final class RealtimeSettlement {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MarketStore store;
  private final Ledger ledger;
  private final DayScenarios scenarios;

  RealtimeSettlement(MarketStore store, Ledger ledger, DayScenarios scenarios) {
    this.store = store;
    this.ledger = ledger;
    this.scenarios = scenarios;
  }

  /** Settles the day in real time; returns the participants settled. */
  int settle(String dayId) {
    DayRecord day = store.day(dayId).orElseThrow(() -> ApiError.DAY_NOT_FOUND.with(dayId));
    if (day.state() != DayState.CLEARED) {
      throw ApiError.NOT_CLEARED.with(dayId, day.state().name().toLowerCase());
    }
    List<List<OfferRecord>> inputs = store.jdbi().inTransaction(h -> List.of(store.countedOffers(h, dayId),
        store.latestReadings(h, dayId)));
    Map<String, ParticipantRecord> registered = new HashMap<>();
    store.participants(dayId).forEach(p -> registered.put(p.id(), p));
    DayScenario template = scenarios.forClearing(day);
    int n = template.horizon().intervals();
    List<Building> forecast = new ArrayList<>();
    for (OfferRecord o : inputs.get(0)) {
      ParticipantRecord p = registered.get(o.participantId());
      forecast.add(OfferParser.parse(read(o.envelope()).get(SignedBody.OFFER.field()), p.id(), p.bus(), n));
    }
    Map<String, OfferRecord> readings = new HashMap<>();
    inputs.get(1).forEach(r -> readings.put(r.participantId(), r));
    List<Building> actual = new ArrayList<>();
    for (Building b : forecast) {
      OfferRecord r = readings.get(b.id());
      actual.add(r == null ? b : actual(b, OfferParser.parse(read(r.envelope()).get(SignedBody.READINGS.field()),
          SignedBody.READINGS, b.id(), b.bus(), n, PowerCeiling.NONE)));
    }
    TwoSettlementResult settlement = template.threePhase().isPresent()
        ? threePhase(dayId, template.threePhase().get(), forecast, actual)
        : balanced(dayId, template.balanced().orElseThrow(), forecast, actual);
    RealtimeDocuments views = new RealtimeDocuments(dayId, template.currency(), settlement);
    Map<String, String> documents = new HashMap<>();
    for (Building b : forecast) {
      documents.put(b.id(), views.participantResult(b.id(), readings.get(b.id())));
    }
    String operatorView = views.operatorView(forecast, readings,
        template.threePhase().map(ThreePhaseScenario::connections).orElse(Map.of()));
    ledger.write((h, appender) -> {
      if (store.realtimeSettled(h, dayId)) {
        throw ApiError.REALTIME_SETTLED.with(dayId);
      }
      documents.forEach((participant, body) -> {
        store.insertRealtimeResult(h, dayId, participant, body);
        appender.append("realtime", dayId, participant, body);
      });
      store.insertRealtimeView(h, dayId, operatorView);
      return null;
    });
    return documents.size();
  }

  /** A MATPOWER day: the DLMP schedule solved again, then {@link RealtimeStage}. */
  private static TwoSettlementResult balanced(String dayId, Scenario template, List<Building> forecast,
      List<Building> actual) {
    Scenario forecastDay = DayScenario.withBuildings(template, forecast);
    Scenario actualDay = DayScenario.withBuildings(template, actual);
    ClearingResult dlmp = Mechanisms.byName("dlmp").orElseThrow().clear(forecastDay);
    if (dlmp.status() != DispatchStatus.OPTIMAL) {
      throw ApiError.NOT_CLEARED.with(dayId, "its DLMP schedule cannot be solved again: " + dlmp.status());
    }
    DayAhead dayAhead = DayAhead.settle(forecastDay, dlmp.dispatch().optimal(), "platform day " + dayId);
    return RealtimeStage.run(forecastDay, actualDay, dayAhead, RealtimeProgress.NONE).settlement();
  }

  /**
   * A three-phase day, as {@code peergrid realtime --mechanism dlmp} runs it (docs/realtime.md,
   * "Three-phase feeders"): the DLMP day on LinDist3Flow ({@link ThreePhaseMarket}, with its AC correction)
   * solved again from the offers, then {@link ThreePhaseRealtime}'s re-dispatch on the same model.
   */
  private static TwoSettlementResult threePhase(String dayId, ThreePhaseScenario template, List<Building> forecast,
      List<Building> actual) {
    ThreePhaseMarket market = ThreePhaseMarket.solve(DayScenario.withOffers(template, forecast));
    if (!market.day().optimal()) {
      throw ApiError.NOT_CLEARED.with(dayId, "its DLMP schedule cannot be solved again: " + market.day().status());
    }
    try {
      return ThreePhaseRealtime.run(ThreePhaseRealtime.plan(market, "platform day " + dayId),
          DayScenario.withOffers(template, actual), RealtimeProgress.NONE).settlement();
    } catch (IllegalStateException e) {
      // a re-dispatch failed even without the voltage and unbalance limits: nothing is stored
      throw ApiError.NOT_CLEARED.with(dayId, "its real-time re-dispatch failed: " + e.getMessage());
    }
  }

  /** The building with its metered load, PV and wind (absent series are zero, as in an offer). */
  private static Building actual(Building forecast, Building metered) {
    return new Building(forecast.id(), forecast.bus(), metered.loadKw(), forecast.powerFactor(), metered.pvKw(),
        metered.windKw(), forecast.battery(), forecast.shiftable());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
