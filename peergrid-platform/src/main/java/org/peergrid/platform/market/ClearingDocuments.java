package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * The three views of a cleared day, as JSON text stored once at clearing: each participant's own
 * result (schedule, its bus price, settlement), the public aggregate prices and energy traded (no
 * bus or participant is identifiable), and the operator's view (every bus price, the feeder's tree, batteries and the
 * settlement table). Units as in docs/formats.md: kW, kWh, money per kWh.
 */
final class ClearingDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClearingDocuments() {}

  static Map<String, String> participantResults(String dayId, String mechanism, Scenario s, DispatchSolution sol,
      SettlementResult settlement, Map<String, String> receipts) {
    RadialNetwork radial = s.network().radial();
    BusSeries dlmp = sol.prices().dlmp();
    Map<String, String> out = new LinkedHashMap<>();
    for (Building b : s.buildings()) {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("day", dayId).put("participant", b.id()).put("bus", b.bus()).put("mechanism", mechanism)
          .put("currency", s.currency()).put("interval_minutes", s.horizon().intervalMinutes())
          .put("receipt", receipts.get(b.id()));
      ParticipantSchedule x = sol.schedule(b.id());
      int k = radial.indexOf(b.bus());
      ArrayNode rows = doc.putArray("schedule");
      for (int t = 0; t < s.horizon().intervals(); t++) {
        ObjectNode r = rows.addObject();
        r.put("interval", t).put("import_kw", x.importKw().get(t)).put("export_kw", x.exportKw().get(t))
            .put("charge_kw", x.chargeKw().get(t)).put("discharge_kw", x.dischargeKw().get(t))
            .put("shifted_kw", x.shiftedKw().get(t)).put("generation_kw", x.generationKw().get(t))
            .put("curtailed_kw", x.curtailedKw().get(t)).put("bus_price", dlmp.get(t, k));
        if (b.battery().isPresent()) {
          r.put("soc_kwh", x.socKwh().get(t));
        }
      }
      doc.set("settlement", settlementNode(settlement.participant(b.id())));
      out.put(b.id(), doc.toString());
    }
    return out;
  }

  static String publicPrices(String dayId, String mechanism, Scenario s, DispatchSolution sol) {
    BusSeries dlmp = sol.prices().dlmp();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("day", dayId).put("mechanism", mechanism).put("currency", s.currency())
        .put("interval_minutes", s.horizon().intervalMinutes());
    ArrayNode rows = doc.putArray("intervals");
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int k = 0; k < dlmp.buses(); k++) {
        min = Math.min(min, dlmp.get(t, k));
        max = Math.max(max, dlmp.get(t, k));
        sum += dlmp.get(t, k);
      }
      rows.addObject().put("interval", t).put("import_tariff", s.tariff().importPrice().get(t))
          .put("export_tariff", s.tariff().exportPrice().get(t)).put("price_min", min)
          .put("price_mean", sum / dlmp.buses()).put("price_max", max);
    }
    doc.put("energy_traded_kwh", energyTradedKwh(s, sol));
    return doc.toString();
  }

  /**
   * The energy the participants traded among themselves over the day: in each interval, what the
   * injecting participants gave (the sum of their net injections S) met what the withdrawing ones took
   * (D) up to min(S, D); the rest went to or came from the substation. Line losses are left out. An
   * aggregate of the community, public with the prices; with only two participants it bounds what each
   * traded.
   */
  static double energyTradedKwh(Scenario s, DispatchSolution sol) {
    int nt = s.horizon().intervals();
    double[] injected = new double[nt];
    double[] withdrawn = new double[nt];
    for (int t = 0; t < nt; t++) {
      for (Participant p : s.participants()) {
        ParticipantSchedule x = sol.schedule(p.id());
        injected[t] += x.exportKw().get(t);
        withdrawn[t] += x.importKw().get(t);
      }
    }
    return tradedKwh(s.horizon().intervalMinutes() / 60.0, injected, withdrawn);
  }

  /**
   * The energy traded among the participants [kWh]: per interval the smaller of what they injected and what
   * they withdrew in all [kW], over intervals of {@code hours}.
   */
  static double tradedKwh(double hours, double[] injectedKw, double[] withdrawnKw) {
    double traded = 0;
    for (int t = 0; t < injectedKw.length; t++) {
      traded += Math.min(injectedKw[t], withdrawnKw[t]) * hours;
    }
    return traded;
  }

  static String operatorView(String dayId, String mechanism, Scenario s, DispatchSolution sol,
      SettlementResult settlement) {
    RadialNetwork radial = s.network().radial();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("day", dayId).put("mechanism", mechanism).put("currency", s.currency())
        .put("base_cost", settlement.baseCost()).put("total_cost", settlement.totalCost())
        .put("savings", settlement.savings()).put("dso_surplus", settlement.dsoSurplus());
    ArrayNode buses = doc.putArray("buses");
    ArrayNode parents = doc.putArray("parents");
    for (int k = 0; k < radial.busCount(); k++) {
      buses.add(radial.busNumber(k));
      parents.add(k == 0 ? -1 : radial.busNumber(radial.parent(k)));
    }
    ArrayNode prices = doc.putArray("bus_prices");
    BusSeries dlmp = sol.prices().dlmp();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      ArrayNode row = prices.addArray();
      for (int k = 0; k < radial.busCount(); k++) {
        row.add(dlmp.get(t, k));
      }
    }
    ArrayNode participants = doc.putArray("participants");
    for (Participant p : s.participants()) {
      ObjectNode node = participants.addObject().put("id", p.id()).put("type", p.typeName()).put("bus", p.bus());
      node.setAll(settlementNode(settlement.participant(p.id())));
      boolean battery = p instanceof CommunityBattery || p instanceof Building b && b.battery().isPresent();
      if (battery) {
        ArrayNode soc = node.putArray("soc_kwh");
        for (double v : sol.schedule(p.id()).socKwh().values()) {
          soc.add(v);
        }
      }
    }
    return doc.toString();
  }

  static ObjectNode settlementNode(ParticipantSettlement p) {
    ObjectNode n = JSON.createObjectNode();
    p.baseCost().ifPresent(v -> n.put("base_cost", v));
    n.put("cost", p.cost());
    p.savings().ifPresent(v -> n.put("savings", v));
    n.put("individually_rational", p.individuallyRational());
    return n;
  }
}
