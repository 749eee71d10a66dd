package org.peergrid.platform.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.radial.FeederLayout;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * What the operator's dashboard draws the feeder from: the {@link FeederLayout} that the run report
 * draws too (columns, rows, each bus with its parent, column and row), each bus's price per interval
 * once the day is cleared, and the registered participants at their buses; on a three-phase day
 * ({@link #ofThreePhase}) by bus index with each bus's name and its phases' prices.
 */
public final class FeederDrawing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeederDrawing() {}

  public static ObjectNode of(String dayId, Scenario scenario, Optional<String> operatorView,
      List<ParticipantRecord> participants) {
    FeederLayout layout = FeederLayout.of(scenario.network().radial());
    JsonNode prices = operatorView.map(FeederDrawing::read).map(v -> v.get("bus_prices")).orElse(null);
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("currency", scenario.currency())
        .put("intervals", scenario.horizon().intervals()).put("cleared", prices != null);
    doc.setAll((ObjectNode) JSON.valueToTree(layout));
    ArrayNode buses = (ArrayNode) doc.get("buses");
    for (int k = 0; k < buses.size(); k++) {
      ObjectNode bus = (ObjectNode) buses.get(k);
      if (prices == null) {
        bus.putNull("prices");
      } else {
        ArrayNode own = bus.putArray("prices");
        for (JsonNode row : prices) {
          own.add(row.get(k).asDouble());
        }
      }
    }
    ArrayNode who = doc.putArray("participants");
    participants.forEach(p -> who.addObject().put("id", p.id()).put("bus", p.bus()));
    return doc;
  }

  /**
   * A three-phase day's feeder (the run report's three-phase map draws it the same way): the layout of its
   * buses by index, each with its OpenDSS {@code name}; once cleared each bus's {@code phase_prices} (phase
   * letter to its DLMP per interval) and {@code prices}, the mean of its phases' DLMPs per interval (the
   * source bus, which has no priced phase node, at the energy price λ_t); the participants at their bus's
   * index, with their phases.
   */
  public static ObjectNode ofThreePhase(String dayId, ThreePhaseScenario scenario, Optional<String> operatorView,
      List<ParticipantRecord> participants) {
    PhaseNetwork net = scenario.network().feeder();
    int[] indices = new int[net.busCount()];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = k;
    }
    FeederLayout layout = FeederLayout.of(net.parent(), indices);
    JsonNode view = operatorView.map(FeederDrawing::read).orElse(null);
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("currency", scenario.currency())
        .put("intervals", scenario.horizon().intervals()).put("cleared", view != null).put("three_phase", true);
    doc.setAll((ObjectNode) JSON.valueToTree(layout));
    ArrayNode buses = (ArrayNode) doc.get("buses");
    for (int k = 0; k < buses.size(); k++) {
      ObjectNode bus = (ObjectNode) buses.get(k);
      bus.put("name", net.busNames()[k]);
      if (view == null) {
        bus.putNull("prices");
        bus.putNull("phase_prices");
        continue;
      }
      ObjectNode phases = bus.putObject("phase_prices");
      JsonNode nodes = view.get("nodes");
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i).get("bus").asText().equals(net.busNames()[k])) {
          ArrayNode series = phases.putArray(nodes.get(i).get("phase").asText());
          for (JsonNode row : view.get("phase_prices")) {
            series.add(row.get(i).asDouble());
          }
        }
      }
      ArrayNode mean = bus.putArray("prices");
      for (int t = 0; t < scenario.horizon().intervals(); t++) {
        double sum = 0;
        for (JsonNode series : phases) {
          sum += series.get(t).asDouble();
        }
        mean.add(phases.isEmpty() ? view.get("energy_price").get(t).asDouble() : sum / phases.size());
      }
    }
    ArrayNode who = doc.putArray("participants");
    participants.forEach(p -> {
      ObjectNode row = who.addObject().put("id", p.id()).put("bus", p.bus());
      ArrayNode phases = row.putArray("phases");
      scenario.connection(p.id()).nodes().forEach(n -> phases.add(PhaseConnection.letter(n)));
    });
    return doc;
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored operator view is not JSON", e);
    }
  }
}
