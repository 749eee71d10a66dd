package org.peergrid.platform.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.peergrid.platform.store.DayRecord;

/**
 * A market day as the public landing view lists it: what the public day status already tells (state,
 * mechanism, gate closure, intervals, number of participants; not the status message, which may name
 * participants) and, once cleared, the day's aggregate prices from its public price document: the
 * lowest and highest bus price over all intervals, the mean of the intervals' mean bus prices (every
 * interval is as long) and the energy traded among the participants. Nothing of a single bus,
 * participant or offer.
 */
public final class PublicDays {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PublicDays() {}

  /**
   * One day's row.
   *
   * @param publicPrices the day's stored public price document, present once cleared
   */
  public static ObjectNode row(DayRecord day, MarketService.DayShape shape, int participants, Optional<String> publicPrices) {
    ObjectNode row = JSON.createObjectNode().put("id", day.id()).put("state", day.state().name().toLowerCase())
        .put("mechanism", day.mechanism()).put("gate_closure", Instant.ofEpochMilli(day.gateClosureMs()).toString())
        .put("intervals", shape.intervals())
        .put("interval_minutes", shape.intervalMinutes()).put("currency", shape.currency())
        .put("participants", participants);
    row.put("cleared_at", day.clearedMs() == null ? null : Instant.ofEpochMilli(day.clearedMs()).toString());
    JsonNode prices = publicPrices.map(PublicDays::read).orElse(null);
    if (prices == null || prices.path("intervals").isEmpty()) {
      row.putNull("price_min").putNull("price_mean").putNull("price_max").putNull("energy_traded_kwh");
      return row;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (JsonNode interval : prices.get("intervals")) {
      min = Math.min(min, interval.get("price_min").asDouble());
      max = Math.max(max, interval.get("price_max").asDouble());
      sum += interval.get("price_mean").asDouble();
    }
    row.put("price_min", min).put("price_mean", sum / prices.get("intervals").size()).put("price_max", max);
    // days cleared before the public document carried it have no traded energy: null, not a guess
    JsonNode traded = prices.get("energy_traded_kwh");
    if (traded == null || !traded.isNumber()) {
      row.putNull("energy_traded_kwh");
    } else {
      row.put("energy_traded_kwh", traded.asDouble());
    }
    return row;
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored public price document is not JSON", e);
    }
  }
}
