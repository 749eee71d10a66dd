package org.peergrid.market.probabilistic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.BuildingUncertainty;
import org.peergrid.market.scenario.CommonIrradiance;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.scenario.UncertaintySpec;
import org.peergrid.market.scenario.WeatherCorrelation;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.uncertainty.WindInput;
import org.peergrid.market.uncertainty.WindSpeedInput;

/**
 * The m random inputs of a scenario and how a vector of their values becomes a scenario.
 *
 * <p>With {@code correlation: independent} there is one input per building, random quantity and
 * interval whose forecast has a nonzero spread (PV at night, a calm hour or a zero load are not
 * random and not counted). Order: buildings in scenario order, then pv, wind, load, then intervals.
 *
 * <p>With {@code correlation: common} (the default) the weather is one for the feeder: per interval
 * one irradiance sets every PV forecast and one wind speed sets every turbine's; loads stay one
 * input per building and interval. Order: the irradiances by interval, the wind speeds by interval,
 * then the loads as above. Monte Carlo draws in this order.
 *
 * <ul>
 *   <li>Irradiance of interval t: see {@link CommonIrradiance}; every PV rises and falls with it,
 *       each keeping its forecast as mean and cv·forecast as standard deviation.
 *   <li>Wind speed of interval t: W ~ Weibull(k, 1), k the block's wind shape. Building b's turbine
 *       sees the speed c_b·W^{k/k_b}, which is exactly its own fitted Weibull(k_b, c_b) (for k_b = k
 *       a Weibull scale family; otherwise W^k is Exp(1) for every k), so each turbine keeps its own
 *       distribution and the speeds are perfectly rank-correlated.
 * </ul>
 *
 * @param forecasts the random inputs, in the order above
 */
public record ScenarioInputs(List<RandomForecast> forecasts) {

  public ScenarioInputs {
    forecasts = List.copyOf(forecasts);
  }

  /** The random inputs of {@code scenario} under its {@code uncertainty} settings. */
  public static ScenarioInputs of(Scenario scenario) {
    return of(scenario.buildings(), scenario.uncertainty(), scenario.horizon().intervals());
  }

  /** The same for a scenario on a three-phase feeder: its buildings' forecasts, whatever their phases. */
  public static ScenarioInputs of(ThreePhaseScenario scenario) {
    return of(scenario.buildings(), scenario.uncertainty(), scenario.horizon().intervals());
  }

  private static ScenarioInputs of(List<Building> buildings, UncertaintySpec spec, int intervals) {
    boolean common = spec.correlation() == WeatherCorrelation.COMMON;
    List<RandomForecast> out = new ArrayList<>();
    if (common) {
      for (int t = 0; t < intervals; t++) {
        sharedIrradiance(buildings, spec, t, out);
      }
      for (int t = 0; t < intervals; t++) {
        sharedWindSpeed(buildings, spec, t, out);
      }
    }
    for (Building b : buildings) {
      BuildingUncertainty u = spec.of(b.id());
      for (RandomQuantity q : RandomQuantity.values()) {
        if (!u.isRandom(q) || (common && q != RandomQuantity.LOAD)) {
          continue;
        }
        TimeSeries forecast = forecast(b, q);
        for (int t = 0; t < forecast.size(); t++) {
          RandomInput input = switch (q) {
            case PV -> u.pv().input(forecast, t);
            case WIND -> u.wind().input(forecast, t);
            case LOAD -> u.load().input(forecast.get(t));
          };
          if (input.std() > 0) {
            out.add(RandomForecast.own(b.id(), q, t, input));
          }
        }
      }
    }
    return new ScenarioInputs(out);
  }

  /** The irradiance of interval t, when some building's PV is random then. */
  private static void sharedIrradiance(List<Building> buildings, UncertaintySpec spec, int t,
      List<RandomForecast> out) {
    CommonIrradiance sky = CommonIrradiance.of(buildings, spec, t);
    if (sky.buildings().isEmpty()) {
      return;
    }
    List<RandomForecast.Target> targets = sky.buildings().stream().map(b -> new RandomForecast.Target(b.id(),
        s -> sky.pvKw(b, spec, s))).toList();
    out.add(new RandomForecast(RandomQuantity.PV, t, sky.irradiance(), targets));
  }

