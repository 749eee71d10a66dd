package org.peergrid.market.scenario;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the scenario's {@code uncertainty} block (docs/uncertainty.md) and checks that every random
 * forecast can be fitted, so that a probabilistic run never fails half-way on a bad setting: the
 * error names the key that sets it, the building and the interval.
 */
final class UncertaintyReader {
  // the keys each mapping allows; package-private for ScenarioSchemaTest, which holds docs/scenario.schema.json to them
  static final Set<String> BLOCK_KEYS = Set.of("random", "pv", "wind", "load", "participants", "correlation");
  static final Set<String> OVERRIDE_KEYS = Set.of("random", "pv", "wind", "load");
  static final Set<String> PV_KEYS = Set.of("cv", "rated_kw", "rated_factor");
  static final Set<String> WIND_KEYS =
      Set.of("shape", "cut_in_ms", "rated_ms", "cut_out_ms", "rated_kw", "rated_factor");
  static final Set<String> LOAD_KEYS = Set.of("cv");
  private static final Set<String> QUANTITIES =
      EnumSet.allOf(RandomQuantity.class).stream().map(RandomQuantity::key).collect(Collectors.toSet());

  private UncertaintyReader() {}

  static UncertaintySpec read(ScenarioNode block, List<Participant> participants) {
    block.requireObject(BLOCK_KEYS);
    BuildingUncertainty defaults = settings(block, BuildingUncertainty.DEFAULT);
    Map<String, BuildingUncertainty> overrides = new LinkedHashMap<>();
    block.optional("participants").ifPresent(section -> {
      if (!section.json().isObject()) {
        throw section.error("expected a mapping of building id to settings, e.g. {B01: {pv: {cv: 0.3}}}");
      }
      Set<String> buildings = participants.stream().filter(Building.class::isInstance).map(Participant::id)
          .collect(Collectors.toSet());
      section.json().fieldNames().forEachRemaining(id -> {
        ScenarioNode node = section.child(id);
        if (!buildings.contains(id)) {
          throw node.error("no building has id " + id + " (only buildings have random forecasts); "
              + KeySuggestion.suggest(id, buildings));
        }
        overrides.put(id, settings(node.requireObject(OVERRIDE_KEYS), defaults));
      });
    });
    WeatherCorrelation correlation = block.optional("correlation").map(UncertaintyReader::correlation)
        .orElse(WeatherCorrelation.COMMON);
    UncertaintySpec spec =
        ScenarioLoader.build(block, () -> new UncertaintySpec(defaults, overrides, correlation));
    for (Participant p : participants) {
      if (p instanceof Building b) {
        checkFits(b, spec.of(b.id()), block);
      }
    }
    if (correlation == WeatherCorrelation.COMMON) {
      checkCommonIrradiance(participants, spec, block);
    }
    return spec;
  }

  private static WeatherCorrelation correlation(ScenarioNode node) {
    String key = node.asText();
    return WeatherCorrelation.byKey(key).orElseThrow(() -> node.error("unknown correlation \"" + key
        + "\"; use common (one irradiance and one wind speed per interval for the whole feeder) or independent"));
  }

  /** {@code base} with the keys that {@code node} gives. */
  private static BuildingUncertainty settings(ScenarioNode node, BuildingUncertainty base) {
    Set<RandomQuantity> random = node.optional("random").map(UncertaintyReader::quantities).orElse(base.random());
    PvUncertainty pv = node.optional("pv").map(n -> pv(n.requireObject(PV_KEYS), base.pv())).orElse(base.pv());
    WindUncertainty wind =
        node.optional("wind").map(n -> wind(n.requireObject(WIND_KEYS), base.wind())).orElse(base.wind());
    LoadUncertainty load = node.optional("load")
        .map(n -> ScenarioLoader.build(n.requireObject(LOAD_KEYS), () -> new LoadUncertainty(n.number("cv",
            base.load().cv())))).orElse(base.load());
    return new BuildingUncertainty(random, pv, wind, load);
  }

