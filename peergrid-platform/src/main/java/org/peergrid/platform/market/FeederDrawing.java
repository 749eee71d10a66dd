package org.peergrid.platform.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.platform.store.ParticipantRecord;

/**
 * What the operator's dashboard draws the feeder from: each bus with its parent, its place in the
 * {@link FeederLayout} and, once the day is cleared, its price per interval; and the registered
 * participants at their buses.
 */
public final class FeederDrawing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeederDrawing() {}

  public static ObjectNode of(String dayId, Scenario scenario, Optional<String> operatorView,
      List<ParticipantRecord> participants) {
    RadialNetwork radial = scenario.network().radial();
    int[] parent = new int[radial.busCount()];
    for (int k = 0; k < parent.length; k++) {
      parent[k] = radial.parent(k);
    }
    FeederLayout layout = FeederLayout.of(parent);
    JsonNode prices = operatorView.map(FeederDrawing::read).map(v -> v.get("bus_prices")).orElse(null);
    ObjectNode doc = JSON.createObjectNode().put("day", dayId).put("currency", scenario.currency())
        .put("intervals", scenario.horizon().intervals()).put("cleared", prices != null);
    ArrayNode buses = doc.putArray("buses");
    for (int k = 0; k < parent.length; k++) {
      ObjectNode bus = buses.addObject().put("bus", radial.busNumber(k)).put("x", layout.x()[k])
          .put("y", layout.y()[k]);
      if (k == 0) {
        bus.putNull("parent");
      } else {
        bus.put("parent", radial.busNumber(parent[k]));
      }
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
