package org.peergrid.platform.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.radial.FeederLayout;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * What the operator's dashboard draws the feeder from: the {@link FeederLayout} that the run report
 * draws too (columns, rows, each bus with its parent, column and row), each bus's price per interval
 * once the day is cleared, and the registered participants at their buses.
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

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored operator view is not JSON", e);
    }
  }
}
