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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.platform.api.ApiError;

/**
 * A market day's scenario as the DSO sent it: scenario text (YAML or JSON, docs/scenario.md) and the
 * feeder that its network names, both stored in the database so that a day needs no server files: a
 * MATPOWER case for {@code network.matpower} ({@link #balanced}), or an OpenDSS master script, with the
 * scripts it redirects to, for {@code network.opendss} ({@link #threePhase}, docs/opendss.md). Exactly
 * one of the two is present. A MATPOWER scenario's buildings are examples only; a cleared day's
 * buildings are the registered participants with their offers. A three-phase scenario's buildings name
 * who may register, and on which bus and phases; their profiles are replaced by their offers. Its
 * generators and community batteries stay.
 */
record DayScenario(Optional<Scenario> balanced, Optional<ThreePhaseScenario> threePhase) {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String MATPOWER_FILE = "feeder.m";
  private static final String OPENDSS_FILE = "feeder.dss";
  /** A redirected script's name: a plain file name beside the master script, no folders. */
  private static final Pattern FEEDER_FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  DayScenario {
    if (balanced.isPresent() == threePhase.isPresent()) {
      throw new IllegalArgumentException("a day is on one feeder: a MATPOWER case or an OpenDSS feeder");
    }
  }

  Horizon horizon() {
    return balanced.map(Scenario::horizon).orElseGet(() -> threePhase.orElseThrow().horizon());
  }

  String currency() {
    return balanced.map(Scenario::currency).orElseGet(() -> threePhase.orElseThrow().currency());
  }

  boolean isThreePhase() {
    return threePhase.isPresent();
  }

