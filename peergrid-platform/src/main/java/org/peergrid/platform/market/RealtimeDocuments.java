package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peergrid.market.realtime.DeviationRow;
import org.peergrid.market.realtime.ParticipantRealtimeCost;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.platform.store.OfferRecord;

/**
 * The two views of a day settled in real time, as JSON text stored once: each prosumer's own result
 * (its costs and its deviation in every interval), and the operator's view (every prosumer's costs
 * and deviations, their totals, and the settlement's budget: deviation payments = the utility's
 * real-time bill + the netting surplus that stays with the operator). Units: kWh, money.
 */
final class RealtimeDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TOTALLED = List.of("day_ahead_cost", "deviation_payment", "degradation_change",
      "realtime_cost", "shortfall_kwh", "surplus_kwh");

  private final String dayId;
  private final String currency;
  private final TwoSettlementResult settlement;
  /** Each participant's deviation rows, grouped once rather than searched for every participant. */
  private final Map<String, List<DeviationRow>> rowsByParticipant;

  RealtimeDocuments(String dayId, String currency, TwoSettlementResult settlement) {
    this.dayId = dayId;
    this.currency = currency;
    this.settlement = settlement;
    this.rowsByParticipant = settlement.rows().stream().collect(Collectors.groupingBy(DeviationRow::participant));
  }

  /** One prosumer's own result; {@code reading} is its latest reading, null when it sent none. */
  String participantResult(String id, OfferRecord reading) {
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("participant", id).put("currency", currency)
        .put("reading_receipt", reading == null ? null : reading.receipt());
    costs(doc, settlement.participant(id));
    ArrayNode rows = doc.putArray("intervals");
    for (DeviationRow r : rows(id)) {
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
   *
   * @param connections on a three-phase day each prosumer's bus name and phases (its {@code bus} and
   *     {@code phases}); empty on a MATPOWER day, whose {@code bus} is the bus number
   */
  String operatorView(List<Building> prosumers, Map<String, OfferRecord> readings,
      Map<String, PhaseConnection> connections) {
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("currency", currency);
    ArrayNode rows = doc.putArray("participants");
    double[] totals = new double[TOTALLED.size()];
    for (Building b : prosumers) {
      ObjectNode row = rows.addObject().put("participant", b.id());
      PhaseConnection at = connections.get(b.id());
      if (at == null) {
        row.put("bus", b.bus());
      } else {
        row.put("bus", at.bus());
        ArrayNode phases = row.putArray("phases");
        at.nodes().forEach(node -> phases.add(PhaseConnection.letter(node)));
      }
      row.put("reading", readings.containsKey(b.id()));
      costs(row, settlement.participant(b.id()));
      double shortfall = 0;
      double surplus = 0;
      for (DeviationRow r : rows(b.id())) {
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
    node.put("day_ahead_cost", cost.dayAheadCost()).put("deviation_payment", cost.deviationPayment())
        .put("degradation_change", cost.degradationChange()).put("realtime_cost", cost.realtimeCost());
  }

  private List<DeviationRow> rows(String id) {
    return rowsByParticipant.getOrDefault(id, List.of());
  }
}
