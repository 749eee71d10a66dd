package org.peergrid.market.probabilistic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.BuildingUncertainty;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.uncertainty.RandomInput;

/**
 * The m random inputs of a scenario and how a vector of their values becomes a scenario.
 *
 * <p>There is one input per building, random quantity and interval whose forecast has a nonzero
 * spread (PV at night, a calm hour or a zero load are not random and not counted). Hong's method
 * treats inputs one at a time, so the inputs of one interval cannot be lumped into one: m is what
 * it is, and a point estimate costs 2m or 2m + 1 clearings. Order: buildings in scenario order, then
 * pv, wind, load, then intervals; Monte Carlo draws in this order.
 *
 * @param forecasts the random inputs, in the order above
 */
public record ScenarioInputs(List<RandomForecast> forecasts) {

  public ScenarioInputs {
    forecasts = List.copyOf(forecasts);
  }

  /** The random inputs of {@code scenario} under its {@code uncertainty} settings. */
  public static ScenarioInputs of(Scenario scenario) {
    List<RandomForecast> out = new ArrayList<>();
    for (Building b : scenario.buildings()) {
      BuildingUncertainty u = scenario.uncertainty().of(b.id());
      for (RandomQuantity q : RandomQuantity.values()) {
        if (!u.isRandom(q)) {
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
            out.add(new RandomForecast(b.id(), q, t, input));
          }
        }
      }
    }
    return new ScenarioInputs(out);
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
   * The scenario with input k's forecast replaced by x[k]. A value below 0 becomes 0: Building
   * refuses negative powers, and the 2m scheme puts points √m standard deviations from the mean,
   * below zero for a skewed PV input once m is large (see {@link #clipped}).
   */
  public Scenario apply(Scenario base, double[] x) {
    if (x.length != forecasts.size()) {
      throw new IllegalArgumentException("expected " + forecasts.size() + " input values, got " + x.length);
    }
    Map<String, double[][]> series = new HashMap<>();
    for (int k = 0; k < x.length; k++) {
      RandomForecast f = forecasts.get(k);
      double[][] own = series.computeIfAbsent(f.participant(), id -> copies(base, id));
      own[f.quantity().ordinal()][f.interval()] = Math.max(0, x[k]);
    }
    List<Participant> participants = new ArrayList<>();
    for (Participant p : base.participants()) {
      double[][] v = series.get(p.id());
      if (v != null && p instanceof Building b) {
        participants.add(new Building(b.id(), b.bus(), new TimeSeries(v[RandomQuantity.LOAD.ordinal()]),
            b.powerFactor(), new TimeSeries(v[RandomQuantity.PV.ordinal()]),
            new TimeSeries(v[RandomQuantity.WIND.ordinal()]), b.battery(), b.shiftable()));
      } else {
        participants.add(p);
      }
    }
    return base.withParticipants(participants);
  }

  /** How many of the values are below 0 and so enter the scenario as 0. */
  public static int clipped(double[] x) {
    int n = 0;
    for (double v : x) {
      if (v < 0) {
        n++;
      }
    }
    return n;
  }

  private static double[][] copies(Scenario base, String id) {
    Building b = base.buildings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
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
