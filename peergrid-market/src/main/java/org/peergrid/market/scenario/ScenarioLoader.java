package org.peergrid.market.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.PhaseElement;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * Reads scenario files (docs/scenario.md, version 1), YAML or JSON with the same keys (JSON when the
 * name ends in {@code .json}). Every error is a {@link ValidationException} naming the file, the line
 * where the parser knows it, and the key path: unknown keys (with the closest known key), missing
 * keys, wrong types, series of the wrong length (naming the participant and key), buses and
 * branches that the feeder does not have, and values out of range.
 */
public final class ScenarioLoader {
  // the keys each mapping allows; package-private for ScenarioSchemaTest, which holds docs/scenario.schema.json to them
  static final Set<String> ROOT_KEYS =
      Set.of("version", "name", "currency", "network", "horizon", "tariff", "realtime", "participants",
          "uncertainty", "nuc", "run", "bargaining");
  static final Set<String> NETWORK_KEYS = Set.of("matpower", "opendss", "vmin_pu", "vmax_pu", "root_voltage_pu",
      "background_load", "background_profile", "branch_limit_kva", "ac_correction", "unbalance_pu", "line_limit_a");
  /** Keys that only a MATPOWER network has, and only an OpenDSS one. */
  static final Set<String> MATPOWER_ONLY_KEYS = Set.of("root_voltage_pu", "branch_limit_kva");
  static final Set<String> OPENDSS_ONLY_KEYS = Set.of("unbalance_pu", "line_limit_a");
  static final Set<String> HORIZON_KEYS = Set.of("intervals", "interval_minutes");
  static final Set<String> TARIFF_KEYS = Set.of("import", "export");
  static final Set<String> BATTERY_KEYS = Set.of("capacity_kwh", "charge_kw", "discharge_kw",
      "efficiency_charge", "efficiency_discharge", "soc_min", "soc_max", "soc_initial", "degradation_cost_per_kwh");
  static final Set<String> BUILDING_KEYS = Set.of("id", "type", "bus", "phases", "load_kw", "power_factor", "pv_kw",
      "wind_kw", "battery", "shiftable", "load_kw_minutes");
  static final Set<String> GENERATOR_KEYS = Set.of("id", "type", "bus", "phases", "min_kw", "max_kw", "cost_per_kwh");
  static final Set<String> SHIFTABLE_KEYS = Set.of("energy_kwh", "window", "max_kw");
  static final Set<String> CSV_KEYS = Set.of("csv", "column");
  static final Set<String> EV_KEYS = Set.of("id", "type", "bus", "phases", "arrival", "departure",
      "arrival_energy_kwh", "departure_energy_kwh", "capacity_kwh", "charge_kw", "efficiency", "v2g_kw");
  static final Set<String> TYPES = Set.of("building", "generator", "community_battery", "ev");

  private final Path baseDir;
  /** The feeder file read in place of the one the network names (a server's day), or null. */
  private final Path feeder;
  private final ScenarioFiles files;
  private final CsvColumns csv;
  private int intervals;
  private double hours;
  private RadialNetwork radial;
  /** The OpenDSS feeder when {@code network.opendss} names one; null for a MATPOWER scenario. */
  private PhaseNetwork phaseFeeder;
  private ScenarioNode opendssNode;
  private final Map<String, PhaseConnection> connections = new LinkedHashMap<>();
  /** Buildings' {@code load_kw_minutes} (three-phase scenarios only), by participant id. */
  private final Map<String, TimeSeries> minuteLoads = new LinkedHashMap<>();

  private ScenarioLoader(Path baseDir, ScenarioFiles files) {
    this(baseDir, files, null);
  }

  private ScenarioLoader(Path baseDir, ScenarioFiles files, Path feeder) {
    this.baseDir = baseDir;
    this.files = files;
    this.csv = new CsvColumns(files);
    this.feeder = feeder;
  }

  /** The feeder file named by network.matpower or network.opendss: its path, or the file read in its place. */
  private Path feederFile(ScenarioNode named) {
    return feeder != null ? feeder : baseDir.resolve(named.asText()).normalize();
  }

  /**
   * Reads and validates a scenario file on a MATPOWER feeder; a three-phase one ({@code network.opendss})
   * is refused naming the key, since this command cannot clear it yet ({@link #loadThreePhase} reads it).
   */
  public static Scenario load(Path file) {
    Object loaded = loadAny(file);
    if (loaded instanceof Scenario s) {
      return s;
    }
    throw ((ThreePhaseLoaded) loaded).refusal();
  }

