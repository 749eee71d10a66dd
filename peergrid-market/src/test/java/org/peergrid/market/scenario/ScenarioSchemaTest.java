package org.peergrid.market.scenario;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.nuc.NucMethod;
import org.peergrid.market.nuc.NucSettings;

/**
 * docs/scenario.schema.json against the loader: every scenario file of the repository (examples/
 * and the test resources) is loaded by the loader and meets the schema, and every file of
 * scenario-schema/bad is refused by both, the loader with the message its second line names.
 */
class ScenarioSchemaTest {
  private static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir"));
  private static final Path TEST_RESOURCES = ROOT.resolve("peergrid-market/src/test/resources");
  private static final Path BAD = TEST_RESOURCES.resolve("scenario-schema/bad");
  /** The fuzz test's seeds name feeders and a CSV file that its fixture folder holds. */
  private static final Path FUZZ_SEEDS =
      TEST_RESOURCES.resolve("org/peergrid/market/scenario/ScenarioLoaderFuzzTestInputs/loadsOrRefuses");
  private static final Schema SCHEMA = schema();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern EXPECTED = Pattern.compile("(?m)^# (loader|schema): (.*)$");

  private static Schema schema() {
    try {
      String text = Files.readString(ROOT.resolve("docs/scenario.schema.json"));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema's complaints about a file, read as the loader reads it: YAML or JSON by Jackson 2
   * (the loader's parser), handed to the validator as JSON text so that both see the same values.
   */
  private static List<Error> schemaErrors(Path file) throws IOException {
    String text = Files.readString(file);
    JsonNode tree = file.toString().endsWith(".json") ? JSON.readTree(text) : YAML.readTree(text);
    return SCHEMA.validate(JSON.writeValueAsString(tree), InputFormat.JSON);
  }

  /** Every YAML or JSON file under {@code dir} whose root is a mapping with a network section. */
  private static Stream<Path> scenariosUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$"))
          .filter(f -> !f.startsWith(BAD))
          .filter(ScenarioSchemaTest::isScenario)
          .sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isScenario(Path file) {
    try {
      String text = Files.readString(file);
      JsonNode tree = file.toString().endsWith(".json") ? JSON.readTree(text) : YAML.readTree(text);
      return tree != null && tree.isObject() && tree.has("network");
    } catch (IOException e) {
      return false; // not YAML or JSON at all: not a scenario
    }
  }

  /** The scenarios of examples/ and of every module's test resources. */
  static Stream<Path> scenarioFiles() throws IOException {
    List<Path> roots = new ArrayList<>(List.of(ROOT.resolve("examples")));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(m -> m.resolve("src/test/resources")).filter(Files::isDirectory).sorted().forEach(roots::add);
    }
    return roots.stream().flatMap(ScenarioSchemaTest::scenariosUnder);
  }

  static Stream<Path> badFiles() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void findsTheExamplesAndTheTestScenarios() throws IOException {
    List<Path> files = scenarioFiles().toList();
    assertThat(files).contains(ROOT.resolve("examples/ieee33-community/scenario.yaml"),
        ROOT.resolve("examples/scenarios/community33.yaml"), TEST_RESOURCES.resolve("worked/ex1.yaml"),
        FUZZ_SEEDS.resolve("building.json"));
    assertThat(files.stream().filter(f -> f.startsWith(ROOT.resolve("examples")))).hasSizeGreaterThanOrEqualTo(7);
    assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioFiles")
  void everyScenarioLoadsAndMeetsTheSchema(Path file) throws IOException {
    if (file.startsWith(FUZZ_SEEDS)) {
      ScenarioLoader.parse(Files.readString(file), file.toString().endsWith(".json"),
          ScenarioLoaderFuzzTest.FIXTURE, file.toString(), "seed");
    } else if (ScenarioLoader.isThreePhase(file)) {
      ScenarioLoader.loadThreePhase(file);
    } else {
      ScenarioLoader.load(file);
    }
    assertThat(schemaErrors(file)).as("schema errors of %s", ROOT.relativize(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void everyBadFileIsRefusedByTheLoaderAndTheSchema(Path file) throws IOException {
    String loaderSays = expected(file, "loader");
    String schemaNames = expected(file, "schema");
    // the nuc block is read only by p2p-nuc, at clearing; every other key when the scenario loads
    assertThatThrownBy(() -> {
      ScenarioLoader.load(file);
      NucSettings.of(file);
    }).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file.toString() + ":")
        .hasMessageContaining(loaderSays);
    List<Error> errors = schemaErrors(file);
    assertThat(errors).as("the schema refuses %s", file.getFileName()).isNotEmpty();
    assertThat(errors).as("some schema error names %s", schemaNames)
        .anySatisfy(e -> assertThat(e.toString()).contains(schemaNames));
  }

  /** The bad files differ from a good one only in their fault: without it both accept the file. */
  @Test
  void theBadFilesBaseIsAccepted() throws IOException {
    Path good = BAD.resolveSibling("minimal.yaml");
    ScenarioLoader.load(good);
    NucSettings.of(good);
    assertThat(schemaErrors(good)).isEmpty();
  }

  /** docs/scenario.md's complete example is examples/scenarios/every-key.yaml without its opening comment. */
  @Test
  void theDocsExampleIsTheExampleFile() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/scenario.md"));
    Matcher block = Pattern.compile("(?s)## A complete example.*?```yaml\n(.*?)```").matcher(docs);
    assertThat(block.find()).as("docs/scenario.md has a yaml block under 'A complete example'").isTrue();
    String file = Files.readString(ROOT.resolve("examples/scenarios/every-key.yaml")).replaceFirst("^(#[^\n]*\n)+", "");
    assertThat(block.group(1)).isEqualTo(file);
  }

  /**
   * The schema lists exactly the keys and words that the readers allow, and the defaults they
   * apply: a key added to a reader fails here until the schema (and docs/scenario.md) have it.
   */
  @Test
  void theSchemaHasTheReadersKeysWordsAndDefaults() throws IOException {
    JsonNode schema = JSON.readTree(ROOT.resolve("docs/scenario.schema.json").toFile());
    JsonNode defs = schema.get("$defs");
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    keys.put("network", ScenarioLoader.NETWORK_KEYS);
    keys.put("horizon", ScenarioLoader.HORIZON_KEYS);
    keys.put("tariff", ScenarioLoader.TARIFF_KEYS);
    keys.put("realtime", ScenarioLoader.TARIFF_KEYS);
    keys.put("csvColumn", ScenarioLoader.CSV_KEYS);
    keys.put("building", ScenarioLoader.BUILDING_KEYS);
    keys.put("battery", ScenarioLoader.BATTERY_KEYS);
    keys.put("shiftable", ScenarioLoader.SHIFTABLE_KEYS);
    keys.put("generator", ScenarioLoader.GENERATOR_KEYS);
    keys.put("ev", ScenarioLoader.EV_KEYS);
    keys.put("communityBattery", Stream.concat(ScenarioLoader.BATTERY_KEYS.stream(), Stream.of("id", "type", "bus", "phases"))
        .collect(toSet()));
    keys.put("uncertainty", UncertaintyReader.BLOCK_KEYS);
    keys.put("uncertaintySettings", UncertaintyReader.OVERRIDE_KEYS);
    keys.put("pvUncertainty", UncertaintyReader.PV_KEYS);
    keys.put("windUncertainty", UncertaintyReader.WIND_KEYS);
    keys.put("loadUncertainty", UncertaintyReader.LOAD_KEYS);
    keys.put("nuc", NucBlock.KEYS);
    keys.put("run", StageRequestsReader.BLOCK_KEYS);
    keys.put("run/properties/uncertainty", StageRequestsReader.UNCERTAINTY_KEYS);
    keys.put("run/properties/realtime", StageRequestsReader.REALTIME_KEYS);
    keys.put("bargaining", BargainingReader.KEYS);
    assertThat(names(schema.get("properties"))).isEqualTo(ScenarioLoader.ROOT_KEYS);
    keys.forEach((at, expected) -> assertThat(names(defs.at("/" + at + "/properties"))).as(at).isEqualTo(expected));

    Map<String, Set<String>> words = new LinkedHashMap<>();
    words.put("participant/properties/type", ScenarioLoader.TYPES);
    words.put("randomQuantities/items", Stream.of(RandomQuantity.values()).map(RandomQuantity::key).collect(toSet()));
    words.put("uncertainty/properties/correlation",
        Stream.of(WeatherCorrelation.values()).map(WeatherCorrelation::key).collect(toSet()));
    words.put("nuc/properties/method", Stream.of(NucMethod.values()).map(NucMethod::key).collect(toSet()));
    words.put("run/properties/uncertainty/properties/method", StageRequests.Uncertainty.METHODS);
    words.put("bargaining/properties/bill", Set.copyOf(BargainingSpec.BILLS));
    words.forEach((at, expected) -> {
      Set<String> listed = new TreeSet<>();
      defs.at("/" + at + "/enum").forEach(w -> listed.add(w.asText()));
      assertThat(listed).as(at).isEqualTo(expected);
    });

    NucSettings nuc = NucSettings.DEFAULT;
    PvUncertainty pv = PvUncertainty.DEFAULT;
    WindUncertainty wind = WindUncertainty.DEFAULT;
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("network/properties/vmin_pu", NetworkSettings.DEFAULT_VMIN_PU);
    defaults.put("network/properties/vmax_pu", NetworkSettings.DEFAULT_VMAX_PU);
    defaults.put("network/properties/root_voltage_pu", NetworkSettings.DEFAULT_ROOT_VOLTAGE_PU);
    defaults.put("network/properties/ac_correction", NetworkSettings.DEFAULT_AC_CORRECTION);
    defaults.put("network/properties/unbalance_pu", ThreePhaseNetworkSettings.DEFAULT_UNBALANCE_PU);
    defaults.put("horizon/properties/intervals", Horizon.DEFAULT_INTERVALS);
    defaults.put("horizon/properties/interval_minutes", Horizon.DEFAULT_INTERVAL_MINUTES);
    defaults.put("building/properties/power_factor", Building.DEFAULT_POWER_FACTOR);
    defaults.put("ev/properties/efficiency", ElectricVehicle.DEFAULT_EFFICIENCY);
    defaults.put("pvUncertainty/properties/cv", pv.cv());
    defaults.put("pvUncertainty/properties/rated_factor", pv.ratedFactor());
    defaults.put("windUncertainty/properties/shape", wind.shape());
    defaults.put("windUncertainty/properties/cut_in_ms", wind.cutInMs());
    defaults.put("windUncertainty/properties/rated_ms", wind.ratedMs());
    defaults.put("windUncertainty/properties/cut_out_ms", wind.cutOutMs());
    defaults.put("windUncertainty/properties/rated_factor", wind.ratedFactor());
    defaults.put("loadUncertainty/properties/cv", LoadUncertainty.DEFAULT.cv());
    defaults.put("nuc/properties/method", nuc.method().key());
    defaults.put("nuc/properties/tolerance", nuc.relativeTolerance());
    defaults.put("nuc/properties/absolute_tolerance", nuc.absoluteTolerance());
    defaults.put("nuc/properties/max_iterations", nuc.maxIterations());
    defaults.put("nuc/properties/step", nuc.step());
    defaults.put("nuc/properties/surcharge_precision", nuc.surchargePrecision());
    defaults.put("run/properties/uncertainty/properties/method", StageRequests.Uncertainty.DEFAULT_METHOD);
    defaults.put("run/properties/uncertainty/properties/samples", StageRequests.Uncertainty.DEFAULT_SAMPLES);
    defaults.put("run/properties/uncertainty/properties/seed", StageRequests.Uncertainty.DEFAULT_SEED);
    defaults.put("bargaining/properties/bill", BargainingSpec.DEFAULT.bill());
    defaults.forEach((at, expected) -> {
      JsonNode listed = defs.at("/" + at + "/default");
      assertThat(listed.isMissingNode()).as("%s has a default", at).isFalse();
      // numbers compared as numbers: the schema writes 60 where Java has 60 or 60.0
      Object value = listed.isNumber() ? (Object) listed.doubleValue() : listed.isBoolean() ? listed.asBoolean()
          : listed.asText();
      Object wanted = expected instanceof Number n ? (Object) n.doubleValue() : expected;
      assertThat(value).as(at).isEqualTo(wanted);
    });
  }

  private static Set<String> names(JsonNode properties) {
    Set<String> out = new TreeSet<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String expected(Path file, String what) throws IOException {
    Matcher m = EXPECTED.matcher(Files.readString(file));
    while (m.find()) {
      if (m.group(1).equals(what)) {
        return m.group(2).trim();
      }
    }
    throw new AssertionError(file + " has no '# " + what + ": ...' line");
  }
}
