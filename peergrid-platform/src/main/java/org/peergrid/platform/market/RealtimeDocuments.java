package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peergrid.market.realtime.DeviationRow;
import org.peergrid.market.realtime.ParticipantRealtimeCost;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.Building;
import org.peergrid.platform.store.OfferRecord;

/**
 * The two views of a day settled in real time, as JSON text stored once: each prosumer's own result
 * (its costs and its deviation in every interval), and the operator's view (every prosumer's costs
 * and deviations, their totals, and the settlement's budget: deviation payments = the utility's
 * real-time bill + the netting surplus that stays with the operator). Units: kWh, money.
 */
final class RealtimeDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COSTS = List.of("day_ahead_cost", "deviation_payment", "degradation_change",
      "realtime_cost");
  private static final List<String> TOTALLED = List.of("day_ahead_cost", "deviation_payment", "degradation_change",
      "realtime_cost", "shortfall_kwh", "surplus_kwh");

  private RealtimeDocuments() {}

  /** One prosumer's own result; {@code reading} is its latest reading, null when it sent none. */
  static String participantResult(String dayId, String id, String currency, TwoSettlementResult settlement,
      OfferRecord reading) {
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("participant", id).put("currency", currency)
        .put("reading_receipt", reading == null ? null : reading.receipt());
    costs(doc, settlement.participant(id));
    ArrayNode rows = doc.putArray("intervals");
    for (DeviationRow r : rows(settlement, id)) {
      rows.addObject().put("interval", r.interval()).put("day_ahead_kwh", r.dayAheadKwh())
          .put("realtime_kwh", r.realtimeKwh()).put("deviation_kwh", r.deviationKwh())
          .put("deviation_price", r.deviationPrice()).put("deviation_amount", r.deviationAmount());
    }
    return doc.toString();
  }

  /**
   * The operator's view: one row per prosumer (in {@code prosumers}' order) with its costs, the
   * energy it took beyond its day-ahead position (shortfall) and gave beyond it (surplus) over the day;
   * their totals; and the settlement's budget, with the deviation payments of the scenario's own
   * generators and community batteries apart.
   */
  static String operatorView(String dayId, String currency, List<Building> prosumers, TwoSettlementResult settlement,
      Map<String, OfferRecord> readings) {
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("currency", currency);
    ArrayNode rows = doc.putArray("participants");
    double[] totals = new double[TOTALLED.size()];
    for (Building b : prosumers) {
      ObjectNode row = rows.addObject().put("participant", b.id()).put("bus", b.bus())
          .put("reading", readings.containsKey(b.id()));
      costs(row, settlement.participant(b.id()));
      double shortfall = 0;
      double surplus = 0;
      for (DeviationRow r : rows(settlement, b.id())) {
        shortfall += Math.max(0, r.deviationKwh());
        surplus += Math.max(0, -r.deviationKwh());
      }
      row.put("shortfall_kwh", shortfall).put("surplus_kwh", surplus);
      for (int k = 0; k < totals.length; k++) {
        totals[k] += row.get(TOTALLED.get(k)).doubleValue();
      }
    }
    ObjectNode sums = doc.putObject("totals");
    for (int k = 0; k < totals.length; k++) {
      sums.put(TOTALLED.get(k), totals[k]);
    }
    Set<String> ids = Set.copyOf(prosumers.stream().map(Building::id).toList());
    double others = settlement.participants().stream().filter(p -> !ids.contains(p.participant()))
        .mapToDouble(ParticipantRealtimeCost::deviationPayment).sum();
    doc.putObject("budget").put("deviation_payments", settlement.deviationPayments())
        .put("prosumers_deviation_payment", sums.get("deviation_payment").doubleValue())
        .put("others_deviation_payment", others)
        .put("realtime_utility_bill", settlement.realtimeUtilityBill())
        .put("netting_surplus", settlement.nettingSurplus());
    return doc.toString();
  }

  private static void costs(ObjectNode node, ParticipantRealtimeCost cost) {
    node.put(COSTS.get(0), cost.dayAheadCost()).put(COSTS.get(1), cost.deviationPayment())
        .put(COSTS.get(2), cost.degradationChange()).put(COSTS.get(3), cost.realtimeCost());
  }

  private static List<DeviationRow> rows(TwoSettlementResult settlement, String id) {
    return settlement.rows().stream().filter(r -> r.participant().equals(id)).toList();
  }
}