  /** A three-phase scenario, and the error that a reader of MATPOWER scenarios gives for it. */
  private record ThreePhaseLoaded(ThreePhaseScenario scenario, ValidationException refusal) {}

  /**
   * Reads and validates a scenario file on an OpenDSS feeder ({@code network: {opendss: FILE}}); a
   * MATPOWER scenario is refused naming the key.
   */
  public static ThreePhaseScenario loadThreePhase(Path file) {
    Object loaded = loadAny(file);
    if (loaded instanceof ThreePhaseLoaded s) {
      return s.scenario();
    }
    throw new ValidationException(file.toString(), 0,
        "network: this is a MATPOWER scenario; a three-phase one names its feeder with network.opendss");
  }

  /** Whether the file's network section names an OpenDSS feeder (without loading it). */
  public static boolean isThreePhase(Path file) {
    try {
      String text = Files.readString(file);
      boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
      ScenarioNode root = parseDocument(text, json, file.toString());
      return root.json().isObject() && root.json().path("network").isObject()
          && root.json().path("network").has("opendss");
    } catch (IOException | ValidationException e) {
      return false; // the loader reports it
    }
  }

  /** A {@link Scenario} or a {@link ThreePhaseScenario}, whichever the file's network names. */
  private static Object loadAny(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ValidationException(file.toString(), 0, "the scenario file does not exist");
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read the scenario file: " + e.getMessage());
    }
    boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
    Path dir = file.toAbsolutePath().getParent();
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return new ScenarioLoader(dir, ScenarioFiles.besideScenario(dir))
        .readAny(parseDocument(text, json, file.toString()), stem);
  }

  /** A document parsed by {@link #parseDocument}: its source, text and tree. */
  private record Parsed(String source, String text, ScenarioNode root) {}

  /**
   * The last document parsed from a file. The commands ask {@link #isThreePhase} and then load the
   * same file, which parsed the whole document twice (~0.13 s of a cold 1,000-building clearing,
   * docs/benchmarks.md, "After yaml17"); the load reuses the tree when the file's text is the
   * same. The tree is never changed after parsing; only the last document is kept.
   */
  private static volatile Parsed lastParsed;

  private static ScenarioNode parseDocument(String text, boolean json, String source) {
    Parsed last = lastParsed;
    if (last != null && last.source().equals(source) && last.text().equals(text)) {
      return last.root();
    }
    ScenarioNode root = ScenarioNode.parse(text, json, source);
    lastParsed = new Parsed(source, text, root);
    return root;
  }

  /**
   * Reads a scenario from text.
   *
   * @param baseDir the folder that relative paths in the scenario refer to
   * @param source how messages name the document
   * @param defaultName the scenario name where the document gives none
   */
  public static Scenario parse(String text, boolean json, Path baseDir, String source, String defaultName) {
    return parse(text, json, baseDir, ScenarioFiles.besideScenario(baseDir), source, defaultName);
  }

  /**
   * Reads a scenario from text, its CSV series and actuals file only where {@code files} allows
   * (a server passes {@link ScenarioFiles#none} or {@link ScenarioFiles#confinedTo}).
   *
   * @param baseDir the folder of the MATPOWER case that {@code network.matpower} names
   */
  public static Scenario parse(String text, boolean json, Path baseDir, ScenarioFiles files, String source,
      String defaultName) {
    Object loaded = new ScenarioLoader(baseDir, files).readAny(ScenarioNode.parse(text, json, source), defaultName);
    if (loaded instanceof Scenario s) {
      return s;
    }
    throw ((ThreePhaseLoaded) loaded).refusal();
  }

  /**
   * Reads a scenario from text that may name either feeder (a server's day, whose feeder travels in the
   * request): a {@link Scenario} on a MATPOWER case or a {@link ThreePhaseScenario} on an OpenDSS feeder,
   * with the document's lines and keys in every message as {@link #load} and {@link #loadThreePhase} give them.
   *
   * @param feeder the MATPOWER case or OpenDSS master script read in place of the file that
   *     {@code network.matpower} or {@code network.opendss} names; an OpenDSS script's redirects are
   *     relative to it
   */
  public static Object parseAny(String text, boolean json, Path feeder, ScenarioFiles files, String source,
      String defaultName) {
    Object loaded = new ScenarioLoader(feeder.getParent(), files, feeder)
        .readAny(ScenarioNode.parse(text, json, source), defaultName);
    return loaded instanceof ThreePhaseLoaded s ? s.scenario() : loaded;
  }

  private Object readAny(ScenarioNode root, String defaultName) {
    root.requireObject(ROOT_KEYS);
    root.optional("version").ifPresent(v -> {
      if (v.asNumber() != 1) {
        throw v.error("unsupported scenario version " + v.json() + "; this release reads version 1");
      }
    });
    String name = root.optional("name").map(ScenarioNode::asText).orElse(defaultName);
    String currency = root.optional("currency").map(ScenarioNode::asText).orElse("");
    Horizon horizon = horizon(root.optional("horizon"));
    intervals = horizon.intervals();
    hours = horizon.hours();
    ScenarioNode networkNode = root.required("network");
    if (networkNode.json().isObject() && networkNode.has("opendss")) {
      return readThreePhase(root, networkNode, name, currency, horizon);
    }
    NetworkSettings network = network(networkNode);
    Tariff tariff = tariff(root.required("tariff"));
    Tariff realtime = root.optional("realtime").map(r -> realtime(r, tariff)).orElse(tariff.realtimeDefault());
    List<Participant> participants = new ArrayList<>();
    for (ScenarioNode p : root.required("participants").elements()) {
      participants.add(participant(p));
    }
    UncertaintySpec uncertainty = root.optional("uncertainty")
        .map(u -> UncertaintyReader.read(u, participants)).orElse(UncertaintySpec.DEFAULT);
    StageRequests stages = root.optional("run").map(r -> StageRequestsReader.read(r, files))
        .orElse(StageRequests.NONE);
    BargainingSpec bargaining = root.optional("bargaining").map(b -> BargainingReader.read(b, participants, tariff))
        .orElse(BargainingSpec.DEFAULT);
    return build(root, () -> new Scenario(name, currency, network, horizon, tariff, participants, uncertainty,
        realtime, stages, bargaining));
  }

  private Horizon horizon(Optional<ScenarioNode> node) {
    if (node.isEmpty()) {
      return new Horizon(Horizon.DEFAULT_INTERVALS, Horizon.DEFAULT_INTERVAL_MINUTES);
    }
    ScenarioNode h = node.get().requireObject(HORIZON_KEYS);
    int n = h.optional("intervals").map(ScenarioNode::asInt).orElse(Horizon.DEFAULT_INTERVALS);
    int minutes = h.optional("interval_minutes").map(ScenarioNode::asInt).orElse(Horizon.DEFAULT_INTERVAL_MINUTES);
    return build(h, () -> new Horizon(n, minutes));
  }

  private NetworkSettings network(ScenarioNode n) {
    n.requireObject(NETWORK_KEYS);
    for (String key : OPENDSS_ONLY_KEYS) {
      if (n.has(key)) {
        throw n.child(key).error("only a three-phase feeder (network.opendss) has this key; remove it");
      }
    }
    ScenarioNode caseNode = n.required("matpower");
    Path matpower = feederFile(caseNode);
    if (!Files.isRegularFile(matpower)) {
      throw caseNode.error("MATPOWER case " + matpower + " does not exist (paths are relative to the scenario file)");
    }
    radial = RadialNetwork.of(MatpowerCaseReader.read(matpower));
    SharedNetworkKeys shared = sharedNetworkKeys(n);
    double v0 = n.number("root_voltage_pu", NetworkSettings.DEFAULT_ROOT_VOLTAGE_PU);
    Map<BranchKey, Double> limits = new LinkedHashMap<>();
    eachEntry(n.optional("branch_limit_kva"), "a mapping of \"FROM-TO\" to kVA, e.g. {\"6-7\": 2000}",
        (key, limit) -> {
          BranchKey branch = build(limit, () -> BranchKey.parse(key));
          requireTreeBranch(branch, limit);
          limits.put(branch, limit.asNumber());
        });
    return build(n, () -> new NetworkSettings(matpower, radial, shared.vmin(), shared.vmax(), v0, shared.background(),
        shared.profile(), limits, shared.acCorrection()));
  }

  /** The {@code network} keys that a MATPOWER and an OpenDSS feeder share, with their defaults. */
  private record SharedNetworkKeys(double vmin, double vmax, boolean background, boolean acCorrection,
      TimeSeries profile) {}

  private SharedNetworkKeys sharedNetworkKeys(ScenarioNode n) {
    double vmin = n.number("vmin_pu", NetworkSettings.DEFAULT_VMIN_PU);
    double vmax = n.number("vmax_pu", NetworkSettings.DEFAULT_VMAX_PU);
    boolean background = n.optional("background_load").map(ScenarioNode::asBoolean).orElse(true);
    // On unless the file turns it off: a schedule that fails its own AC check is not one a DSO can run.
    boolean acCorrection = n.optional("ac_correction").map(ScenarioNode::asBoolean)
        .orElse(NetworkSettings.DEFAULT_AC_CORRECTION);
    TimeSeries profile = n.optional("background_profile").map(p -> series(p, "network"))
        .orElse(TimeSeries.constant(1, intervals));
    return new SharedNetworkKeys(vmin, vmax, background, acCorrection, profile);
  }

  private void requireTreeBranch(BranchKey key, ScenarioNode at) {
    for (int k = 1; k < radial.busCount(); k++) {
      var b = radial.branchInto(k);
      if (key.joins(b.fromBus(), b.toBus())) {
        return;
      }
    }
    throw at.error("the feeder has no in-service branch between buses " + key.fromBus() + " and " + key.toBus());
  }

  private Tariff tariff(ScenarioNode t) {
    t.requireObject(TARIFF_KEYS);
    TimeSeries buy = series(t.required("import"), "tariff");
    TimeSeries sell = series(t.required("export"), "tariff");
    return build(t, () -> new Tariff(buy, sell));
  }

  /** The real-time tariff; a price it leaves out takes its default from the day-ahead one. */
  private Tariff realtime(ScenarioNode r, Tariff dayAhead) {
    r.requireObject(TARIFF_KEYS);
    TimeSeries buy = r.optional("import").map(s -> series(s, "realtime"))
        .orElse(Tariff.realtimeImport(dayAhead.importPrice()));
    TimeSeries sell = r.optional("export").map(s -> series(s, "realtime"))
        .orElse(Tariff.realtimeExport(dayAhead.exportPrice()));
    return build(r, () -> new Tariff(buy, sell));
  }

  private Participant participant(ScenarioNode p) {
    if (!p.json().isObject()) {
      throw p.error("expected a participant mapping with id, type and bus, got " + ScenarioNode.describe(p.json()));
    }
    ScenarioNode typeNode = p.required("type");
    String type = typeNode.asText();
    if (!TYPES.contains(type)) {
      throw typeNode.error("unknown participant type \"" + type + "\"; " + KeySuggestion.suggest(type, TYPES));
    }
    switch (type) {
      case "building" -> p.requireObject(BUILDING_KEYS);
      case "generator" -> p.requireObject(GENERATOR_KEYS);
      case "ev" -> p.requireObject(EV_KEYS);
      default -> p.requireObject(union(BATTERY_KEYS, Set.of("id", "type", "bus", "phases")));
    }
    String id = p.required("id").asText();
    int bus;
    if (phaseFeeder == null) {
      if (p.has("phases")) {
        throw p.child("phases").error("phases are for a three-phase feeder (network.opendss); a MATPOWER feeder is"
            + " balanced: remove the key");
      }
      bus = bus(p.required("bus"));
    } else {
      bus = phaseBus(p.required("bus"));
      connections.put(id, new PhaseConnection(phaseFeeder.busNames()[bus],
          phases(p.optional("phases"), bus, p.required("bus"))));
    }
    String owner = "participant " + id;
    return switch (type) {
      case "building" -> {
        p.optional("load_kw_minutes").ifPresent(m -> minuteLoads.put(id, minuteSeries(m, owner)));
        TimeSeries load = series(p.required("load_kw"), owner);
        double pf = p.number("power_factor", Building.DEFAULT_POWER_FACTOR);
        TimeSeries pv = p.optional("pv_kw").map(s -> series(s, owner)).orElse(TimeSeries.constant(0, intervals));
        TimeSeries wind = p.optional("wind_kw").map(s -> series(s, owner)).orElse(TimeSeries.constant(0, intervals));
        Optional<BatterySpec> battery = p.optional("battery").map(b -> battery(b.requireObject(BATTERY_KEYS)));
        Optional<ShiftableLoad> shiftable = p.optional("shiftable").map(this::shiftable);
        yield build(p, () -> new Building(id, bus, load, pf, pv, wind, battery, shiftable));
      }
      case "generator" -> {
        double min = p.number("min_kw", 0);
        double max = p.required("max_kw").asNumber();
        double cost = p.required("cost_per_kwh").asNumber();
        yield build(p, () -> new DistributedGenerator(id, bus, min, max, cost));
      }
      case "ev" -> {
        ElectricVehicle ev = build(p, () -> new ElectricVehicle(id, bus, p.required("arrival").asInt(),
            p.required("departure").asInt(), p.required("arrival_energy_kwh").asNumber(),
            p.required("departure_energy_kwh").asNumber(), p.required("capacity_kwh").asNumber(),
            p.required("charge_kw").asNumber(), p.number("efficiency", ElectricVehicle.DEFAULT_EFFICIENCY),
            p.number("v2g_kw", 0)));
        build(p, () -> {
          ev.requireReachable(intervals, hours);
          return ev;
        });
        yield ev;
      }
      default -> {
        BatterySpec spec = battery(p);
        yield build(p, () -> new CommunityBattery(id, bus, spec));
      }
    };
  }

  private int bus(ScenarioNode node) {
    int bus = node.asInt();
    if (radial.feeder().bus(bus).isEmpty()) {
      throw node.error("bus " + bus + " does not exist in feeder " + radial.feeder().name()
          + "; use a MATPOWER bus number of the case");
    }
    if (radial.indexOf(bus) < 0) {
      throw node.error("bus " + bus + " is isolated (out of service) in feeder " + radial.feeder().name());
    }
    return bus;
  }

  /** An OpenDSS bus name (case does not matter): its index in the feeder. */
  private int phaseBus(ScenarioNode node) {
    String name = node.asText().trim().toLowerCase(Locale.ROOT);
    if (name.contains(".")) {
      throw node.error("write the bus without nodes (\"" + name.substring(0, name.indexOf('.'))
          + "\") and its phases in phases: [a], [b], [c] or [a, b, c]");
    }
    int b = phaseFeeder.busIndex(name);
    if (b < 0) {
      throw node.error("bus \"" + name + "\" does not exist in feeder " + opendssNode.asText()
          + "; use a bus name of its OpenDSS script (e.g. " + phaseFeeder.busNames()[Math.min(1,
          phaseFeeder.busCount() - 1)] + ")");
    }
    if (b == 0) {
      throw node.error("bus \"" + name + "\" is the source bus (the Vsource's); connect participants downstream");
    }
    return b;
  }

  /** {@code phases: [a]} ... {@code [a, b, c]} as node numbers, each present at the bus; default all three. */
  private List<Integer> phases(Optional<ScenarioNode> node, int bus, ScenarioNode busNode) {
    String busName = phaseFeeder.busNames()[bus];
    List<String> present = new ArrayList<>();
    for (int number = 1; number <= 3; number++) {
      if (phaseFeeder.node(bus, number) >= 0) {
        present.add(PhaseConnection.letter(number));
      }
    }
    if (node.isEmpty()) {
      if (present.size() < 3) {
        throw busNode.error("bus " + busName + " has phases " + present + " only; without phases a participant is"
            + " three-phase: add phases: " + present.subList(0, 1) + " (or another of them)");
      }
      return PhaseConnection.THREE_PHASES;
    }
    List<Integer> nodes = new ArrayList<>();
    for (ScenarioNode e : node.get().elements()) {
      String letter = e.asText().trim().toLowerCase(Locale.ROOT);
      if (!List.of("a", "b", "c").contains(letter)) {
        throw e.error("unknown phase \"" + e.asText() + "\"; write a, b or c");
      }
      int number = letter.charAt(0) - 'a' + 1;
      if (nodes.contains(number)) {
        throw e.error("phase " + letter + " is listed twice");
      }
      if (phaseFeeder.node(bus, number) < 0) {
        throw e.error("bus " + busName + " has no phase " + letter + "; its phases are " + present);
      }
      nodes.add(number);
    }
    if (nodes.isEmpty()) {
      throw node.get().error("give at least one phase, e.g. [a]; leave the key out for three phases");
    }
    return nodes;
  }

  private BatterySpec battery(ScenarioNode b) {
    double[] v = new double[8];
    String[] keys = {"capacity_kwh", "charge_kw", "discharge_kw", "efficiency_charge", "efficiency_discharge",
        "soc_min", "soc_max", "soc_initial"};
    for (int i = 0; i < keys.length; i++) {
      v[i] = b.required(keys[i]).asNumber();
    }
    double degradation = b.number("degradation_cost_per_kwh", 0);
    return build(b, () -> new BatterySpec(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], degradation));
  }

  private ShiftableLoad shiftable(ScenarioNode s) {
    s.requireObject(SHIFTABLE_KEYS);
    double energy = s.required("energy_kwh").asNumber();
    ScenarioNode windowNode = s.required("window");
    List<ScenarioNode> window = windowNode.elements();
    if (window.size() != 2) {
      throw windowNode.error("expected [START, END] (interval indices, END exclusive), got " + window.size() + " values");
    }
    int start = window.get(0).asInt();
    int end = window.get(1).asInt();
    if (end > intervals) {
      throw windowNode.error("the window ends at " + end + ", after the horizon's " + intervals + " intervals");
    }
    double max = s.required("max_kw").asNumber();
    return build(s, () -> new ShiftableLoad(energy, start, end, max));
  }

  /** A number, a list with one value per interval, or {csv: FILE, column: NAME}. */
  private TimeSeries series(ScenarioNode node, String owner) {
    String key = node.path().substring(node.path().lastIndexOf('.') + 1);
    double[] values;
    String what;
    if (node.json().isNumber()) {
      return TimeSeries.constant(node.asNumber(), intervals);
    } else if (node.json().isArray()) {
      List<ScenarioNode> elements = node.elements();
      values = new double[elements.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = elements.get(i).asNumber();
      }
      what = "values";
    } else if (node.json().isObject()) {
      node.requireObject(CSV_KEYS);
      ScenarioNode file = node.required("csv");
      String column = node.required("column").asText();
      values = csv.column(file.asText(), column, file);
      what = "rows in column " + column + " of " + file.asText();
    } else {
      throw node.error("expected a number, a list with one value per interval, or {csv: FILE, column: NAME}, got "
          + ScenarioNode.describe(node.json()));
    }
    if (values.length != intervals) {
      throw node.error(owner + ": " + key + " has " + values.length + " " + what + "; it needs one per interval ("
          + intervals + ", horizon.intervals)");
    }
    return build(node, () -> new TimeSeries(values));
  }

  /**
   * A building's load at 1-minute resolution, {@code {csv: FILE, column: NAME}} with one row per minute of
   * the horizon; only on a three-phase feeder (what {@code realtime --validate-minutes} replays).
   */
  private TimeSeries minuteSeries(ScenarioNode node, String owner) {
    if (phaseFeeder == null) {
      throw node.error("1-minute loads are replayed on a three-phase feeder only (network.opendss,"
          + " peergrid realtime --validate-minutes): remove the key");
    }
    if (!node.json().isObject()) {
      throw node.error("expected {csv: FILE, column: NAME} with one row per minute, got "
          + ScenarioNode.describe(node.json()));
    }
    node.requireObject(CSV_KEYS);
    ScenarioNode file = node.required("csv");
    String column = node.required("column").asText();
    double[] values = csv.column(file.asText(), column, file);
    int minutes = intervals * (int) Math.round(hours * 60);
    if (values.length != minutes) {
      throw node.error(owner + ": load_kw_minutes has " + values.length + " rows in column " + column + " of "
          + file.asText() + "; it needs one per minute of the horizon (" + minutes + " = horizon.intervals × "
          + "interval_minutes)");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw node.error(owner + ": load_kw_minutes is negative in row " + (i + 1) + " of " + file.asText()
            + " (" + values[i] + " kW); a load is ≥ 0");
      }
    }
    return new TimeSeries(values);
  }

  /** The rest of a scenario on an OpenDSS feeder, once its horizon is known. */
  private ThreePhaseLoaded readThreePhase(ScenarioNode root, ScenarioNode n, String name, String currency,
      Horizon horizon) {
    ThreePhaseNetworkSettings network = threePhaseNetwork(n);
    Tariff tariff = tariff(root.required("tariff"));
    Tariff realtime = root.optional("realtime").map(r -> realtime(r, tariff)).orElse(tariff.realtimeDefault());
    List<Participant> participants = new ArrayList<>();
    for (ScenarioNode p : root.required("participants").elements()) {
      participants.add(participant(p));
    }
    BargainingSpec bargaining = root.optional("bargaining").map(b -> BargainingReader.read(b, participants, tariff))
        .orElse(BargainingSpec.DEFAULT);
    if (bargaining.hasCoalitions()) {
      throw root.child("bargaining").child("coalitions").error("coalitions are not yet valued on a three-phase"
          + " feeder (network.opendss): remove the key");
    }
    UncertaintySpec uncertainty = root.optional("uncertainty")
        .map(u -> UncertaintyReader.read(u, participants)).orElse(UncertaintySpec.DEFAULT);
    StageRequests stages = root.optional("run").map(r -> StageRequestsReader.read(r, files))
        .orElse(StageRequests.NONE);
    ThreePhaseScenario scenario = build(root, () -> new ThreePhaseScenario(name, currency, network, horizon, tariff,
        participants, connections, bargaining, uncertainty, stages, realtime, minuteLoads));
    return new ThreePhaseLoaded(scenario, opendssNode.error("this command does not run on a three-phase feeder yet;"
        + " peergrid clear, compare, run, uncertainty and realtime do (docs/opendss.md, \"Markets on three-phase"
        + " feeders\", lists the mechanisms)"));
  }

  private ThreePhaseNetworkSettings threePhaseNetwork(ScenarioNode n) {
    n.requireObject(NETWORK_KEYS);
    if (n.has("matpower")) {
      throw n.child("matpower").error("a network is either a MATPOWER case or an OpenDSS feeder: remove matpower or"
          + " opendss");
    }
    for (String key : MATPOWER_ONLY_KEYS) {
      if (n.has(key)) {
        throw n.child(key).error("only a MATPOWER network has this key; an OpenDSS feeder's source voltage and"
            + " lines come from its script: remove it");
      }
    }
    opendssNode = n.required("opendss");
    Path master = feederFile(opendssNode);
    if (!Files.isRegularFile(master)) {
      throw opendssNode.error("OpenDSS script " + master + " does not exist (paths are relative to the scenario file)");
    }
    try {
      // a feeder read in place of the named file came in a request (a server's day): its redirects may not
      // leave its folder, so that no request can make the server read another file of its disk
      phaseFeeder = DssNetworkBuilder.build(feeder != null ? DssScriptReader.readConfined(master)
          : DssScriptReader.read(master));
    } catch (ValidationException e) {
      // the reader names the script's file and line; say which scenario key led there
      throw opendssNode.error(e.getMessage());
    }
    SharedNetworkKeys shared = sharedNetworkKeys(n);
    double unbalance = n.number("unbalance_pu", ThreePhaseNetworkSettings.DEFAULT_UNBALANCE_PU);
    Map<String, Double> lineLimits = new LinkedHashMap<>();
    eachEntry(n.optional("line_limit_a"), "a mapping of line names to amperes, e.g. {\"Line.684611\": 60}",
        (key, limit) -> {
          String lower = key.trim().toLowerCase(Locale.ROOT);
          String line = lower.startsWith("line.") ? lower : "line." + lower;
          if (phaseFeeder.elements().stream().noneMatch(e -> e.kind() == PhaseElement.Kind.LINE
              && e.name().equalsIgnoreCase(line))) {
            throw limit.error("the feeder has no line " + key + "; write the name of a Line of its script, e.g."
                + " Line.NAME");
          }
          double amps = limit.asNumber();
          if (!(amps > 0) || Double.isInfinite(amps)) {
            throw limit.error("a line limit must be a positive number of amperes, got " + amps);
          }
          lineLimits.put(line, amps);
        });
    return build(n, () -> new ThreePhaseNetworkSettings(master, phaseFeeder, shared.vmin(), shared.vmax(), unbalance,
        shared.background(), shared.profile(), shared.acCorrection(), lineLimits));
  }

  /** Each key of a mapping {@code section} (if present) with its value; anything else is refused as not {@code expected}. */
  private static void eachEntry(Optional<ScenarioNode> section, String expected,
      java.util.function.BiConsumer<String, ScenarioNode> each) {
    section.ifPresent(mapping -> {
      if (!mapping.json().isObject()) {
        throw mapping.error("expected " + expected);
      }
      mapping.json().fieldNames().forEachRemaining(key -> each.accept(key, mapping.child(key)));
    });
  }

  /** Runs a record constructor, attributing its complaint to the value's file, line and key path. */
  static <T> T build(ScenarioNode at, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ValidationException e) {
      if (e.source().isPresent()) {
        throw e;
      }
      throw at.error(e.detail());
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
