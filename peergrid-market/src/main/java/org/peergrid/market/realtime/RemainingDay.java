package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.dispatch.RestOfDay;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ShiftableLoad;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The rest of the day from interval t as a scenario of T − t intervals, for the rolling horizon:
 * interval t with its actual values, the intervals after it with their forecasts, the real-time
 * tariff as its tariff, each battery starting from its actual energy, and each shiftable load with
 * the energy it has not been served yet over what is left of its window.
 *
 * <p>Real time itself warm-starts one LP of the whole day ({@code RollingDispatch}); this fresh
 * sub-horizon model, solved by {@code LinDistFlowDispatch.solveRest}, is the reference it is held
 * to (RollingDispatchTest), and the day-ahead targets and battery lookups live here for both.
 */
final class RemainingDay {
  private RemainingDay() {}

  /**
   * @param energyKwh each battery's actual energy at the start of t, by participant id
   * @param servedKwh each shiftable load's energy served before t, by building id
   */
  static Scenario scenario(Scenario forecast, Scenario actual, int t, Map<String, Double> energyKwh,
      Map<String, Double> servedKwh) {
    int n = forecast.horizon().intervals();
    List<Participant> rest = participants(forecast.participants(), actual.participants(), t, energyKwh, servedKwh);
    NetworkSettings net = forecast.network();
    NetworkSettings restNet = new NetworkSettings(net.matpower(), net.radial(), net.vminPu(), net.vmaxPu(),
        net.rootVoltagePu(), net.backgroundLoad(), slice(net.backgroundProfile(), t), net.branchLimitKva());
    Tariff rt = forecast.realtimeTariff();
    Tariff restTariff = new Tariff(slice(rt.importPrice(), t), slice(rt.exportPrice(), t));
    return new Scenario(forecast.name() + " from interval " + t, forecast.currency(), restNet,
        new Horizon(n - t, forecast.horizon().intervalMinutes()), restTariff, rest, restTariff);
  }

  /**
   * The participants of the rest of the day from t (balanced or three-phase): buildings with their actual
   * values in t and forecasts after, batteries from their actual energy, shiftable loads with what is left.
   */
  static List<Participant> participants(List<Participant> forecast, List<Participant> actual, int t,
      Map<String, Double> energyKwh, Map<String, Double> servedKwh) {
    List<Participant> rest = new ArrayList<>();
    for (int i = 0; i < forecast.size(); i++) {
      Participant p = forecast.get(i);
      if (p instanceof Building f) {
        Building a = (Building) actual.get(i);
        rest.add(new Building(f.id(), f.bus(), rest(f.loadKw(), a.loadKw(), t), f.powerFactor(),
            rest(f.pvKw(), a.pvKw(), t), rest(f.windKw(), a.windKw(), t),
            f.battery().map(b -> startingAt(b, energyKwh.get(f.id()))),
            f.shiftable().flatMap(s -> remaining(s, servedKwh.getOrDefault(f.id(), 0.0), t))));
      } else if (p instanceof CommunityBattery c) {
        rest.add(new CommunityBattery(c.id(), c.bus(), startingAt(c.battery(), energyKwh.get(c.id()))));
      } else {
        rest.add(p);
      }
    }
    return rest;
  }

  /** The day's end-of-day battery targets SOC_0·E^max, by participant id. */
  static Map<String, Double> endTargets(Scenario forecast) {
    return endTargets(forecast.participants());
  }

  /** The same for a list of participants (a three-phase scenario's). */
  static Map<String, Double> endTargets(List<Participant> participants) {
    Map<String, Double> targets = new HashMap<>();
    for (Participant p : participants) {
      battery(p).ifPresent(b -> targets.put(p.id(), b.initialKwh()));
    }
    return targets;
  }

  /** The terms of the rest from t: the day-ahead root position of each remaining interval. */
  static RestOfDay terms(double[] dayAheadRootKw, int t, Map<String, Double> endTargets) {
    return new RestOfDay(new TimeSeries(Arrays.copyOfRange(dayAheadRootKw, t, dayAheadRootKw.length)), endTargets,
        true);
  }

  static Optional<BatterySpec> battery(Participant p) {
    if (p instanceof Building b) {
      return b.battery();
    }
    return p instanceof CommunityBattery c ? Optional.of(c.battery()) : Optional.empty();
  }

  /** Actual in the first interval, forecast after it. */
  static TimeSeries rest(TimeSeries forecast, TimeSeries actual, int t) {
    double[] v = Arrays.copyOfRange(forecast.values(), t, forecast.size());
    v[0] = actual.get(t);
    return new TimeSeries(v);
  }

  static TimeSeries slice(TimeSeries s, int t) {
    return new TimeSeries(Arrays.copyOfRange(s.values(), t, s.size()));
  }

  /**
   * The battery with its actual energy as initial SOC. The LP keeps energies within bounds only to
   * its feasibility tolerance (about 1e-9 of capacity), so the SOC is clamped into [SOC^min, SOC^max].
   */
  static BatterySpec startingAt(BatterySpec b, double energyKwh) {
    double soc = Math.min(b.socMax(), Math.max(b.socMin(), energyKwh / b.capacityKwh()));
    return new BatterySpec(b.capacityKwh(), b.chargeKw(), b.dischargeKw(), b.efficiencyCharge(),
        b.efficiencyDischarge(), b.socMin(), b.socMax(), soc, b.degradationCostPerKwh());
  }

  /** What is left of a shiftable load at t; none once its window has closed. */
  static Optional<ShiftableLoad> remaining(ShiftableLoad s, double servedKwh, int t) {
    if (s.windowEnd() <= t) {
      return Optional.empty();
    }
    double left = Math.max(0, s.energyKwh() - servedKwh);
    return Optional.of(new ShiftableLoad(left, Math.max(0, s.windowStart() - t), s.windowEnd() - t, s.maxKw()));
  }
}
