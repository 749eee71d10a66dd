package org.peergrid.platform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The example community on the IEEE 33-bus feeder (examples/scenarios/community33.yaml), 4 intervals. */
public final class Community33 {
  private Community33() {}

  public static Path root() {
    String prop = System.getProperty("peergrid.root.dir");
    return prop != null ? Path.of(prop) : Path.of("..").toAbsolutePath().normalize();
  }

  public static String scenario() {
    return read(root().resolve("examples/scenarios/community33.yaml"));
  }

  public static String feeder() {
    return read(root().resolve("examples/feeders/case33bw.m"));
  }

  /** The body that opens a day on it. */
  public static Map<String, Object> openDay(String id, String gateClosure) {
    return Map.of("id", id, "scenario", scenario(), "feeder", feeder(), "mechanism", "dlmp",
        "gate_closure", gateClosure);
  }

  /** B06's offer from the example: load and PV, no battery. */
  public static JsonNode offerB06() {
    return json("{\"load_kw\": [20, 35, 40, 60], \"pv_kw\": [0, 60, 80, 0]}");
  }

  /** B25's: load, large PV and a battery. */
  public static JsonNode offerB25() {
    return json("{\"load_kw\": [30, 40, 45, 70], \"pv_kw\": [0, 90, 110, 0], \"battery\": {\"capacity_kwh\": 120,"
        + " \"charge_kw\": 20, \"discharge_kw\": 20, \"efficiency_charge\": 0.95, \"efficiency_discharge\": 0.95,"
        + " \"soc_min\": 0.1, \"soc_max\": 0.9, \"soc_initial\": 0.5}}");
  }

  /** B18's: load only. */
  public static JsonNode offerB18() {
    return json("{\"load_kw\": [15, 20, 25, 40]}");
  }

  public static JsonNode json(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
