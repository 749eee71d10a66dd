package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.PhasePrice;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * The three views of a cleared three-phase day ({@link ClearingDocuments} for a MATPOWER day), from the
 * clearing that {@code peergrid clear} runs on such a day ({@link ThreePhaseMarket}): each participant's
 * own result with its bus, its phases and each phase's DLMP; the public aggregate prices over every phase
 * node; and the operator's view with the price of every bus and phase, the AC check and the settlement
 * table. The phase nodes priced are those of phase_prices.csv (every phase node to ground but the
 * source's). Units as in docs/formats.md.
 */
final class ThreePhaseClearingDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ThreePhaseClearingDocuments() {}

  /** A phase node that is priced: its bus, its phase letter and its index among the clearing's priced ports. */
  private record PricedNode(String bus, String phase, int port) {}

  static Map<String, String> participantResults(String dayId, String mechanism, ThreePhaseMarket market,
      SettlementResult settlement, Map<String, String> receipts) {
    ThreePhaseScenario s = market.clearing().scenario();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < s.participants().size(); i++) {
      if (!(s.participants().get(i) instanceof Building b)) {
        continue;
      }
      ParticipantDay d = market.day().participants().get(i);
      PhaseConnection at = s.connection(b.id());
      ObjectNode doc = JSON.createObjectNode();
      doc.put("day", dayId).put("participant", b.id()).put("bus", at.bus());
      ArrayNode phases = doc.putArray("phases");
      at.nodes().forEach(n -> phases.add(PhaseConnection.letter(n)));
      doc.put("mechanism", mechanism).put("currency", s.currency())
          .put("interval_minutes", s.horizon().intervalMinutes()).put("receipt", receipts.get(b.id()));
      ArrayNode rows = doc.putArray("schedule");
      for (int t = 0; t < s.horizon().intervals(); t++) {
        ObjectNode r = rows.addObject();
        r.put("interval", t).put("import_kw", Math.max(0, -d.netKw()[t])).put("export_kw", Math.max(0, d.netKw()[t]))
            .put("charge_kw", d.chargeKw()[t]).put("discharge_kw", d.dischargeKw()[t])
            .put("shifted_kw", d.shiftedKw()[t]).put("generation_kw", b.renewableKw(t) - d.curtailedKw()[t])
            .put("curtailed_kw", d.curtailedKw()[t]).put("bus_price", d.price()[t]);
        ObjectNode phasePrices = r.putObject("phase_prices");
        for (int node : at.nodes()) {
          phasePrices.put(PhaseConnection.letter(node), phaseDlmp(market, at.bus(), node, t));
        }
        if (b.battery().isPresent()) {
          r.put("soc_kwh", d.energyKwh()[t]);
        }
      }
      doc.set("settlement", ClearingDocuments.settlementNode(settlement.participant(b.id())));
      out.put(b.id(), doc.toString());
    }
    return out;
  }

  /** The DLMP at node {@code number} of {@code bus}, phase to ground, in interval t [money/kWh]. */
  static double phaseDlmp(ThreePhaseMarket market, String bus, int number, int t) {
    int port = market.clearing().pricedPorts().indexOf(market.clearing().model().wye(bus, number));
    return market.day().intervals().get(t).prices().get(port).dlmp();
  }

  static String publicPrices(String dayId, String mechanism, ThreePhaseMarket market) {
    ThreePhaseScenario s = market.clearing().scenario();
    List<PricedNode> nodes = pricedNodes(market);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("day", dayId).put("mechanism", mechanism).put("currency", s.currency())
        .put("interval_minutes", s.horizon().intervalMinutes());
    ArrayNode rows = doc.putArray("intervals");
    for (int t = 0; t < s.horizon().intervals(); t++) {
      List<PhasePrice> prices = market.day().intervals().get(t).prices();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (PricedNode n : nodes) {
        double dlmp = prices.get(n.port()).dlmp();
        min = Math.min(min, dlmp);
        max = Math.max(max, dlmp);
        sum += dlmp;
      }
      rows.addObject().put("interval", t).put("import_tariff", s.tariff().importPrice().get(t))
          .put("export_tariff", s.tariff().exportPrice().get(t)).put("price_min", min)
          .put("price_mean", sum / nodes.size()).put("price_max", max);
    }
    int nt = s.horizon().intervals();
    double[] injected = new double[nt];
    double[] withdrawn = new double[nt];
    for (ParticipantDay d : market.day().participants()) {
      for (int t = 0; t < nt; t++) {
        injected[t] += Math.max(0, d.netKw()[t]);
        withdrawn[t] += Math.max(0, -d.netKw()[t]);
      }
    }
    doc.put("energy_traded_kwh", ClearingDocuments.tradedKwh(s.horizon().hours(), injected, withdrawn));
    return doc.toString();
  }

  static String operatorView(String dayId, String mechanism, ThreePhaseMarket market, SettlementResult settlement) {
    ThreePhaseScenario s = market.clearing().scenario();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("day", dayId).put("mechanism", mechanism).put("currency", s.currency()).put("three_phase", true)
        .put("base_cost", settlement.baseCost()).put("total_cost", settlement.totalCost())
        .put("savings", settlement.savings()).put("dso_surplus", settlement.dsoSurplus());
    doc.putObject("ac_check").put("passed", market.acPassed()).put("clearings", market.rounds())
        .put("worst_violation_pu", market.worstViolationPu());
    List<PricedNode> nodes = pricedNodes(market);
    ArrayNode nodeList = doc.putArray("nodes");
    nodes.forEach(n -> nodeList.addObject().put("bus", n.bus()).put("phase", n.phase()));
    ArrayNode prices = doc.putArray("phase_prices");
    ArrayNode energy = doc.putArray("energy_price");
    for (ThreePhaseClearingResult interval : market.day().intervals()) {
      ArrayNode row = prices.addArray();
      nodes.forEach(n -> row.add(interval.prices().get(n.port()).dlmp()));
      energy.add(interval.prices().get(0).energy()); // λ_t, the same at every port: the source's price
    }
    ArrayNode participants = doc.putArray("participants");
    for (int i = 0; i < s.participants().size(); i++) {
      Participant p = s.participants().get(i);
      PhaseConnection at = s.connection(p.id());
      ObjectNode node = participants.addObject().put("id", p.id()).put("type", p.typeName()).put("bus", at.bus());
      ArrayNode phases = node.putArray("phases");
      at.nodes().forEach(n -> phases.add(PhaseConnection.letter(n)));
      node.setAll(ClearingDocuments.settlementNode(settlement.participant(p.id())));
      if (p instanceof CommunityBattery || p instanceof Building b && b.battery().isPresent()) {
        ArrayNode soc = node.putArray("soc_kwh");
        for (double v : market.day().participants().get(i).energyKwh()) {
          soc.add(v);
        }
      }
    }
    return doc.toString();
  }

  /**
   * Every phase node to ground of every bus but the source's, in the clearing's order (phase_prices.csv's
   * rows); a delta-connected feeder load's port is priced for the DSO's accounts only and left out.
   */
  private static List<PricedNode> pricedNodes(ThreePhaseMarket market) {
    PhaseNetwork net = market.clearing().model().network();
    List<LinDist3Flow.Port> ports = market.clearing().pricedPorts();
    List<PhasePrice> first = market.day().intervals().get(0).prices();
    List<PricedNode> nodes = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).minus() < 0) {
        nodes.add(new PricedNode(first.get(i).bus(), PhaseConnection.letter(net.nodeNumbers()[ports.get(i).plus()]),
            i));
      }
    }
    return nodes;
  }
}