  /** The wind speed of interval t, when some building's wind is random then. */
  private static void sharedWindSpeed(List<Building> buildings, UncertaintySpec spec, int t,
      List<RandomForecast> out) {
    double shape = spec.defaults().wind().shape();
    List<RandomForecast.Target> targets = new ArrayList<>();
    for (Building b : buildings) {
      BuildingUncertainty u = spec.of(b.id());
      if (u.isRandom(RandomQuantity.WIND) && u.wind().input(b.windKw(), t) instanceof WindInput own) {
        double exponent = shape / own.shape();
        targets.add(new RandomForecast.Target(b.id(),
            w -> own.power(own.scale() * Math.pow(Math.max(0, w), exponent))));
      }
    }
    if (!targets.isEmpty()) {
      out.add(new RandomForecast(RandomQuantity.WIND, t, new WindSpeedInput(shape, 1), targets));
    }
  }

  /** m. */
  public int size() {
    return forecasts.size();
  }

  /** How many inputs are of quantity {@code q}. */
  public int count(RandomQuantity q) {
    return (int) forecasts.stream().filter(f -> f.quantity() == q).count();
  }

  public List<RandomInput> inputs() {
    return forecasts.stream().map(RandomForecast::input).toList();
  }

  /**
   * The scenario with the forecasts that the input values x set. A forecast below 0 becomes 0:
   * Building refuses negative powers, and the 2m scheme puts points √m standard deviations from the
   * mean, below zero for a skewed PV input once m is large (see {@link #clippedValues}).
   */
  public Scenario apply(Scenario base, double[] x) {
    return base.withParticipants(apply(base.participants(), x));
  }

  /** The same on a three-phase feeder: every building keeps its bus and phases. */
  public ThreePhaseScenario apply(ThreePhaseScenario base, double[] x) {
    return base.withParticipants(apply(base.participants(), x));
  }

  /** The participants with the forecasts that the input values x set (the others unchanged). */
  private List<Participant> apply(List<Participant> base, double[] x) {
    requireSize(x);
    Map<String, double[][]> series = new HashMap<>();
    for (int k = 0; k < x.length; k++) {
      RandomForecast f = forecasts.get(k);
      for (RandomForecast.Target target : f.targets()) {
        double[][] own = series.computeIfAbsent(target.participant(), id -> copies(base, id));
        own[f.quantity().ordinal()][f.interval()] = Math.max(0, target.forecastKw().applyAsDouble(x[k]));
      }
    }
    List<Participant> participants = new ArrayList<>();
    for (Participant p : base) {
      double[][] v = series.get(p.id());
      if (v != null && p instanceof Building b) {
        participants.add(new Building(b.id(), b.bus(), new TimeSeries(v[RandomQuantity.LOAD.ordinal()]),
            b.powerFactor(), new TimeSeries(v[RandomQuantity.PV.ordinal()]),
            new TimeSeries(v[RandomQuantity.WIND.ordinal()]), b.battery(), b.shiftable()));
      } else {
        participants.add(p);
      }
    }
    return participants;
  }

  /** How many of the forecasts that the input values x set are below 0 and so enter the scenario as 0. */
  public int clippedValues(double[] x) {
    requireSize(x);
    int n = 0;
    for (int k = 0; k < x.length; k++) {
      for (RandomForecast.Target target : forecasts.get(k).targets()) {
        if (target.forecastKw().applyAsDouble(x[k]) < 0) {
          n++;
        }
      }
    }
    return n;
  }

  private void requireSize(double[] x) {
    if (x.length != forecasts.size()) {
      throw new IllegalArgumentException("expected " + forecasts.size() + " input values, got " + x.length);
    }
  }

  private static double[][] copies(List<Participant> base, String id) {
    Building b = base.stream().filter(x -> x instanceof Building && x.id().equals(id)).map(Building.class::cast)
        .findFirst().orElseThrow();
    double[][] v = new double[RandomQuantity.values().length][];
    for (RandomQuantity q : RandomQuantity.values()) {
      v[q.ordinal()] = forecast(b, q).values();
    }
    return v;
  }

  private static TimeSeries forecast(Building b, RandomQuantity q) {
    return switch (q) {
      case PV -> b.pvKw();
      case WIND -> b.windKw();
      case LOAD -> b.loadKw();
    };
  }
}
