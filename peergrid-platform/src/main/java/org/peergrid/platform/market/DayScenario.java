package org.peergrid.platform.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.platform.api.ApiError;

/**
 * A market day's scenario as the DSO sent it: scenario text (YAML or JSON, docs/scenario.md) and the
 * MATPOWER case that its {@code network.matpower} names, both stored in the database so that a day
 * needs no server files. The scenario's buildings are examples only; a cleared day's buildings are
 * the registered participants with their offers. Its generators and community batteries stay.
 */
final class DayScenario {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String FEEDER_FILE = "feeder.m";

  private DayScenario() {}

  /**
   * Parses and validates the scenario with its feeder. Its CSV series come only from where
   * {@code files} allows: the request's own text, or the operator's series folder.
   *
   * @throws org.peergrid.platform.api.ApiException INVALID_SCENARIO with the loader's message
   */
  static Scenario parse(String dayId, String scenarioText, String feederText, ScenarioFiles files) {
    Path dir = null;
    try {
      JsonNode tree = YAML.readTree(scenarioText);
      if (tree == null || !tree.isObject() || !(tree.get("network") instanceof ObjectNode network)) {
        throw ApiError.INVALID_SCENARIO.with("expected a scenario mapping with a network section");
      }
      if (network.has("opendss")) {
        throw ApiError.INVALID_SCENARIO.with(threePhaseRefusal(dayId, scenarioText));
      }
      // the feeder travels in the request; the scenario's own path would name a client's file
      network.put("matpower", FEEDER_FILE);
      dir = Files.createTempDirectory("peergrid-day");
      Files.writeString(dir.resolve(FEEDER_FILE), feederText);
      return ScenarioLoader.parse(tree.toString(), true, dir, files, "scenario of day " + dayId, dayId);
    } catch (ValidationException e) {
      throw ApiError.INVALID_SCENARIO.with(e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiError.INVALID_SCENARIO.with("not YAML or JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Why a three-phase day (network.opendss, docs/opendss.md) is not opened: the platform's clearing,
   * offers and feeder view are on one MATPOWER feeder; the message names the key's line and what to do.
   */
  private static String threePhaseRefusal(String dayId, String scenarioText) {
    String[] lines = scenarioText.split("\\R", -1);
    int line = 0;
    for (int i = 0; i < lines.length && line == 0; i++) {
      if (OPENDSS_KEY.matcher(lines[i]).find()) {
        line = i + 1;
      }
    }
    return "scenario of day " + dayId + (line > 0 ? ", line " + line : "") + ": network.opendss: the platform"
        + " clears days on a MATPOWER feeder only, not on a three-phase (OpenDSS) one yet; open the day with"
        + " network.matpower and its MATPOWER case as the request's feeder, or clear the three-phase day with"
        + " 'peergrid clear --scenario FILE' (docs/opendss.md)";
  }

  /** The opendss key on a line of YAML or JSON. */
  private static final Pattern OPENDSS_KEY = Pattern.compile("(^|[\\s{,])\"?opendss\"?\\s*:");

  /** The day's scenario with its buildings replaced by the offers, in participant-id order. */
  static Scenario withBuildings(Scenario day, List<Building> offers) {
    List<Participant> participants = new ArrayList<>();
    day.participants().stream().filter(p -> !(p instanceof Building)).forEach(participants::add);
    offers.stream().sorted(Comparator.comparing(Building::id)).forEach(participants::add);
    return new Scenario(day.name(), day.currency(), day.network(), day.horizon(), day.tariff(), participants);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
