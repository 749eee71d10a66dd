package org.peergrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.ledger.AnchorCheck;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerAnchor;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.ledger.LedgerVerification;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.LedgerRewrite;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * Server scenarios on a database that subclasses choose (embedded H2, PostgreSQL): a market day from
 * opening to clearing with an injected clock, every refusal, tampering found by the ledger, the public
 * ledger head, and a history rewritten with every hash recomputed found by an anchor noted before.
 */
abstract class AbstractPlatformScenarioTest {
  private static final double DELTA_MONEY = 1e-6;

  TestPlatform p;
  Prosumer b06;
  Prosumer b18;
  Prosumer b25;

  /** A JDBC URL of an empty database for one test. */
  abstract String freshDatabase() throws Exception;

  @BeforeEach
  void openDay() throws Exception {
    p = new TestPlatform(freshDatabase());
    Http.Response opened = p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE));
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    b06 = p.register("d1", "B06", 6);
    b18 = p.register("d1", "B18", 18);
    b25 = p.register("d1", "B25", 25);
  }

  @AfterEach
  void close() {
    if (p != null) {
      p.close();
    }
  }

  @Test
  void aDayFromOffersToPrivateResultsAtGateClosure() {
    Http.Response receipt = p.submit(b06, p.signed(b06, Community33.offerB06()));
    assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
    assertThat(receipt.body().get("receipt").asText()).hasSize(64);
    assertThat(p.submit(b18, p.signed(b18, Community33.offerB18())).status()).isEqualTo(201);
    assertThat(p.submit(b25, p.signed(b25, Community33.offerB25())).status()).isEqualTo(201);

    assertThat(p.server.market().clearDueDays()).as("before the gate nothing is due").isEmpty();
    assertThat(p.http.get("/api/days/d1/prices", null).errorCode()).isEqualTo(4004);
    p.clock.advance(Duration.ofHours(4));
    assertThat(p.server.market().clearDueDays()).containsExactly("d1");

    JsonNode status = p.http.get("/api/days/d1", null).body();
    assertThat(status.get("state").asText()).isEqualTo("cleared");
    assertThat(status.get("offers").asInt()).isEqualTo(3);

    JsonNode own = p.http.get("/api/days/d1/participants/B25/result", b25.token()).body();
    assertThat(own.get("participant").asText()).isEqualTo("B25");
    assertThat(own.get("receipt").asText()).hasSize(64);
    assertThat(own.get("schedule")).hasSize(4);
    JsonNode settlement = own.get("settlement");
    assertThat(settlement.get("base_cost").asDouble() - settlement.get("cost").asDouble())
        .isCloseTo(settlement.get("savings").asDouble(), within(DELTA_MONEY));
    assertThat(settlement.get("individually_rational").asBoolean()).isTrue();
    // B25 never charges beyond 20 kW and its state of charge stays in [12, 108] kWh
    for (JsonNode row : own.get("schedule")) {
      assertThat(row.get("charge_kw").asDouble()).isBetween(0.0, 20.0 + 1e-6);
      assertThat(row.get("soc_kwh").asDouble()).isBetween(12.0 - 1e-6, 108.0 + 1e-6);
    }

    Http.Response others = p.http.get("/api/days/d1/participants/B06/result", b25.token());
    assertThat(others.status()).isEqualTo(403);
    assertThat(others.errorCode()).isEqualTo(1003);
    assertThat(p.http.get("/api/days/d1/participants/B06/offers", b25.token()).status()).isEqualTo(403);
    assertThat(p.http.get("/api/days/d1/participants/B06/result", p.dso).status()).isEqualTo(403);

    JsonNode prices = p.http.get("/api/days/d1/prices", null).body();
    assertThat(prices.get("intervals")).hasSize(4);
    double[] tariff = {4, 6, 6, 8};
    for (JsonNode row : prices.get("intervals")) {
      int t = row.get("interval").asInt();
      assertThat(row.get("import_tariff").asDouble()).isEqualTo(tariff[t]);
      assertThat(row.get("price_min").asDouble()).isLessThanOrEqualTo(row.get("price_mean").asDouble());
      assertThat(row.get("price_mean").asDouble()).isLessThanOrEqualTo(row.get("price_max").asDouble());
    }
    assertThat(prices.toString()).doesNotContain("B06", "B25", "\"bus\"");

    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).isTrue();
    assertThat(verify.get("entries").asInt()).as("3 offers, 1 clearing, 3 settlements").isEqualTo(7);

    JsonNode proof = p.http.get("/api/receipts/" + receipt.body().get("receipt").asText(), b06.token()).body();
    assertThat(proof.get("ledger_seq").asLong()).isEqualTo(receipt.body().get("ledger_seq").asLong());
    assertThat(proof.get("kind").asText()).isEqualTo("offer");
    assertThat(receipt.body().get("entry_hash").asText()).as("the receipt carries its entry's hash").hasSize(64)
        .isEqualTo(proof.get("entry_hash").asText());
    assertThat(receipt.body().get("anchor").asText()).isEqualTo(proof.get("anchor").asText())
        .isEqualTo(proof.get("ledger_seq").asLong() + ":" + proof.get("entry_hash").asText());
    assertThat(proof.get("entry_hash_matches").asBoolean()).isTrue();
    assertThat(proof.get("entry_intact").asBoolean()).as("its entry, its links and the head hash right").isTrue();
    assertThat(proof.get("head_anchor").asText()).isEqualTo(p.http.get("/api/ledger/head", null).body()
        .get("anchor").asText());
    assertThat(p.http.get("/api/receipts/" + receipt.body().get("receipt").asText(), b25.token()).status())
        .as("another's receipt is not found for you").isEqualTo(404);

    Http.Response late = p.submit(b06, p.signed(b06, Community33.offerB06()));
    assertThat(late.errorCode()).isEqualTo(4003);
  }

  @Test
  void theFeederDrawingHasTheTreeLayoutAndTheClearedPrices() {
    JsonNode before = p.http.get("/api/days/d1/feeder", p.dso).body();
    assertThat(before.get("cleared").asBoolean()).isFalse();
    JsonNode root = before.get("buses").get(0);
    assertThat(root.get("bus").asInt()).isEqualTo(1);
    assertThat(root.get("parent").isNull()).isTrue();
    assertThat(root.get("column").asInt()).isZero();
    assertThat(root.get("row").asInt()).isZero();
    assertThat(root.get("prices").isNull()).isTrue();
    assertThat(before.get("participants")).hasSize(3);
    assertThat(p.http.get("/api/days/d1/feeder", b06.token()).status()).as("prosumers do not see the map").isEqualTo(403);

    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b25, p.signed(b25, Community33.offerB25()));
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
    JsonNode feeder = p.http.get("/api/days/d1/feeder", p.dso).body();
    JsonNode view = p.http.get("/api/days/d1/clearing", p.dso).body();
    assertThat(feeder.get("cleared").asBoolean()).isTrue();
    assertThat(feeder.get("buses")).hasSize(33);
    assertThat(feeder.get("columns").asInt()).as("the main line 1-18").isEqualTo(18);
    assertThat(feeder.get("rows").asInt()).as("the main line and three laterals").isEqualTo(4);
    for (int k = 0; k < 33; k++) {
      JsonNode bus = feeder.get("buses").get(k);
      assertThat(bus.get("bus").asInt()).isEqualTo(view.get("buses").get(k).asInt());
      assertThat(bus.get("parent").isNull() ? -1 : bus.get("parent").asInt())
          .isEqualTo(view.get("parents").get(k).asInt());
      for (int t = 0; t < 4; t++) {
        assertThat(bus.get("prices").get(t).asDouble()).isEqualTo(view.get("bus_prices").get(t).get(k).asDouble());
      }
      assertThat(bus.get("row").asInt()).isBetween(0, 3);
      int number = bus.get("bus").asInt();
      if (number <= 18) {
        // bus 18 ends the main line, the deepest path of case33bw, drawn along the top row
        assertThat(bus.get("column").asInt()).isEqualTo(number - 1);
        assertThat(bus.get("row").asInt()).isZero();
      }
    }
  }

  /**
   * The dashboard's landing view: every day with its aggregate prices, without a credential. Day d2 is
   * the community without its generator and battery, B06 and B18 only, so its traded energy follows by
   * hand: B06 exports 60 − 35 = 25 kW in the morning and 80 − 40 = 40 kW in the afternoon while B18
   * takes 20 and 25 kW; nothing is exported at night or in the evening. min(25, 20) + min(40, 25) = 45 kW
   * for 6 h each: 270 kWh.
   */
  @Test
  void thePublicDayListGivesAggregatePricesAndTradedEnergyAndNothingPrivate() {
    Http.Response open = p.http.get("/api/prices", null);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body()).hasSize(1);
    JsonNode d1Open = open.body().get(0);
    assertThat(d1Open.get("id").asText()).isEqualTo("d1");
    assertThat(d1Open.get("state").asText()).isEqualTo("open");
    assertThat(d1Open.get("participants").asInt()).isEqualTo(3);
    assertThat(d1Open.get("price_mean").isNull()).isTrue();
    assertThat(d1Open.get("energy_traded_kwh").isNull()).isTrue();

    String scenario = Community33.scenario();
    Map<String, Object> d2 = new java.util.HashMap<>(Community33.openDay("d2", TestPlatform.GATE));
    d2.put("scenario", scenario.substring(0, scenario.indexOf("  - {id: DG22")));
    assertThat(p.http.post("/api/days", p.dso, d2).status()).isEqualTo(201);
    Prosumer d2b06 = p.register("d2", "B06", 6);
    Prosumer d2b18 = p.register("d2", "B18", 18);
    p.submit(d2b06, p.signed(d2b06, Community33.offerB06()));
    p.submit(d2b18, p.signed(d2b18, Community33.offerB18()));
    assertThat(p.http.post("/api/days/d2/clear", p.dso, "").status()).isEqualTo(200);
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b25, p.signed(b25, Community33.offerB25()));
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);

    Http.Response list = p.http.get("/api/prices", null);
    assertThat(list.status()).as("no credential needed").isEqualTo(200);
    assertThat(list.body()).extracting(d -> d.get("id").asText()).containsExactly("d1", "d2");
    // the prices against every bus price of the operator's view
    JsonNode d1 = list.body().get(0);
    JsonNode view = p.http.get("/api/days/d1/clearing", p.dso).body();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int count = 0;
    for (JsonNode interval : view.get("bus_prices")) {
      for (JsonNode price : interval) {
        min = Math.min(min, price.asDouble());
        max = Math.max(max, price.asDouble());
        sum += price.asDouble();
        count++;
      }
    }
    assertThat(count).isEqualTo(4 * 33);
    assertThat(d1.get("state").asText()).isEqualTo("cleared");
    assertThat(d1.get("currency").asText()).isEqualTo("INR");
    assertThat(d1.get("price_min").asDouble()).isEqualTo(min);
    assertThat(d1.get("price_max").asDouble()).isEqualTo(max).isGreaterThan(min);
    assertThat(d1.get("price_mean").asDouble()).isCloseTo(sum / count, within(1e-9));
    assertThat(d1.get("energy_traded_kwh").asDouble()).isPositive();

    // d2 by hand; B06's own result shows the exports the derivation assumes
    JsonNode own = p.http.get("/api/days/d2/participants/B06/result", d2b06.token()).body().get("schedule");
    assertThat(own.get(1).get("export_kw").asDouble()).isCloseTo(25, within(1e-6));
    assertThat(own.get(2).get("export_kw").asDouble()).isCloseTo(40, within(1e-6));
    assertThat(list.body().get(1).get("energy_traded_kwh").asDouble()).isCloseTo(270, within(1e-6));

    // nothing private: exactly the documented fields, no participant id, bus, key, token or receipt
    for (JsonNode day : list.body()) {
      java.util.List<String> fields = new java.util.ArrayList<>();
      day.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "state", "mechanism", "gate_closure", "intervals",
          "interval_minutes", "currency", "participants", "cleared_at", "price_min", "price_mean", "price_max",
          "energy_traded_kwh");
    }
    assertThat(list.text()).doesNotContain("B06", "B18", "B25", "bus", "public_key", "pt_", "dso_", "receipt",
        "load_kw", d2b06.token());
    assertThat(p.http.get("/api/prices", p.dso).text()).as("a credential shows no more").isEqualTo(list.text());
    assertThat(p.http.get("/api/prices", b06.token()).text()).isEqualTo(list.text());
  }

  @Test
  void signedMeterReadingsAreSettledInRealTime() {
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b25, p.signed(b25, Community33.offerB25()));
    JsonNode early = readings(b06, "{\"load_kw\": [20, 35, 40, 80], \"pv_kw\": [0, 60, 80, 0]}");
    assertThat(p.http.post("/api/days/d1/readings", b06.token(), early).errorCode()).as("before clearing")
        .isEqualTo(4004);
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
    JsonNode asOffer = p.signed(b06, Community33.offerB06());
    assertThat(p.http.post("/api/days/d1/readings", b06.token(), asOffer).errorCode()).as("an offer is no reading")
        .isEqualTo(2002);

    // B06 used 20 kW more than it offered in interval 3: a shortfall of 20 kW times the interval's hours
    Http.Response accepted = p.http.post("/api/days/d1/readings", b06.token(), early);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    JsonNode readingProof = p.http.get("/api/receipts/" + accepted.body().get("receipt").asText(), b06.token()).body();
    assertThat(readingProof.get("kind").asText()).as(readingProof.toString()).isEqualTo("reading");
    assertThat(readingProof.get("anchor").asText()).isEqualTo(accepted.body().get("anchor").asText())
        .startsWith(accepted.body().get("ledger_seq").asLong() + ":");
    assertThat(p.http.get("/api/receipts/" + accepted.body().get("receipt").asText(), b25.token()).status())
        .as("another's reading receipt").isEqualTo(404);
    assertThat(p.http.post("/api/days/d1/readings", b06.token(), early).errorCode()).isEqualTo(3002);
    JsonNode forged = early.deepCopy();
    ((ObjectNode) forged.get("readings")).putArray("load_kw").add(1).add(1).add(1).add(1);
    assertThat(p.http.post("/api/days/d1/readings", b06.token(), forged).errorCode()).isEqualTo(3001);
    assertThat(p.http.post("/api/days/d1/realtime", b06.token(), "").status()).isEqualTo(403);

    Http.Response settled = p.http.post("/api/days/d1/realtime", p.dso, "");
    assertThat(settled.status()).as(settled.text()).isEqualTo(200);
    assertThat(settled.body().get("settled").asInt()).isEqualTo(2);
    assertThat(p.http.post("/api/days/d1/realtime", p.dso, "").errorCode()).isEqualTo(4012);
    assertThat(p.http.post("/api/days/d1/readings", b06.token(), readings(b06, "{\"load_kw\": 1}")).errorCode())
        .as("after the settlement").isEqualTo(4012);

    JsonNode own = p.http.get("/api/days/d1/participants/B06/realtime", b06.token()).body();
    assertThat(own.get("reading_receipt").asText()).isEqualTo(accepted.body().get("receipt").asText());
    JsonNode evening = own.get("intervals").get(3);
    double shortfallKwh = 20.0 * p.http.get("/api/days/d1", null).body().get("interval_minutes").asInt() / 60.0;
    assertThat(shortfallKwh).as("4 intervals of 6 h").isEqualTo(120.0);
    assertThat(evening.get("realtime_kwh").asDouble() - evening.get("day_ahead_kwh").asDouble())
        .isCloseTo(shortfallKwh, within(1e-6));
    assertThat(evening.get("deviation_kwh").asDouble()).isCloseTo(shortfallKwh, within(1e-6));
    assertThat(evening.get("deviation_amount").asDouble())
        .isCloseTo(shortfallKwh * evening.get("deviation_price").asDouble(), within(DELTA_MONEY));
    for (int t = 0; t < 3; t++) {
      assertThat(own.get("intervals").get(t).get("deviation_kwh").asDouble()).as("as offered").isCloseTo(0, within(1e-6));
    }
    assertThat(own.get("realtime_cost").asDouble()).isCloseTo(own.get("day_ahead_cost").asDouble()
        + own.get("deviation_payment").asDouble() + own.get("degradation_change").asDouble(), within(DELTA_MONEY));
    assertThat(own.get("deviation_payment").asDouble()).isGreaterThan(0);
    JsonNode b25Own = p.http.get("/api/days/d1/participants/B25/realtime", b25.token()).body();
    assertThat(b25Own.get("reading_receipt").isNull()).as("B25 sent no reading: as forecast").isTrue();
    assertThat(p.http.get("/api/days/d1/participants/B06/realtime", b25.token()).status()).isEqualTo(403);
    assertThat(p.http.get("/api/days/d1/participants/B06/realtime", p.dso).status()).isEqualTo(403);

    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("entries").asInt()).as("2 offers, clearing, 2 settlements, 1 reading, 2 real-time")
        .isEqualTo(8);
  }

  @Test
  void theOperatorSeesEveryProsumersRealtimeResultAndTheNettingSurplus() {
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b18, p.signed(b18, Community33.offerB18()));
    p.submit(b25, p.signed(b25, Community33.offerB25()));
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
    assertThat(p.http.get("/api/days/d1/realtime", p.dso).errorCode()).as("not settled yet").isEqualTo(4004);
    // in the evening (interval 3, 6 h) B06 takes 20 kW more than offered and B18 20 kW less: they net out
    assertThat(p.submitReadings(b06, "{\"load_kw\": [20, 35, 40, 80], \"pv_kw\": [0, 60, 80, 0]}").status())
        .isEqualTo(201);
    assertThat(p.submitReadings(b18, "{\"load_kw\": [15, 20, 25, 20]}").status()).isEqualTo(201);
    assertThat(p.http.post("/api/days/d1/realtime", p.dso, "").status()).isEqualTo(200);

    assertThat(p.http.get("/api/days/d1/realtime", b06.token()).status()).as("the operator's alone").isEqualTo(403);
    Http.Response answer = p.http.get("/api/days/d1/realtime", p.dso);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode view = answer.body();
    assertThat(view.get("currency").asText()).isEqualTo("INR");
    JsonNode rows = view.get("participants");
    assertThat(rows).hasSize(3);
    String[] costs = {"day_ahead_cost", "deviation_payment", "degradation_change", "realtime_cost"};
    double[] sums = new double[costs.length + 2];
    Prosumer[] who = {b06, b18, b25};
    for (int k = 0; k < 3; k++) {
      JsonNode row = rows.get(k);
      assertThat(row.get("participant").asText()).isEqualTo(who[k].id());
      JsonNode own = p.http.get("/api/days/d1/participants/" + who[k].id() + "/realtime", who[k].token()).body();
      for (int c = 0; c < costs.length; c++) {
        assertThat(row.get(costs[c]).asDouble()).as(who[k].id() + " " + costs[c]).isEqualTo(own.get(costs[c]).asDouble());
        sums[c] += row.get(costs[c]).asDouble();
      }
      sums[4] += row.get("shortfall_kwh").asDouble();
      sums[5] += row.get("surplus_kwh").asDouble();
    }
    assertThat(rows.get(0).get("reading").asBoolean()).isTrue();
    assertThat(rows.get(2).get("reading").asBoolean()).as("B25 sent none").isFalse();
    assertThat(rows.get(0).get("shortfall_kwh").asDouble()).isCloseTo(120.0, within(1e-6));
    assertThat(rows.get(0).get("surplus_kwh").asDouble()).isCloseTo(0.0, within(1e-6));
    assertThat(rows.get(1).get("surplus_kwh").asDouble()).isCloseTo(120.0, within(1e-6));
    assertThat(rows.get(1).get("shortfall_kwh").asDouble()).isCloseTo(0.0, within(1e-6));
    assertThat(rows.get(0).get("realtime_cost").asDouble()).as("B06 pays for its shortfall")
        .isGreaterThan(rows.get(0).get("day_ahead_cost").asDouble());
    assertThat(rows.get(1).get("realtime_cost").asDouble()).as("B18 is paid for its surplus")
        .isLessThan(rows.get(1).get("day_ahead_cost").asDouble());
    JsonNode totals = view.get("totals");
    for (int c = 0; c < costs.length; c++) {
      assertThat(totals.get(costs[c]).asDouble()).as("total " + costs[c]).isCloseTo(sums[c], within(DELTA_MONEY));
    }
    assertThat(totals.get("shortfall_kwh").asDouble()).isCloseTo(sums[4], within(1e-6));
    assertThat(totals.get("surplus_kwh").asDouble()).isCloseTo(sums[5], within(1e-6));

    JsonNode budget = view.get("budget");
    double payments = budget.get("deviation_payments").asDouble();
    assertThat(payments).as("deviation payments = utility's real-time bill + netting surplus").isCloseTo(
        budget.get("realtime_utility_bill").asDouble() + budget.get("netting_surplus").asDouble(), within(DELTA_MONEY));
    assertThat(budget.get("prosumers_deviation_payment").asDouble()).isCloseTo(sums[1], within(DELTA_MONEY));
    assertThat(budget.get("prosumers_deviation_payment").asDouble() + budget.get("others_deviation_payment").asDouble())
        .isCloseTo(payments, within(DELTA_MONEY));
    // at least 120 kWh netted in interval 3 at the default real-time spread 8 * 1.2 - 2.5 * 0.8 = 7.6 INR/kWh
    assertThat(budget.get("netting_surplus").asDouble()).isGreaterThanOrEqualTo(120 * 7.6 - DELTA_MONEY);
  }

  private JsonNode readings(Prosumer who, String series) {
    return p.signed(who, SignedBody.READINGS, Community33.json(series));
  }

  @Test
  void onDemandClearingUsesTheLatestOfferOnly() {
    p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": 999}")));
    p.clock.advance(Duration.ofSeconds(1));
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b18, p.signed(b18, Community33.offerB18()));
    assertThat(p.http.post("/api/days/d1/clear", b06.token(), "").status()).isEqualTo(403);
    Http.Response cleared = p.http.post("/api/days/d1/clear", p.dso, "");
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
    JsonNode view = p.http.get("/api/days/d1/clearing", p.dso).body();
    JsonNode own = p.http.get("/api/days/d1/participants/B06/result", b06.token()).body();
    double imported = 0;
    for (JsonNode row : own.get("schedule")) {
      imported += row.get("import_kw").asDouble();
    }
    assertThat(imported).as("the 999 kW offer was replaced").isLessThan(4 * 100);
    assertThat(view.get("buses")).hasSize(33);
    assertThat(view.get("bus_prices")).hasSize(4);
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").errorCode()).isEqualTo(4009);
    assertThat(p.http.get("/api/days/d1/participants/B25/result", b25.token()).errorCode())
        .as("B25 sent no offer").isEqualTo(4004);
  }

  @Test
  void refusedOffersLeaveNothingStored() {
    JsonNode good = p.signed(b06, Community33.offerB06());
    assertThat(p.submit(b06, good).status()).isEqualTo(201);

    Http.Response replay = p.submit(b06, good);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.errorCode()).isEqualTo(3002);
    assertThat(replay.body().at("/error/message").asText()).contains("nonce");

    ObjectNode forged = OfferSigner.sign(Ed25519Keys.generate().getPrivate(), "d1", "B06", "forged-nonce-000001",
        p.clock.instant(), Community33.offerB06());
    assertThat(p.submit(b06, forged).errorCode()).isEqualTo(3001);

    ObjectNode altered = (ObjectNode) p.signed(b06, Community33.offerB06()).deepCopy();
    ((ObjectNode) altered.get("offer")).putArray("pv_kw").add(0).add(600).add(800).add(0);
    assertThat(p.submit(b06, altered).errorCode()).as("a changed offer breaks its signature").isEqualTo(3001);

    ObjectNode stale = OfferSigner.sign(b06.keys().getPrivate(), "d1", "B06", "stale-nonce-0000001",
        p.clock.instant().minus(Duration.ofMinutes(6)), Community33.offerB06());
    Http.Response staleAnswer = p.submit(b06, stale);
    assertThat(staleAnswer.status()).isEqualTo(400);
    assertThat(staleAnswer.errorCode()).isEqualTo(3003);

    assertThat(p.submit(b25, p.signed(b06, Community33.offerB06())).status()).as("B25 posting B06's offer")
        .isEqualTo(403);
    assertThat(p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": [1, 2]}"))).errorCode()).isEqualTo(2004);
    assertThat(p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": 5, \"solar\": 1}"))).errorCode())
        .isEqualTo(2004);
    assertThat(p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": -5}"))).errorCode()).isEqualTo(2004);

    Http.Response malformed = p.http.post("/api/days/d1/offers", b06.token(), "{\"day\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(2001);
    assertThat(malformed.text()).doesNotContain("Exception", "at org.");
    Http.Response tooLarge = p.http.answerToAnnouncedBody("/api/days/d1/offers", b06.token(), 300 * 1024);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).as(tooLarge.text()).isEqualTo(2003);
    assertThat(p.http.post("/api/days/d1/offers", "pt_not-a-token", good).status()).isEqualTo(401);
    assertThat(p.http.post("/api/days/d1/offers", null, good).errorCode()).isEqualTo(1001);

    JsonNode participants = p.http.get("/api/days/d1/participants", p.dso).body();
    assertThat(participants.get(0).get("id").asText()).isEqualTo("B06");
    assertThat(participants.get(0).get("offers").asInt()).isEqualTo(1);
    assertThat(participants.get(1).get("offers").asInt()).isZero();
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("entries").asInt()).isEqualTo(1);
  }

  /** Two offers, cleared; the ledger is intact. Returns B18's settlement entry. */
  private long clearedDay() {
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b18, p.signed(b18, Community33.offerB18()));
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("intact").asBoolean()).isTrue();
    return p.server.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT seq FROM ledger WHERE kind = 'settlement' AND participant_id = 'B18'").mapTo(Long.class).one());
  }

  @Test
  void theLedgerHeadIsPublicAndIsTheLastEntry() {
    Http.Response empty = p.http.get("/api/ledger/head", null);
    assertThat(empty.status()).as(empty.text()).isEqualTo(200);
    assertThat(empty.body().get("seq").asLong()).isZero();
    assertThat(empty.body().get("entry_hash").asText()).isEqualTo(LedgerEntry.GENESIS);
    assertThat(empty.body().get("anchor").isNull()).as("an empty ledger anchors nothing").isTrue();

    clearedDay();
    Http.Response head = p.http.get("/api/ledger/head", null);
    assertThat(head.status()).as("no credential needed").isEqualTo(200);
    assertThat(head.text()).as("one answer a line when appended to a file").endsWith("}\n");
    List<LedgerEntry> chain = new Ledger(p.server.database().jdbi(), p.clock).all();
    LedgerEntry last = chain.get(chain.size() - 1);
    assertThat(last.seq()).as("2 offers, clearing, 2 settlements").isEqualTo(5);
    assertThat(head.body().get("seq").asLong()).isEqualTo(last.seq());
    assertThat(head.body().get("entry_hash").asText()).isEqualTo(last.entryHash());
    assertThat(head.body().get("recorded_at").asText()).isEqualTo(Instant.ofEpochMilli(last.recordedMs()).toString());
    assertThat(head.body().get("anchor").asText()).isEqualTo("5:" + last.entryHash());
    assertThat(p.http.get("/api/ledger/head", b06.token()).body()).as("the same for everyone").isEqualTo(head.body());
  }

  @Test
  void aHistoryRewrittenWithEveryHashRecomputedVerifiesButNotAgainstAnAnchorNotedBefore() {
    Http.Response offer = p.submit(b06, p.signed(b06, Community33.offerB06()));
    p.submit(b18, p.signed(b18, Community33.offerB18()));
    assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
    LedgerAnchor ownEntry = LedgerAnchor.parse(offer.body().get("anchor").asText());
    LedgerAnchor head = LedgerAnchor.parse(p.http.get("/api/ledger/head", null).body().get("anchor").asText());
    LedgerVerifier verifier = new LedgerVerifier(p.server.database().jdbi());
    assertThat(verifier.verify(List.of(ownEntry, head)).anchorsMatch()).as("before the rewrite").isTrue();

    // B06's bill made negative in its result and its settlement entry (seq 4), every hash from there recomputed
    long rewritten = LedgerRewrite.lowerSettledCost(p.server.database().jdbi(), "B06");
    assertThat(rewritten).isEqualTo(4);
    assertThat(p.http.get("/api/days/d1/participants/B06/result", b06.token()).text()).contains("\"cost\":-1");
    JsonNode plain = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(plain.get("intact").asBoolean()).as("the chain alone cannot tell: " + plain).isTrue();
    JsonNode newHead = p.http.get("/api/ledger/head", null).body();
    assertThat(newHead.get("seq").asLong()).isEqualTo(head.seq());
    assertThat(newHead.get("entry_hash").asText()).isNotEqualTo(head.entryHash());

    LedgerAnchor beyond = new LedgerAnchor(9, head.entryHash());
    LedgerVerification v = verifier.verify(List.of(ownEntry, head, beyond));
    assertThat(v.intact()).isTrue();
    assertThat(v.anchorsMatch()).isFalse();
    assertThat(v.anchors()).extracting(AnchorCheck::matches).as("entry 1 precedes the change").containsExactly(true,
        false, false);
    assertThat(v.anchors().get(1).storedHash()).isEqualTo(newHead.get("entry_hash").asText());
    assertThat(v.anchors().get(2).storedHash()).as("the chain ends at 5").isNull();
  }

  @Test
  void aResultChangedInTheDatabaseIsNamedByItsSettlementEntry() {
    long settlementSeq = clearedDay();
    // lower B18's bill in the result table, as an insider with database access might
    p.server.database().jdbi().useHandle(h -> h.createUpdate(
        "UPDATE result SET body = REPLACE(body, '\"cost\":', '\"cost\":-1') WHERE participant_id = 'B18'").execute());
    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).isFalse();
    assertThat(verify.get("first_broken_seq").asLong()).isEqualTo(settlementSeq);
    assertThat(verify.get("reason").asText()).contains("B18");
  }

  @Test
  void aLedgerRowRewrittenWithItsOwnPayloadHashBreaksTheChainThere() {
    long settlementSeq = clearedDay();
    var jdbi = p.server.database().jdbi();
    String forged = "{\"participant\":\"B18\",\"settlement\":{\"cost\":0}}";
    jdbi.useHandle(h -> h.createUpdate("UPDATE ledger SET payload = :p, payload_hash = :h WHERE seq = :s")
        .bind("p", forged).bind("h", Hashes.sha256(forged)).bind("s", settlementSeq).execute());
    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).isFalse();
    assertThat(verify.get("first_broken_seq").asLong()).isEqualTo(settlementSeq);
    assertThat(verify.get("reason").asText()).contains("do not hash");
  }

  @Test
  void anOfferChangedInTheDatabaseIsNamedByItsOfferEntry() {
    clearedDay();
    p.server.database().jdbi().useHandle(h -> h.createUpdate(
        "UPDATE offer SET envelope = REPLACE(envelope, '[0,60,80,0]', '[0,6,8,0]') WHERE participant_id = 'B06'")
        .execute());
    assertThat(p.server.market().store().offers("d1", "B06").get(0).envelope()).contains("[0,6,8,0]");
    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).isFalse();
    assertThat(verify.get("first_broken_seq").asLong()).isEqualTo(1);
    assertThat(verify.get("reason").asText()).contains("offer of B06");
  }

  @Test
  void aDeletedLatestOfferIsNamedByTheEntryLeftWithoutItsRow() {
    p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": 5}")));
    p.clock.advance(Duration.ofSeconds(1));
    long latest = p.submit(b06, p.signed(b06, Community33.offerB06())).body().get("ledger_seq").asLong();
    p.submit(b18, p.signed(b18, Community33.offerB18()));
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("intact").asBoolean()).isTrue();
    // an insider removes B06's latest offer, so that clearing would use its older one
    p.server.database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM offer WHERE ledger_seq = :s")
        .bind("s", latest).execute());
    JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(verify.get("intact").asBoolean()).isFalse();
    assertThat(verify.get("first_broken_seq").asLong()).isEqualTo(latest);
    assertThat(verify.get("reason").asText()).contains("offer of B06", "deleted");
  }

  @Test
  void aDeletedRowOfEachRecordedTableIsNamedByItsEntry() {
    long settlementB18 = clearedDay();
    assertThat(p.submitReadings(b06, "{\"load_kw\": [20, 35, 40, 80]}").status()).isEqualTo(201);
    assertThat(p.http.post("/api/days/d1/realtime", p.dso, "").status()).isEqualTo(200);
    var jdbi = p.server.database().jdbi();
    long clearing = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM ledger WHERE kind = 'clearing'")
        .mapTo(Long.class).one());
    long reading = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM ledger WHERE kind = 'reading'")
        .mapTo(Long.class).one());
    long realtimeB18 = jdbi.withHandle(h -> h.createQuery(
        "SELECT seq FROM ledger WHERE kind = 'realtime' AND participant_id = 'B18'").mapTo(Long.class).one());
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("intact").asBoolean()).isTrue();
    // deleted from the latest entry backwards, so that each deletion is the first broken link in turn
    record Deletion(String sql, long seq, String named) {}
    for (Deletion d : List.of(
        new Deletion("DELETE FROM realtime_result WHERE participant_id = 'B18'", realtimeB18, "realtime of B18"),
        new Deletion("DELETE FROM meter_reading", reading, "reading of B06"),
        new Deletion("DELETE FROM result WHERE participant_id = 'B18'", settlementB18, "settlement of B18"),
        new Deletion("DELETE FROM day_clearing", clearing, "clearing of day d1"))) {
      jdbi.useHandle(h -> h.createUpdate(d.sql()).execute());
      JsonNode verify = p.http.get("/api/ledger/verify", p.dso).body();
      assertThat(verify.get("intact").asBoolean()).as(d.sql()).isFalse();
      assertThat(verify.get("first_broken_seq").asLong()).as(d.sql()).isEqualTo(d.seq());
      assertThat(verify.get("reason").asText()).as(d.sql()).contains(d.named(), "deleted");
    }
  }

  @Test
  void anOlderOffersSignedTimeMovedForwardOrACopiedRowIsNamed() {
    long older = p.submit(b06, p.signed(b06, Community33.json("{\"load_kw\": 5}"))).body().get("ledger_seq").asLong();
    p.clock.advance(Duration.ofSeconds(1));
    p.submit(b06, p.signed(b06, Community33.offerB06()));
    var jdbi = p.server.database().jdbi();
    // the older offer made the latest by its column, not by what was signed
    jdbi.useHandle(h -> h.createUpdate("UPDATE offer SET signed_ms = signed_ms + 60000 WHERE ledger_seq = :s")
        .bind("s", older).execute());
    JsonNode moved = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(moved.get("intact").asBoolean()).isFalse();
    assertThat(moved.get("first_broken_seq").asLong()).isEqualTo(older);
    assertThat(moved.get("reason").asText()).contains("offer of B06", "signed time");
    jdbi.useHandle(h -> h.createUpdate("UPDATE offer SET signed_ms = signed_ms - 60000 WHERE ledger_seq = :s")
        .bind("s", older).execute());
    assertThat(p.http.get("/api/ledger/verify", p.dso).body().get("intact").asBoolean()).isTrue();
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO offer (day_id, participant_id, nonce, signed_ms, received_ms,"
        + " envelope, receipt, ledger_seq) SELECT day_id, participant_id, 'copied-nonce-000001', signed_ms, received_ms,"
        + " envelope, :receipt, ledger_seq FROM offer WHERE ledger_seq = :s").bind("s", older)
        .bind("receipt", "f".repeat(64)).execute());
    JsonNode copied = p.http.get("/api/ledger/verify", p.dso).body();
    assertThat(copied.get("intact").asBoolean()).isFalse();
    assertThat(copied.get("first_broken_seq").asLong()).isEqualTo(older);
  }

  @Test
  void aReceiptIsCheckedAgainstItsOwnEntryAndTheHeadWithoutWalkingTheChain() {
    Http.Response offer = p.submit(b06, p.signed(b06, Community33.offerB06()));
    String receipt = offer.body().get("receipt").asText();
    long settlementB18 = clearedDay();
    var jdbi = p.server.database().jdbi();
    List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
    jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
      @Override
      public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
        statements.add(context.getRenderedSql());
      }
    });
    // another participant's entry broken: not this receipt's business, and finding it would need the whole chain
    jdbi.useHandle(h -> h.createUpdate("UPDATE ledger SET payload = 'x' WHERE seq = :s").bind("s", settlementB18)
        .execute());
    statements.clear();
    JsonNode proof = p.http.get("/api/receipts/" + receipt, b06.token()).body();
    assertThat(proof.get("entry_intact").asBoolean()).as(proof.toString()).isTrue();
    assertThat(statements).as("key lookups only, no table scan").isNotEmpty()
        .allSatisfy(sql -> assertThat(sql).containsIgnoringCase("WHERE"));

    // its own entry changed: found from the entry alone
    jdbi.useHandle(h -> h.createUpdate("UPDATE ledger SET recorded_ms = recorded_ms + 1 WHERE payload_hash = :r")
        .bind("r", receipt).execute());
    JsonNode changed = p.http.get("/api/receipts/" + receipt, b06.token()).body();
    assertThat(changed.get("entry_hash_matches").asBoolean()).isFalse();
    assertThat(changed.get("entry_intact").asBoolean()).isFalse();
    jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {});
  }

  @Test
  void registrationChecksBusKeyAndDuplicates() {
    String key = Ed25519Keys.encode(Ed25519Keys.generate().getPublic());
    assertThat(p.http.post("/api/days/d1/participants", p.dso, Map.of("id", "X", "bus", 99, "public_key", key))
        .errorCode()).isEqualTo(2002);
    assertThat(p.http.post("/api/days/d1/participants", p.dso, Map.of("id", "X", "bus", 5, "public_key", "abc"))
        .errorCode()).isEqualTo(2002);
    assertThat(p.http.post("/api/days/d1/participants", p.dso, Map.of("id", "B06", "bus", 5, "public_key", key))
        .errorCode()).isEqualTo(4006);
    assertThat(p.http.post("/api/days/d1/participants", b06.token(), Map.of("id", "Y", "bus", 5, "public_key", key))
        .status()).isEqualTo(403);
    assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).errorCode())
        .isEqualTo(4002);
    Map<String, Object> badMechanism = new java.util.HashMap<>(Community33.openDay("d2", TestPlatform.GATE));
    badMechanism.put("mechanism", "auction");
    assertThat(p.http.post("/api/days", p.dso, badMechanism).errorCode()).isEqualTo(4008);
    Map<String, Object> badScenario = new java.util.HashMap<>(Community33.openDay("d3", TestPlatform.GATE));
    badScenario.put("scenario", Community33.scenario().replace("vmin_pu", "vminimum"));
    Http.Response refused = p.http.post("/api/days", p.dso, badScenario);
    assertThat(refused.errorCode()).isEqualTo(4007);
    assertThat(refused.body().at("/error/message").asText()).contains("vminimum");
  }
}
