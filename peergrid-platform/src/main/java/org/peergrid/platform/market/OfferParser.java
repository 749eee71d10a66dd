package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ShiftableLoad;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.auth.SignedBody;

/**
 * Reads a day-ahead offer: the participant fields of a building in a scenario (docs/scenario.md,
 * "Day scenarios and offers on the platform") without id, type and bus, which registration fixed.
 * Series are a number or one value per interval (no CSV references: the server reads no client files). Unknown keys are refused, as in scenario files, and
 * so is any power or energy above the participant's {@link PowerCeiling}, naming the key.
 */
final class OfferParser {
  private static final Set<String> BATTERY_KEYS = Set.of("capacity_kwh", "charge_kw", "discharge_kw",
      "efficiency_charge", "efficiency_discharge", "soc_min", "soc_max", "soc_initial", "degradation_cost_per_kwh");
  private static final Set<String> SHIFTABLE_KEYS = Set.of("energy_kwh", "window", "max_kw");

  private final int intervals;
  private final PowerCeiling ceiling;

  private OfferParser(int intervals, PowerCeiling ceiling) {
    this.intervals = intervals;
    this.ceiling = ceiling;
  }

  /** An offer read back at clearing: it was checked against its ceiling when it was accepted. */
  static Building parse(JsonNode offer, String id, int bus, int intervals) {
    return parse(offer, SignedBody.OFFER, id, bus, intervals, PowerCeiling.NONE);
  }

  /** An offer or readings ({@code kind}); messages name the keys under the envelope's key. */
  static Building parse(JsonNode offer, SignedBody kind, String id, int bus, int intervals, PowerCeiling ceiling) {
    return new OfferParser(intervals, ceiling).building(offer, kind, id, bus);
  }

  private Building building(JsonNode offer, SignedBody kind, String id, int bus) {
    String at = kind.field();
    requireObject(offer, at, kind.keys());
    try {
      TimeSeries load = series(required(offer, SignedBody.REQUIRED, at), at + "." + SignedBody.REQUIRED);
      double pf = offer.has("power_factor") ? number(offer.get("power_factor"), at + ".power_factor")
          : Building.DEFAULT_POWER_FACTOR;
      TimeSeries pv = offer.has("pv_kw") ? series(offer.get("pv_kw"), at + ".pv_kw")
          : TimeSeries.constant(0, intervals);
      TimeSeries wind = offer.has("wind_kw") ? series(offer.get("wind_kw"), at + ".wind_kw")
          : TimeSeries.constant(0, intervals);
      Optional<BatterySpec> battery = Optional.ofNullable(offer.get("battery")).map(b -> battery(b, at));
      Optional<ShiftableLoad> shiftable = Optional.ofNullable(offer.get("shiftable")).map(s -> shiftable(s, at));
      return new Building(id, bus, load, pf, pv, wind, battery, shiftable);
    } catch (ValidationException e) {
      throw ApiError.INVALID_OFFER.with(e.getMessage());
    }
  }

  private BatterySpec battery(JsonNode b, String parent) {
    String at = parent + ".battery";
    requireObject(b, at, BATTERY_KEYS);
    return new BatterySpec(energy(required(b, "capacity_kwh", at), at + ".capacity_kwh"),
        power(required(b, "charge_kw", at), at + ".charge_kw"),
        power(required(b, "discharge_kw", at), at + ".discharge_kw"),
        number(required(b, "efficiency_charge", at), at + ".efficiency_charge"),
        number(required(b, "efficiency_discharge", at), at + ".efficiency_discharge"),
        number(required(b, "soc_min", at), at + ".soc_min"), number(required(b, "soc_max", at), at + ".soc_max"),
        number(required(b, "soc_initial", at), at + ".soc_initial"),
        b.has("degradation_cost_per_kwh") ? number(b.get("degradation_cost_per_kwh"), at + ".degradation_cost_per_kwh")
            : 0);
  }

  private ShiftableLoad shiftable(JsonNode s, String parent) {
    String at = parent + ".shiftable";
    requireObject(s, at, SHIFTABLE_KEYS);
    JsonNode window = required(s, "window", at);
    if (!window.isArray() || window.size() != 2 || !window.get(0).canConvertToExactIntegral()
        || !window.get(1).canConvertToExactIntegral() || !window.get(0).canConvertToInt()
        || !window.get(1).canConvertToInt()) {
      throw ApiError.INVALID_OFFER.with(at + ".window must be [START, END], interval indices, END exclusive");
    }
    int end = window.get(1).intValue();
    if (end > intervals) {
      throw ApiError.INVALID_OFFER.with(at + ".window ends at " + end + ", after the day's " + intervals + " intervals");
    }
    return new ShiftableLoad(energy(required(s, "energy_kwh", at), at + ".energy_kwh"), window.get(0).intValue(), end,
        power(required(s, "max_kw", at), at + ".max_kw"));
  }

  private TimeSeries series(JsonNode node, String key) {
    if (node.isNumber()) {
      return TimeSeries.constant(power(node, key), intervals);
    }
    if (!node.isArray()) {
      throw ApiError.INVALID_OFFER.with(key + " must be a number or a list with one value per interval");
    }
    if (node.size() != intervals) {
      throw ApiError.INVALID_OFFER.with(key + " has " + node.size() + " values; the day has " + intervals + " intervals");
    }
    double[] values = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      values[t] = power(node.get(t), key + "[" + t + "]");
    }
    return new TimeSeries(values);
  }

  /** A power [kW], at most the ceiling. */
  private double power(JsonNode node, String key) {
    double kw = number(node, key);
    if (kw > ceiling.kw()) {
      throw ApiError.INVALID_OFFER.with(key + " is " + node.decimalValue().toPlainString() + " kW, above "
          + ceiling.source() + "; was it written in W rather than kW?");
    }
    return kw;
  }

  /** An energy [kWh], at most the ceiling's power over the whole day. */
  private double energy(JsonNode node, String key) {
    double kwh = number(node, key);
    if (kwh > ceiling.kwh()) {
      throw ApiError.INVALID_OFFER.with(key + " is " + node.decimalValue().toPlainString() + " kWh, more than "
          + ceiling.source() + " can move in the day's " + ceiling.hours() + " h");
    }
    return kwh;
  }

  private static double number(JsonNode node, String key) {
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
      throw ApiError.INVALID_OFFER.with(key + " must be a finite number, got " + node.getNodeType().name().toLowerCase());
    }
    return node.doubleValue();
  }

  private static JsonNode required(JsonNode parent, String key, String at) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      throw ApiError.INVALID_OFFER.with(at + "." + key + " is required");
    }
    return v;
  }

  private static void requireObject(JsonNode node, String at, Set<String> keys) {
    if (node == null || !node.isObject()) {
      throw ApiError.INVALID_OFFER.with(at + " must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw ApiError.INVALID_OFFER.with("unknown key " + at + "." + k + "; known: " + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }
}
