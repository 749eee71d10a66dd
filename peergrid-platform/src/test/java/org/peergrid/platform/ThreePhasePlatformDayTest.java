package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.realtime.DeviationRow;
import org.peergrid.market.realtime.ParticipantRealtimeCost;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.PhasePrice;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.market.IntakeLimits;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;
import org.peergrid.platform.testsupport.ThreePhaseExampleDay;

/**
 * A three-phase day on the platform (issue 19), the IEEE 13-node example (examples/ieee13-3ph): the DSO
 * opens it with the OpenDSS feeder and the script it redirects to, registers every building of the
 * scenario (bus and phases from the scenario), each submits a signed offer equal to its profiles, and the
 * clearing at gate closure gives each the schedule, phase prices and settlement that {@code peergrid clear
 * --mechanism dlmp} computes for the scenario (the same {@link ThreePhaseMarket}, solved here from the file),
 * to 1e-9; results stay private; the ledger verifies; a meter reading is settled in real time as
 * {@code peergrid realtime} settles it; the feeder drawing has every bus and phase's price.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreePhasePlatformDayTest {
  private static final double EXACT = 1e-9;
  private static final String DAY = "2025-06-02";

  @TempDir static Path data;
  private TestPlatform p;
  private final Map<String, Prosumer> prosumers = new LinkedHashMap<>();
  private ThreePhaseScenario scenario;
  private ThreePhaseMarket reference;
  private SettlementResult referenceSettlement;

  @BeforeAll
  void openRegisterOfferAndClear() {
    p = new TestPlatform(Database.h2Url(data), Optional.of(ThreePhaseExampleDay.folder()), IntakeLimits.DEFAULT);
    Http.Response opened = p.http.post("/api/days", p.dso, ThreePhaseExampleDay.openDay(DAY, TestPlatform.GATE));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    assertThat(opened.body().get("three_phase").asBoolean()).isTrue();
    assertThat(opened.body().get("intervals").asInt()).isEqualTo(24);

    scenario = ScenarioLoader.loadThreePhase(ThreePhaseExampleDay.scenarioFile());
    boolean first = true;
    for (Building b : scenario.buildings()) {
      // the first with its bus named as a number, the others without: the scenario places them
      Prosumer who = register(DAY, b.id(), first ? Optional.<Object>of(Integer.valueOf(scenario.connection(b.id()).bus()))
          : Optional.empty());
      first = false;
      prosumers.put(b.id(), who);
      Http.Response receipt = p.submit(who, p.signed(who, ThreePhaseExampleDay.offerOf(b)));
      assertThat(receipt.status()).as(b.id() + ": " + receipt.text()).isEqualTo(201);
    }
    p.clock.advance(java.time.Duration.ofHours(4));
    assertThat(p.server.market().clearDueDays()).containsExactly(DAY);
    assertThat(p.http.get("/api/days/" + DAY, null).body().get("state").asText()).isEqualTo("cleared");

    reference = ThreePhaseMarket.solve(scenario);
    referenceSettlement = reference.settle(Mechanisms.byName("dlmp").orElseThrow()).settlement().orElseThrow();
  }

  @AfterAll
  void close() {
    if (p != null) {
      p.close();
    }
  }

  @Test
  void eachParticipantsResultIsWhatClearComputesForTheScenario() {
    PhaseNetwork net = reference.clearing().model().network();
    for (int i = 0; i < scenario.participants().size(); i++) {
      if (!(scenario.participants().get(i) instanceof Building b)) {
        continue;
      }
      Prosumer who = prosumers.get(b.id());
      Http.Response r = p.http.get("/api/days/" + DAY + "/participants/" + b.id() + "/result", who.token());
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      JsonNode doc = r.body();
      PhaseConnection at = scenario.connection(b.id());
      assertThat(doc.get("bus").asText()).isEqualTo(at.bus());
      assertThat(doc.get("phases").toString()).isEqualTo(
          at.nodes().stream().map(n -> "\"" + PhaseConnection.letter(n) + "\"").toList().toString().replace(" ", ""));
      ParticipantDay d = reference.day().participants().get(i);
      for (int t = 0; t < 24; t++) {
        JsonNode row = doc.get("schedule").get(t);
        String where = b.id() + " interval " + t;
        assertThat(row.get("import_kw").asDouble()).as(where).isCloseTo(Math.max(0, -d.netKw()[t]), within(EXACT));
        assertThat(row.get("export_kw").asDouble()).as(where).isCloseTo(Math.max(0, d.netKw()[t]), within(EXACT));
        assertThat(row.get("charge_kw").asDouble()).as(where).isCloseTo(d.chargeKw()[t], within(EXACT));
        assertThat(row.get("discharge_kw").asDouble()).as(where).isCloseTo(d.dischargeKw()[t], within(EXACT));
        assertThat(row.get("curtailed_kw").asDouble()).as(where).isCloseTo(d.curtailedKw()[t], within(EXACT));
        assertThat(row.get("bus_price").asDouble()).as(where).isCloseTo(d.price()[t], within(EXACT));
        if (b.battery().isPresent()) {
          assertThat(row.get("soc_kwh").asDouble()).as(where).isCloseTo(d.energyKwh()[t], within(EXACT));
        }
        assertThat(row.get("phase_prices").size()).isEqualTo(at.nodes().size());
        for (int node : at.nodes()) {
          assertThat(row.get("phase_prices").get(PhaseConnection.letter(node)).asDouble()).as(where)
              .isCloseTo(referenceDlmp(net, at.bus(), node, t), within(EXACT));
        }
      }
      ParticipantSettlement expected = referenceSettlement.participant(b.id());
      JsonNode settlement = doc.get("settlement");
      assertThat(settlement.get("cost").asDouble()).as(b.id()).isCloseTo(expected.cost(), within(EXACT));
      assertThat(settlement.get("base_cost").asDouble()).as(b.id())
          .isCloseTo(expected.baseCost().orElseThrow(), within(EXACT));
      assertThat(settlement.get("savings").asDouble()).as(b.id())
          .isCloseTo(expected.savings().orElseThrow(), within(EXACT));
      assertThat(settlement.get("individually_rational").asBoolean()).isEqualTo(expected.individuallyRational());
    }
  }

  @Test
  void theOperatorsViewHasEveryBusAndPhasesPriceAndTheTotals() {
    JsonNode view = p.http.get("/api/days/" + DAY + "/clearing", p.dso).body();
    assertThat(view.get("three_phase").asBoolean()).isTrue();
    assertThat(view.get("total_cost").asDouble()).isCloseTo(referenceSettlement.totalCost(), within(EXACT));
    assertThat(view.get("dso_surplus").asDouble()).isCloseTo(referenceSettlement.dsoSurplus(), within(EXACT));
    assertThat(view.get("ac_check").get("passed").asBoolean()).isEqualTo(reference.acPassed());
    assertThat(view.get("ac_check").get("clearings").asInt()).isEqualTo(reference.rounds());
    PhaseNetwork net = reference.clearing().model().network();
    JsonNode nodes = view.get("nodes");
    // every phase node but the source's: the rows of phase_prices.csv
    assertThat(nodes.size()).isEqualTo(reference.day().intervals().get(0).prices().stream()
        .filter(x -> x.port().minus() < 0).count());
    for (int t = 0; t < 24; t += 6) {
      for (int k = 0; k < nodes.size(); k++) {
        String bus = nodes.get(k).get("bus").asText();
        int node = nodes.get(k).get("phase").asText().charAt(0) - 'a' + 1;
        assertThat(view.get("phase_prices").get(t).get(k).asDouble()).as(bus + "." + node + " at " + t)
            .isCloseTo(referenceDlmp(net, bus, node, t), within(EXACT));
      }
    }
    JsonNode participants = p.http.get("/api/days/" + DAY + "/participants", p.dso).body();
    assertThat(participants.get(0).get("bus").asText()).isEqualTo(scenario.connection(participants.get(0).get("id")
        .asText()).bus());
    assertThat(participants.get(0).get("phases").isArray()).isTrue();
    JsonNode prices = p.http.get("/api/days/" + DAY + "/prices", null).body();
    double lowest = reference.day().intervals().get(12).prices().stream().filter(x -> x.port().minus() < 0)
        .mapToDouble(PhasePrice::dlmp).min().orElseThrow();
    assertThat(prices.get("intervals").get(12).get("price_min").asDouble()).isCloseTo(lowest, within(EXACT));
    assertThat(prices.get("energy_traded_kwh").asDouble()).isPositive();
  }

  @Test
  void anotherParticipantsResultIsRefused() {
    Prosumer b611c = prosumers.get("B611c");
    assertThat(p.http.get("/api/days/" + DAY + "/participants/B652a/result", b611c.token()).status()).isEqualTo(403);
    assertThat(p.http.get("/api/days/" + DAY + "/clearing", b611c.token()).status()).isEqualTo(403);
  }

  @Test
  void theLedgerVerifiesWithEveryOfferTheClearingAndEverySettlement() {
    JsonNode verified = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
    int buildings = scenario.buildings().size();
    assertThat(verified.get("entries").asInt()).isEqualTo(buildings + 1 + buildings);
  }

  @Test
  void theFeederDrawingHasEveryBusWithItsPhasesPricesAndTheParticipantsPhases() {
    Http.Response r = p.http.get("/api/days/" + DAY + "/feeder", p.dso);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode feeder = r.body();
    assertThat(feeder.get("three_phase").asBoolean()).isTrue();
    assertThat(feeder.get("cleared").asBoolean()).isTrue();
    PhaseNetwork net = reference.clearing().model().network();
    assertThat(feeder.get("buses").size()).isEqualTo(net.busCount());
    JsonNode source = feeder.get("buses").get(0);
    assertThat(source.get("name").asText()).isEqualTo(net.busNames()[0]);
    assertThat(source.get("phase_prices").size()).as("the source has no priced node").isZero();
    assertThat(source.get("prices").get(5).asDouble())
        .isCloseTo(reference.day().intervals().get(5).prices().get(0).energy(), within(EXACT));
    int k671 = net.busIndex("671");
    JsonNode bus671 = feeder.get("buses").get(k671);
    assertThat(bus671.get("name").asText()).isEqualTo("671");
    assertThat(bus671.get("parent").asInt()).isEqualTo(net.parent()[k671]);
    double sum = 0;
    for (String phase : new String[] {"a", "b", "c"}) {
      double dlmp = referenceDlmp(net, "671", phase.charAt(0) - 'a' + 1, 18);
      assertThat(bus671.get("phase_prices").get(phase).get(18).asDouble()).isCloseTo(dlmp, within(EXACT));
      sum += dlmp;
    }
    assertThat(bus671.get("prices").get(18).asDouble()).isCloseTo(sum / 3, within(EXACT));
    JsonNode b611c = java.util.stream.StreamSupport.stream(feeder.get("participants").spliterator(), false)
        .filter(x -> x.get("id").asText().equals("B611c")).findFirst().orElseThrow();
    assertThat(b611c.get("bus").asInt()).isEqualTo(net.busIndex("611"));
    assertThat(b611c.get("phases").toString()).isEqualTo("[\"c\"]");
  }

  /**
   * Last but one (it adds to the ledger): B611c meters 20 kW more than it offered in the last interval; the
   * real-time settlement equals {@link ThreePhaseRealtime} from the same day ahead with the same actual
   * day, what {@code peergrid realtime --mechanism dlmp} runs, to 1e-9.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void realTimeSettlesAReadingAsPeergridRealtimeDoes() {
    Building b611c = scenario.buildings().stream().filter(b -> b.id().equals("B611c")).findFirst().orElseThrow();
    double[] metered = b611c.loadKw().values().clone();
    metered[23] += 20;
    Prosumer who = prosumers.get("B611c");
    com.fasterxml.jackson.databind.node.ObjectNode reading = Http.JSON.createObjectNode();
    reading.set("load_kw", Http.JSON.valueToTree(metered));
    reading.set("pv_kw", Http.JSON.valueToTree(b611c.pvKw().values()));
    Http.Response receipt = p.http.post("/api/days/" + DAY + "/readings", who.token(),
        p.signed(who, SignedBody.READINGS, reading));
    assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
    Http.Response settled = p.http.post("/api/days/" + DAY + "/realtime", p.dso, "");
    assertThat(settled.status()).as(settled.text()).isEqualTo(200);
    assertThat(settled.body().get("settled").asInt()).isEqualTo(scenario.buildings().size());

    Building actual = new Building(b611c.id(), b611c.bus(), new TimeSeries(metered), b611c.powerFactor(),
        b611c.pvKw(), b611c.windKw(), b611c.battery(), b611c.shiftable());
    ThreePhaseScenario actualDay = scenario.withParticipants(scenario.participants().stream()
        .map(x -> x.id().equals("B611c") ? (Participant) actual : x).toList());
    TwoSettlementResult expected = ThreePhaseRealtime.run(ThreePhaseRealtime.plan(reference, "reference"), actualDay,
        RealtimeProgress.NONE).settlement();
    for (Building b : scenario.buildings()) {
      Prosumer owner = prosumers.get(b.id());
      JsonNode doc = p.http.get("/api/days/" + DAY + "/participants/" + b.id() + "/realtime", owner.token()).body();
      ParticipantRealtimeCost cost = expected.participant(b.id());
      assertThat(doc.get("day_ahead_cost").asDouble()).as(b.id()).isCloseTo(cost.dayAheadCost(), within(EXACT));
      assertThat(doc.get("deviation_payment").asDouble()).as(b.id()).isCloseTo(cost.deviationPayment(), within(EXACT));
      assertThat(doc.get("degradation_change").asDouble()).as(b.id())
          .isCloseTo(cost.degradationChange(), within(EXACT));
      assertThat(doc.get("realtime_cost").asDouble()).as(b.id()).isCloseTo(cost.realtimeCost(), within(EXACT));
    }
    JsonNode own = p.http.get("/api/days/" + DAY + "/participants/B611c/realtime", who.token()).body();
    DeviationRow last = expected.rows().stream().filter(r -> r.participant().equals("B611c") && r.interval() == 23)
        .findFirst().orElseThrow();
    assertThat(own.get("intervals").get(23).get("deviation_kwh").asDouble()).isCloseTo(last.deviationKwh(),
        within(EXACT));
    assertThat(last.deviationKwh()).as("the extra 20 kW for an hour, less what its battery gave in real time")
        .isPositive().isLessThanOrEqualTo(20 + EXACT);
    JsonNode view = p.http.get("/api/days/" + DAY + "/realtime", p.dso).body();
    JsonNode row = view.get("participants").get(0);
    assertThat(row.get("bus").asText()).isEqualTo(scenario.connection(row.get("participant").asText()).bus());
    assertThat(row.get("phases").isArray()).isTrue();
    assertThat(view.get("budget").get("realtime_utility_bill").asDouble())
        .isCloseTo(expected.realtimeUtilityBill(), within(EXACT));
    assertThat(p.http.get("/api/days/" + DAY + "/participants/B611c/realtime", prosumers.get("B652a").token())
        .status()).isEqualTo(403);
    JsonNode verified = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
    int buildings = scenario.buildings().size();
    assertThat(verified.get("entries").asInt()).isEqualTo(buildings + 1 + buildings + 1 + buildings);
  }

  @Test
  void registrationNamesTheScenariosBuildingsAndTheirBus() {
    Http.Response opened = p.http.post("/api/days", p.dso, ThreePhaseExampleDay.openDay("d2", "2025-06-01T13:00:00Z"));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    Http.Response stranger = registration("d2", "B999", Optional.empty());
    assertThat(stranger.errorCode()).isEqualTo(2002);
    assertThat(stranger.text()).contains("id: B999 is not a building of the day's three-phase scenario", "B611c");
    Http.Response wrongBus = registration("d2", "B611c", Optional.of("652"));
    assertThat(wrongBus.errorCode()).isEqualTo(2002);
    assertThat(wrongBus.text()).contains("bus: B611c is at bus 611 (phases [c])", "not 652");
    assertThat(registration("d2", "B611c", Optional.of("611")).status()).isEqualTo(201);
    Http.Response noFiles = p.http.post("/api/days", p.dso, Map.of("id", "d3", "scenario",
        ThreePhaseExampleDay.scenario(), "feeder", ThreePhaseExampleDay.feeder(), "gate_closure", TestPlatform.GATE));
    assertThat(noFiles.errorCode()).isEqualTo(4007);
    assertThat(noFiles.text()).contains("scenario of day d3:7: network.opendss: feeder.dss:46: file 'IEEELineCodes.dss' not found",
        "feeder_files");
  }

  /** Very last: its day's offer and clearing add to the ledger that the tests before count. */
  @Test
  @Order(Integer.MAX_VALUE)
  void anInfeasibleDayNamesTheOfferToExcludeByItsBusName() {
    Http.Response opened = p.http.post("/api/days", p.dso, ThreePhaseExampleDay.openDay("d4", "2025-06-01T13:00:00Z"));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    Prosumer b611c = register("d4", "B611c", Optional.empty());
    Http.Response offered = p.submit(b611c, p.signed(b611c, Community33.json("{\"load_kw\": 900}")));
    assertThat(offered.status()).as(offered.text()).isEqualTo(201);
    Http.Response cleared = p.http.post("/api/days/d4/clear", p.dso, "");
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(422);
    JsonNode blamed = cleared.body().get("infeasible_offers");
    assertThat(blamed.get(0).get("participant").asText()).as(cleared.text()).isEqualTo("B611c");
    assertThat(blamed.get(0).get("bus").asText()).isEqualTo("611");
    assertThat(p.http.get("/api/days/d4", null).body().get("state").asText()).isEqualTo("infeasible");
  }

  private Prosumer register(String day, String id, Optional<?> bus) {
    KeyPair keys = Ed25519Keys.generate();
    Http.Response r = registration(day, id, bus, keys);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return new Prosumer(day, id, keys, r.body().get("token").asText());
  }

  private Http.Response registration(String day, String id, Optional<?> bus) {
    return registration(day, id, bus, Ed25519Keys.generate());
  }

  private Http.Response registration(String day, String id, Optional<?> bus, KeyPair keys) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    bus.ifPresent(b -> body.put("bus", b));
    body.put("public_key", Ed25519Keys.encode(keys.getPublic()));
    return p.http.post("/api/days/" + day + "/participants", p.dso, body);
  }

  /** The reference clearing's DLMP at a bus's phase node to ground, as phase_prices.csv lists it. */
  private double referenceDlmp(PhaseNetwork net, String bus, int node, int t) {
    return reference.day().intervals().get(t).prices().stream()
        .filter(x -> x.bus().equals(bus) && x.port().minus() < 0 && net.nodeNumbers()[x.port().plus()] == node)
        .findFirst().orElseThrow(() -> new AssertionError("no price at " + bus + "." + node)).dlmp();
  }
}
