package org.peergrid.platform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The three-phase example day on the IEEE 13-node feeder (examples/ieee13-3ph, network.opendss), as a DSO
 * opens it on the platform: the scenario, the feeder's master script and the script it redirects to
 * (IEEELineCodes.dss) as feeder_files; its CSV series from the example's folder (serve --series-dir).
 */
public final class ThreePhaseExampleDay {
  private static final String LINE_CODES = "IEEELineCodes.dss";

  private ThreePhaseExampleDay() {}

  /** The example's folder: its scenario and profiles.csv. */
  public static Path folder() {
    return Community33.root().resolve("examples/ieee13-3ph");
  }

  public static Path scenarioFile() {
    return folder().resolve("scenario.yaml");
  }

  public static String scenario() {
    return read(scenarioFile());
  }

  /** The master script the scenario's network.opendss names. */
  public static String feeder() {
    return read(feederFolder().resolve("IEEE13Nodeckt.dss"));
  }

  /** The scripts the master script redirects to, as the request's feeder_files (JSON text). */
  public static String feederFiles() {
    return Http.JSON.createObjectNode().put(LINE_CODES, read(feederFolder().resolve(LINE_CODES))).toString();
  }

  /** The body that opens a day on it. */
  public static Map<String, Object> openDay(String id, String gateClosure) {
    return Map.of("id", id, "scenario", scenario(), "feeder", feeder(), "feeder_files",
        Community33.json(feederFiles()), "mechanism", "dlmp", "gate_closure", gateClosure);
  }

  /** An offer equal to the building's own profiles and devices in the scenario (no shiftable load in the example). */
  public static JsonNode offerOf(Building b) {
    if (b.shiftable().isPresent()) {
      throw new IllegalArgumentException(b.id() + " has a shiftable load, which this offer leaves out");
    }
    ObjectNode offer = Http.JSON.createObjectNode();
    offer.set("load_kw", series(b.loadKw()));
    offer.put("power_factor", b.powerFactor());
    offer.set("pv_kw", series(b.pvKw()));
    offer.set("wind_kw", series(b.windKw()));
    b.battery().ifPresent(battery -> offer.set("battery", battery(battery)));
    return offer;
  }

  private static JsonNode series(TimeSeries s) {
    var array = Http.JSON.createArrayNode();
    for (double v : s.values()) {
      array.add(v);
    }
    return array;
  }

  private static JsonNode battery(BatterySpec b) {
    return Http.JSON.createObjectNode().put("capacity_kwh", b.capacityKwh()).put("charge_kw", b.chargeKw())
        .put("discharge_kw", b.dischargeKw()).put("efficiency_charge", b.efficiencyCharge())
        .put("efficiency_discharge", b.efficiencyDischarge()).put("soc_min", b.socMin()).put("soc_max", b.socMax())
        .put("soc_initial", b.socInitial()).put("degradation_cost_per_kwh", b.degradationCostPerKwh());
  }

  private static Path feederFolder() {
    return Community33.root().resolve("examples/feeders/opendss/ieee13");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