  /**
   * Parses and validates the scenario with its feeder. Its CSV series come only from where
   * {@code files} allows: the request's own text, or the operator's series folder.
   *
   * @param feederFiles a three-phase day's redirected scripts (JSON object of file name to text), or null
   * @throws org.peergrid.platform.api.ApiException INVALID_SCENARIO with the loader's message
   */
  static DayScenario parse(String dayId, String scenarioText, String feederText, String feederFiles,
      ScenarioFiles files) {
    Path dir = null;
    try {
      JsonNode tree = YAML.readTree(scenarioText);
      if (tree == null || !tree.isObject() || !(tree.get("network") instanceof ObjectNode network)) {
        throw ApiError.INVALID_SCENARIO.with("expected a scenario mapping with a network section");
      }
      boolean threePhase = network.has("opendss");
      if (!threePhase && feederFiles != null) {
        throw ApiError.INVALID_FIELD.with("feeder_files", "only a three-phase day (network.opendss) has scripts"
            + " besides its feeder; a MATPOWER case is one file: leave feeder_files out");
      }
      if (threePhase) {
        confineReferences("feeder", feederText);
      }
      dir = Files.createTempDirectory("peergrid-day");
      Path feeder = dir.resolve(threePhase ? OPENDSS_FILE : MATPOWER_FILE);
      Files.writeString(feeder, feederText);
      if (feederFiles != null) {
        writeFeederFiles(dir, feederFiles);
      }
      // the feeder travels in the request, read in place of the file the scenario names (a client's path);
      // the text is read as sent, so that messages name its lines as 'peergrid clear' does
      String text = scenarioText;
      boolean json = scenarioText.stripLeading().startsWith("{");
      if (!threePhase && !network.has("matpower")) {
        network.put("matpower", MATPOWER_FILE); // a MATPOWER day may leave the key out: lines are then those of one line
        text = tree.toString();
        json = true;
      }
      Object loaded;
      try {
        loaded = ScenarioLoader.parseAny(text, json, feeder, files, "scenario of day " + dayId, dayId);
      } catch (ValidationException e) {
        throw ApiError.INVALID_SCENARIO.with(withoutFolder(e.getMessage(), dir));
      }
      return loaded instanceof ThreePhaseScenario s ? new DayScenario(Optional.empty(), Optional.of(s))
          : new DayScenario(Optional.of((Scenario) loaded), Optional.empty());
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
   * A loader's message without the server's temporary folder: the feeder's files by the names the request
   * gave them, and what to send when the master script redirects to a file the request did not carry.
   */
  private static String withoutFolder(String message, Path dir) {
    String named = message.replace(dir.toString() + java.io.File.separator, "");
    return named.contains("not found (paths are relative to the file that names them)")
        ? named + "; send each script the feeder redirects to in the request's feeder_files, by its name"
            + " (docs/platform.md, \"Three-phase days\")"
        : named;
  }

  /** An OpenDSS script's {@code Redirect FILE} or {@code Compile FILE} line: the verb and the rest. */
  private static final Pattern INCLUDE = Pattern.compile("^\\s*(redirect|compile)\\s+(.*)$", Pattern.CASE_INSENSITIVE);
  /** A {@code file=NAME} reference (a load shape's multipliers), anywhere on a line. */
  private static final Pattern FILE_PARAMETER = Pattern.compile("file\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s)\\]]+)",
      Pattern.CASE_INSENSITIVE);

  /**
   * Refuses a script that names a file other than a plain name beside it: the server reads the files the
   * request sent and nothing else of its disk (an absolute path or {@code ..} could name any file the
   * server may read, and its messages would quote the lines).
   */
  private static void confineReferences(String field, String script) {
    String[] lines = script.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String code = line.split("!|//", 2)[0];
      java.util.regex.Matcher include = INCLUDE.matcher(code);
      List<String> named = new ArrayList<>();
      if (include.matches()) {
        named.add(include.group(2));
      }
      java.util.regex.Matcher file = FILE_PARAMETER.matcher(code);
      while (file.find()) {
        named.add(file.group(1));
      }
      for (String target : named) {
        String name = target.trim().replaceAll("^[\"'(\\[{]+|[\"')\\]}]+$", "").trim();
        if (!FEEDER_FILE_NAME.matcher(name).matches()) {
          throw ApiError.INVALID_FIELD.with(field, "line " + (i + 1) + " names '" + name + "': the server reads only"
              + " the scripts of the request, so a script may name only a plain file name (no folder, no '..') that"
              + " the request's feeder_files carries");
        }
      }
    }
  }

  /** The redirected scripts beside the master script, each name checked so none leaves the folder. */
  private static void writeFeederFiles(Path dir, String feederFiles) throws IOException {
    JsonNode named = YAML.readTree(feederFiles);
    if (named == null || !named.isObject()) {
      throw ApiError.INVALID_FIELD.with("feeder_files", "an object of file name to script text is required, e.g."
          + " {\"IEEELineCodes.dss\": \"New linecode.601 ...\"}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = named.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      if (!FEEDER_FILE_NAME.matcher(file.getKey()).matches() || file.getKey().equals(OPENDSS_FILE)) {
        throw ApiError.INVALID_FIELD.with("feeder_files." + file.getKey(), "a plain file name (letters, digits, '_',"
            + " '.', '-'; no folders, not " + OPENDSS_FILE + ") as the master script's Redirect names it");
      }
      if (!file.getValue().isTextual()) {
        throw ApiError.INVALID_FIELD.with("feeder_files." + file.getKey(), "the script's text is required");
      }
      confineReferences("feeder_files." + file.getKey(), file.getValue().textValue());
      Files.writeString(dir.resolve(file.getKey()), file.getValue().textValue());
    }
  }

  /** The day's scenario with its buildings replaced by the offers, in participant-id order. */
  static Scenario withBuildings(Scenario day, List<Building> offers) {
    List<Participant> participants = new ArrayList<>();
    day.participants().stream().filter(p -> !(p instanceof Building)).forEach(participants::add);
    offers.stream().sorted(Comparator.comparing(Building::id)).forEach(participants::add);
    return new Scenario(day.name(), day.currency(), day.network(), day.horizon(), day.tariff(), participants);
  }

  /**
   * The three-phase day with each offer in place of its building (same id, bus and phases), in the
   * scenario's order; a building without an offer is left out, the generators and community batteries stay.
   */
  static ThreePhaseScenario withOffers(ThreePhaseScenario day, List<Building> offers) {
    Map<String, Building> byId = new java.util.HashMap<>();
    offers.forEach(b -> byId.put(b.id(), b));
    List<Participant> participants = new ArrayList<>();
    for (Participant p : day.participants()) {
      if (!(p instanceof Building)) {
        participants.add(p);
      } else if (byId.containsKey(p.id())) {
        participants.add(byId.get(p.id()));
      }
    }
    return day.withParticipants(participants);
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