  private static Set<RandomQuantity> quantities(ScenarioNode node) {
    Set<RandomQuantity> out = EnumSet.noneOf(RandomQuantity.class);
    for (ScenarioNode q : node.elements()) {
      String key = q.asText();
      out.add(RandomQuantity.byKey(key).orElseThrow(() -> q.error("unknown random quantity \"" + key + "\"; "
          + KeySuggestion.suggest(key, QUANTITIES))));
    }
    return out;
  }

  private static PvUncertainty pv(ScenarioNode n, PvUncertainty base) {
    boolean rating = n.has("rated_kw") || n.has("rated_factor");
    OptionalDouble rated = rating ? optionalNumber(n, "rated_kw") : base.ratedKw();
    double factor = rating ? n.number("rated_factor", PvUncertainty.DEFAULT_RATED_FACTOR) : base.ratedFactor();
    return ScenarioLoader.build(n, () -> new PvUncertainty(n.number("cv", base.cv()), rated, factor));
  }

  private static WindUncertainty wind(ScenarioNode n, WindUncertainty base) {
    boolean rating = n.has("rated_kw") || n.has("rated_factor");
    OptionalDouble rated = rating ? optionalNumber(n, "rated_kw") : base.ratedKw();
    double factor = rating ? n.number("rated_factor", WindUncertainty.DEFAULT_RATED_FACTOR) : base.ratedFactor();
    return ScenarioLoader.build(n, () -> new WindUncertainty(n.number("shape", base.shape()),
        n.number("cut_in_ms", base.cutInMs()), n.number("rated_ms", base.ratedMs()),
        n.number("cut_out_ms", base.cutOutMs()), rated, factor));
  }

  private static OptionalDouble optionalNumber(ScenarioNode n, String key) {
    return n.has(key) ? OptionalDouble.of(n.child(key).asNumber()) : OptionalDouble.empty();
  }

  /** Fits every random forecast of the building once, so that errors surface at load time. */
  private static void checkFits(Building b, BuildingUncertainty u, ScenarioNode block) {
    for (int t = 0; t < b.loadKw().size(); t++) {
      int interval = t;
      if (u.isRandom(RandomQuantity.PV)) {
        fit(() -> u.pv().input(b.pvKw(), interval), where(block, b.id(), "pv"), b, t,
            "lower cv or raise rated_kw / rated_factor");
      }
      if (u.isRandom(RandomQuantity.WIND)) {
        fit(() -> u.wind().input(b.windKw(), interval), where(block, b.id(), "wind"), b, t,
            "raise rated_kw / rated_factor, or change shape or the speeds");
      }
    }
  }

  /**
   * Fits the feeder's irradiance of every interval: each building's own fit passing is not enough
   * when the cvs differ, since the largest cv must fit the feeder's mean.
   */
  private static void checkCommonIrradiance(List<Participant> participants, UncertaintySpec spec,
      ScenarioNode block) {
    List<Building> buildings = participants.stream().filter(Building.class::isInstance).map(Building.class::cast)
        .toList();
    // the lengths are checked later, by Scenario; the shortest series keeps this check in range
    int intervals = buildings.stream().mapToInt(b -> b.pvKw().size()).min().orElse(0);
    for (int t = 0; t < intervals; t++) {
      CommonIrradiance sky = CommonIrradiance.of(buildings, spec, t);
      if (!sky.buildings().isEmpty()) {
        try {
          sky.irradiance();
        } catch (IllegalArgumentException e) {
          throw block.optional("correlation").orElse(block).error("interval " + t + ": the feeder's common "
              + "irradiance does not fit: " + e.getMessage() + "; lower the largest pv cv, or use correlation: "
              + "independent");
        }
      }
    }
  }

  private static void fit(Runnable fit, ScenarioNode at, Building b, int t, String fix) {
    try {
      fit.run();
    } catch (IllegalArgumentException e) {
      throw at.error("building " + b.id() + ", interval " + t + ": " + e.getMessage() + "; " + fix);
    }
  }

  /** The most specific node that sets the building's settings of {@code quantity}. */
  private static ScenarioNode where(ScenarioNode block, String id, String quantity) {
    Optional<ScenarioNode> own = block.optional("participants").flatMap(p -> p.optional(id));
    return own.flatMap(o -> o.optional(quantity)).or(() -> own)
        .or(() -> block.optional(quantity)).orElse(block);
  }
}
