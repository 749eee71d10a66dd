package org.peergrid.market.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ScenarioNode;
import org.peergrid.market.scenario.TimeSeries;

/**
 * Reads a region file (docs/region.md, format version 1), YAML or JSON, and the scenario files it
 * names. Every error names the file, the line and the key, and says how to fix it.
 */
public final class RegionLoader {
  /** The format version this release reads. */
  public static final int VERSION = 1;
  private static final Set<String> ROOT_KEYS = Set.of("version", "name", "feeders");
  private static final Set<String> FEEDER_KEYS = Set.of("id", "scenario");
  /** A feeder id names its output folder, so it must be a plain, portable file name. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  /** Tariffs agree when they differ by no more than this [money/kWh]: they are read from text. */
  private static final double SAME_PRICE = 1e-12;

  private RegionLoader() {}

  /** Reads and checks a region file and its feeders' scenarios. */
  public static Region load(Path file) {
    String text = read(file, "region file");
    String source = file.toString();
    boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
    ScenarioNode root = ScenarioNode.parse(text, json, source).requireObject(ROOT_KEYS);
    ScenarioNode version = root.required("version");
    if (version.asNumber() != VERSION) {
      throw version.error("unsupported region format version " + version.json() + "; this release reads version "
          + VERSION);
    }
    String name = root.optional("name").map(n -> text(n)).orElse(
        file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
    ScenarioNode feedersNode = root.required("feeders");
    List<ScenarioNode> entries = feedersNode.elements();
    if (entries.isEmpty()) {
      throw feedersNode.error("no feeders; list at least one, e.g. feeders: [{id: F1, scenario: feeder1.yaml}]");
    }
    Map<String, ScenarioNode> seen = new HashMap<>();
    List<Region.Feeder> feeders = new ArrayList<>();
    for (ScenarioNode entry : entries) {
      entry.requireObject(FEEDER_KEYS);
      ScenarioNode idNode = entry.required("id");
      String id = text(idNode);
      if (!ID.matcher(id).matches()) {
        throw idNode.error("feeder id '" + id + "' is not a plain folder name; use letters, digits, '_', '-' and '.',"
            + " starting with a letter or digit");
      }
      ScenarioNode earlier = seen.put(id, idNode);
      if (earlier != null) {
        throw idNode.error("feeder id " + id + " is used twice (also at line " + earlier.line()
            + "); every feeder needs its own id");
      }
      ScenarioNode scenarioNode = entry.required("scenario");
      String relative = text(scenarioNode);
      Path scenarioFile = file.resolveSibling(relative);
      if (!Files.isRegularFile(scenarioFile)) {
        throw scenarioNode.error("feeder " + id + ": the scenario file " + relative + " does not exist (looked for "
            + scenarioFile.toAbsolutePath().normalize() + "); paths are relative to the region file");
      }
      Scenario scenario = withoutAcCorrection(scenarioFile, ScenarioLoader.load(scenarioFile));
      Region.Feeder feeder = new Region.Feeder(id, scenarioFile, scenario);
      if (!feeders.isEmpty()) {
        sameMarket(feeders.get(0), feeder, entry);
      }
      feeders.add(feeder);
    }
    return new Region(name, file, feeders);
  }

  /**
   * One feeder's scenario as a region clears it (without AC correction, see below): what a DSO
   * reads on the node that hosts it. The region file was checked by {@link #load} already.
   */
  public static Scenario feederScenario(Path scenarioFile) {
    return withoutAcCorrection(scenarioFile, ScenarioLoader.load(scenarioFile));
  }

  /**
   * The scenario cleared on its LinDistFlow limits: a region does not tighten them for AC (its
   * feeders' AC checks are still written), so a file that asks for {@code network.ac_correction:
   * true} is refused, and the scenario format's default (on) is turned off.
   */
  private static Scenario withoutAcCorrection(Path scenarioFile, Scenario s) {
    if (!s.network().acCorrection()) {
      return s;
    }
    if (at(scenarioFile, "network.ac_correction", "").line().isPresent()) {
      throw at(scenarioFile, "network.ac_correction", "network.ac_correction: true is not available in a region,"
          + " whose LP keeps every feeder's LinDistFlow limits (its AC check is still written); set it to false"
          + " or remove it");
    }
    NetworkSettings n = s.network();
    NetworkSettings linDistFlow = new NetworkSettings(n.matpower(), n.radial(), n.vminPu(), n.vmaxPu(),
        n.rootVoltagePu(), n.backgroundLoad(), n.backgroundProfile(), n.branchLimitKva(), false);
    return new Scenario(s.name(), s.currency(), linDistFlow, s.horizon(), s.tariff(), s.participants(),
        s.uncertainty(), s.realtimeTariff(), s.stages(), s.bargaining());
  }

  /** Refuses a feeder whose horizon, tariff or currency is not the first feeder's. */
  private static void sameMarket(Region.Feeder first, Region.Feeder feeder, ScenarioNode entry) {
    Scenario a = first.scenario();
    Scenario b = feeder.scenario();
    if (!a.horizon().equals(b.horizon())) {
      throw entry.error("feeder " + feeder.id() + " (" + feeder.scenarioFile() + ") has " + b.horizon().intervals()
          + " intervals of " + b.horizon().intervalMinutes() + " minutes but feeder " + first.id() + " ("
          + first.scenarioFile() + ") has " + a.horizon().intervals() + " of " + a.horizon().intervalMinutes()
          + "; all feeders of a region clear the same day, so give them the same horizon");
    }
    samePrices(first, feeder, "tariff.import", a.tariff().importPrice(), b.tariff().importPrice());
    samePrices(first, feeder, "tariff.export", a.tariff().exportPrice(), b.tariff().exportPrice());
    if (!a.currency().equals(b.currency())) {
      throw at(feeder.scenarioFile(), "currency", "currency '" + b.currency() + "' is not feeder " + first.id()
          + "'s '" + a.currency() + "' (" + first.scenarioFile() + "); a region's costs are summed in one currency");
    }
  }

  private static void samePrices(Region.Feeder first, Region.Feeder feeder, String key, TimeSeries a, TimeSeries b) {
    for (int t = 0; t < a.size(); t++) {
      if (Math.abs(a.get(t) - b.get(t)) > SAME_PRICE) {
        throw at(feeder.scenarioFile(), key, key + " is " + b.get(t) + " in interval " + t + " but " + a.get(t)
            + " for feeder " + first.id() + " (" + first.scenarioFile() + "); the feeders of a region buy and sell"
            + " through one substation at one tariff, so give every feeder the first feeder's");
      }
    }
  }

  /** An error at a key of a scenario file, with the key's line when the file still parses. */
  private static ValidationException at(Path scenarioFile, String dottedKey, String detail) {
    int line = 0;
    try {
      boolean json = scenarioFile.getFileName().toString().toLowerCase().endsWith(".json");
      ScenarioNode node = ScenarioNode.parse(Files.readString(scenarioFile), json, scenarioFile.toString());
      for (String key : dottedKey.split("\\.")) {
        if (!node.has(key)) {
          break;
        }
        node = node.child(key);
      }
      line = node.path().equals(dottedKey) ? node.line() : 0;
    } catch (IOException | RuntimeException e) {
      // The file was read a moment ago; without its line the message still names file and key.
    }
    return new ValidationException(scenarioFile.toString(), line, detail);
  }

  private static String text(ScenarioNode node) {
    if (!node.json().isTextual() && !node.json().isNumber()) {
      throw node.error("expected text, got " + ScenarioNode.describe(node.json()));
    }
    return node.json().asText();
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ValidationException(file.toString(), 0, "the " + what + " does not exist");
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read the " + what + ": " + e.getMessage());
    }
  }
}
