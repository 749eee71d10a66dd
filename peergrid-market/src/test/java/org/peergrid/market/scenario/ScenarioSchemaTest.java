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
import java.util.List;
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

  static Stream<Path> scenarioFiles() {
    return Stream.concat(scenariosUnder(ROOT.resolve("examples")), scenariosUnder(TEST_RESOURCES));
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
    assertThat(keys(schema)).isEqualTo(ScenarioLoader.ROOT_KEYS);
    assertThat(keys(defs.get("network"))).isEqualTo(ScenarioLoader.NETWORK_KEYS);
    assertThat(keys(defs.get("horizon"))).isEqualTo(ScenarioLoader.HORIZON_KEYS);
    assertThat(keys(defs.get("tariff"))).isEqualTo(ScenarioLoader.TARIFF_KEYS);
    assertThat(keys(defs.get("realtime"))).isEqualTo(ScenarioLoader.TARIFF_KEYS);
    assertThat(keys(defs.get("csvColumn"))).isEqualTo(ScenarioLoader.CSV_KEYS);
    assertThat(words(defs.at("/participant/properties/type"))).isEqualTo(ScenarioLoader.TYPES);
    assertThat(keys(defs.get("building"))).isEqualTo(ScenarioLoader.BUILDING_KEYS);
    assertThat(keys(defs.get("battery"))).isEqualTo(ScenarioLoader.BATTERY_KEYS);
    assertThat(keys(defs.get("shiftable"))).isEqualTo(ScenarioLoader.SHIFTABLE_KEYS);
    assertThat(keys(defs.get("generator"))).isEqualTo(ScenarioLoader.GENERATOR_KEYS);
    assertThat(keys(defs.get("ev"))).isEqualTo(ScenarioLoader.EV_KEYS);
    assertThat(keys(defs.get("communityBattery")))
        .isEqualTo(Stream.concat(ScenarioLoader.BATTERY_KEYS.stream(), Stream.of("id", "type", "bus"))
            .collect(toSet()));
    assertThat(keys(defs.get("uncertainty"))).isEqualTo(UncertaintyReader.BLOCK_KEYS);
    assertThat(keys(defs.get("uncertaintySettings"))).isEqualTo(UncertaintyReader.OVERRIDE_KEYS);
    assertThat(keys(defs.get("pvUncertainty"))).isEqualTo(UncertaintyReader.PV_KEYS);
    assertThat(keys(defs.get("windUncertainty"))).isEqualTo(UncertaintyReader.WIND_KEYS);
    assertThat(keys(defs.get("loadUncertainty"))).isEqualTo(UncertaintyReader.LOAD_KEYS);
    assertThat(words(defs.at("/randomQuantities/items")))
        .isEqualTo(Stream.of(RandomQuantity.values()).map(RandomQuantity::key).collect(toSet()));
    assertThat(words(defs.at("/uncertainty/properties/correlation")))
        .isEqualTo(Stream.of(WeatherCorrelation.values()).map(WeatherCorrelation::key).collect(toSet()));
    assertThat(keys(defs.get("nuc"))).isEqualTo(NucBlock.KEYS);
    assertThat(words(defs.at("/nuc/properties/method")))
        .isEqualTo(Stream.of(NucMethod.values()).map(NucMethod::key).collect(toSet()));
    assertThat(keys(defs.get("run"))).isEqualTo(StageRequestsReader.BLOCK_KEYS);
    assertThat(keys(defs.at("/run/properties/uncertainty"))).isEqualTo(StageRequestsReader.UNCERTAINTY_KEYS);
    assertThat(keys(defs.at("/run/properties/realtime"))).isEqualTo(StageRequestsReader.REALTIME_KEYS);
    assertThat(words(defs.at("/run/properties/uncertainty/properties/method")))
        .isEqualTo(StageRequests.Uncertainty.METHODS);
    assertThat(keys(defs.get("bargaining"))).isEqualTo(BargainingReader.KEYS);
    assertThat(words(defs.at("/bargaining/properties/bill"))).isEqualTo(Set.copyOf(BargainingSpec.BILLS));

    assertThat(number(defs, "/network/properties/vmin_pu")).isEqualTo(NetworkSettings.DEFAULT_VMIN_PU);
    assertThat(number(defs, "/network/properties/vmax_pu")).isEqualTo(NetworkSettings.DEFAULT_VMAX_PU);
    assertThat(number(defs, "/network/properties/root_voltage_pu")).isEqualTo(NetworkSettings.DEFAULT_ROOT_VOLTAGE_PU);
    assertThat(defs.at("/network/properties/ac_correction/default").asBoolean())
        .isEqualTo(NetworkSettings.DEFAULT_AC_CORRECTION);
    assertThat(number(defs, "/horizon/properties/intervals")).isEqualTo(Horizon.DEFAULT_INTERVALS);
    assertThat(defs.at("/horizon/properties/intervals/maximum").asInt()).isEqualTo(Horizon.MAX_INTERVALS);
    assertThat(number(defs, "/horizon/properties/interval_minutes")).isEqualTo(Horizon.DEFAULT_INTERVAL_MINUTES);
    assertThat(number(defs, "/building/properties/power_factor")).isEqualTo(Building.DEFAULT_POWER_FACTOR);
    assertThat(number(defs, "/ev/properties/efficiency")).isEqualTo(ElectricVehicle.DEFAULT_EFFICIENCY);
    PvUncertainty pv = PvUncertainty.DEFAULT;
    assertThat(number(defs, "/pvUncertainty/properties/cv")).isEqualTo(pv.cv());
    assertThat(number(defs, "/pvUncertainty/properties/rated_factor")).isEqualTo(pv.ratedFactor());
    WindUncertainty wind = WindUncertainty.DEFAULT;
    assertThat(number(defs, "/windUncertainty/properties/shape")).isEqualTo(wind.shape());
    assertThat(number(defs, "/windUncertainty/properties/cut_in_ms")).isEqualTo(wind.cutInMs());
    assertThat(number(defs, "/windUncertainty/properties/rated_ms")).isEqualTo(wind.ratedMs());
    assertThat(number(defs, "/windUncertainty/properties/cut_out_ms")).isEqualTo(wind.cutOutMs());
    assertThat(number(defs, "/windUncertainty/properties/rated_factor")).isEqualTo(wind.ratedFactor());
    assertThat(number(defs, "/loadUncertainty/properties/cv")).isEqualTo(LoadUncertainty.DEFAULT.cv());
    NucSettings nuc = NucSettings.DEFAULT;
    assertThat(defs.at("/nuc/properties/method/default").asText()).isEqualTo(nuc.method().key());
    assertThat(number(defs, "/nuc/properties/tolerance")).isEqualTo(nuc.relativeTolerance());
    assertThat(number(defs, "/nuc/properties/absolute_tolerance")).isEqualTo(nuc.absoluteTolerance());
    assertThat(number(defs, "/nuc/properties/max_iterations")).isEqualTo(nuc.maxIterations());
    assertThat(number(defs, "/nuc/properties/step")).isEqualTo(nuc.step());
    assertThat(number(defs, "/nuc/properties/surcharge_precision")).isEqualTo(nuc.surchargePrecision());
    assertThat(defs.at("/run/properties/uncertainty/properties/method/default").asText())
        .isEqualTo(StageRequests.Uncertainty.DEFAULT_METHOD);
    assertThat(number(defs, "/run/properties/uncertainty/properties/samples"))
        .isEqualTo(StageRequests.Uncertainty.DEFAULT_SAMPLES);
    assertThat(number(defs, "/run/properties/uncertainty/properties/seed"))
        .isEqualTo(StageRequests.Uncertainty.DEFAULT_SEED);
    assertThat(defs.at("/bargaining/properties/bill/default").asText()).isEqualTo(BargainingSpec.DEFAULT.bill());
  }

  private static Set<String> keys(JsonNode objectSchema) {
    Set<String> out = new TreeSet<>();
    objectSchema.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Set<String> words(JsonNode enumSchema) {
    Set<String> out = new TreeSet<>();
    enumSchema.get("enum").forEach(w -> out.add(w.asText()));
    return out;
  }

  /** The {@code default} of the schema at {@code pointer} below {@code $defs}; it must be there. */
  private static double number(JsonNode defs, String pointer) {
    JsonNode value = defs.at(pointer + "/default");
    assertThat(value.isNumber()).as("%s has a numeric default", pointer).isTrue();
    return value.doubleValue();
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
