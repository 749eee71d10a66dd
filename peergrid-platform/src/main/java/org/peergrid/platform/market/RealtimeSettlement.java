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
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.RealtimeStage;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
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
 * tariff. Each participant's real-time result and a ledger entry for it commit together, with the
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

  /** Why a three-phase day takes no readings and is not settled in real time here, and what to do. */
  static final String NOT_ON_THREE_PHASE = "the platform does not take meter readings of a three-phase day nor settle"
      + " it in real time yet; settle it with 'peergrid realtime --scenario FILE --actuals FILE' (docs/opendss.md)";

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
    Scenario template = scenarios.of(day).balanced(dayId, NOT_ON_THREE_PHASE);
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
    Scenario forecastDay = DayScenario.withBuildings(template, forecast);
    Scenario actualDay = DayScenario.withBuildings(template, actual);
    ClearingResult dlmp = Mechanisms.byName("dlmp").orElseThrow().clear(forecastDay);
    if (dlmp.status() != DispatchStatus.OPTIMAL) {
      throw ApiError.NOT_CLEARED.with(dayId, "its DLMP schedule cannot be solved again: " + dlmp.status());
    }
    DayAhead dayAhead = DayAhead.settle(forecastDay, dlmp.dispatch().optimal(), "platform day " + dayId);
    RealtimeResult result = RealtimeStage.run(forecastDay, actualDay, dayAhead, (done, intervals) -> { });
    RealtimeDocuments views = new RealtimeDocuments(dayId, forecastDay.currency(), result.settlement());
    Map<String, String> documents = new HashMap<>();
    for (Building b : forecast) {
      documents.put(b.id(), views.participantResult(b.id(), readings.get(b.id())));
    }
    String operatorView = views.operatorView(forecast, readings);
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
