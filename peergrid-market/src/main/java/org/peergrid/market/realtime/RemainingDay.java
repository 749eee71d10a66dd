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
import org.peergrid.market.scenario.ElectricVehicle;
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
    List<Participant> rest = participants(forecast.participants(), actual.participants(), n,
        forecast.horizon().hours(), t, energyKwh, servedKwh, Map.of());
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
   * values in t and forecasts after, batteries from their actual energy, shiftable loads with what is left,
   * EVs with what is left of their sessions ({@link #restOfSession}; without an entry in {@code energyKwh}
   * and {@code vehicleEndKwh}, from their arrival energy and to their departure energy).
   *
   * @param intervals the day's intervals
   * @param hours their length
   * @param vehicleEndKwh each overnight EV's energy at the end of the day in the day ahead, by id
   */
  static List<Participant> participants(List<Participant> forecast, List<Participant> actual, int intervals,
      double hours, int t, Map<String, Double> energyKwh, Map<String, Double> servedKwh,
      Map<String, Double> vehicleEndKwh) {
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
      } else if (p instanceof ElectricVehicle ev) {
        rest.add(restOfSession(ev, intervals, hours, t, energyKwh.getOrDefault(ev.id(), ev.arrivalEnergyKwh()),
            vehicleEndKwh.getOrDefault(ev.id(), ev.departureEnergyKwh())));
      } else {
        rest.add(p);
      }
    }
    return rest;
  }

  /**
   * What is left of an EV's session at the start of interval t, on the rest's horizon of {@code intervals
   * − t} (index 0 is t). Before a same-day session: the session shifted. Plugged in: from its energy now
   * to its departure. Gone for the day: a car without charger power or energy need (the participant
   * stays, so that the rest has the day's participants). An overnight session (a departure before the
   * arrival) is the car that arrived the evening before and leaves in the morning, and arrives again in the
   * evening; its morning part runs from its energy now to the departure energy, and its evening part ends
   * the rest at {@code endKwh}, what the day ahead left it with at midnight (as a battery ends the day at
   * its day-ahead target: the morning after is beyond the day). While the morning part is on, the evening
   * part is left out of the rest (one car, one session a rest); it is planned from the first interval after
   * the departure.
   *
   * @param hours the interval's length
   * @param energyKwh its energy at the start of t (at the end of t − 1)
   * @param endKwh an overnight car's energy at the end of the day ahead
   */
  static ElectricVehicle restOfSession(ElectricVehicle ev, int intervals, double hours, int t, double energyKwh,
      double endKwh) {
    int m = intervals - t;
    int a = ev.arrival();
    int d = ev.departure();
    // the LP holds energies to its tolerance: clamp into the battery
    double now = Math.min(ev.capacityKwh(), Math.max(0, energyKwh));
    if (a < d) {
      if (t <= a) {
        return session(ev, a - t, d - t, ev.arrivalEnergyKwh(), ev.departureEnergyKwh(), hours);
      }
      return t < d ? session(ev, 0, d - t, now, ev.departureEnergyKwh(), hours) : gone(ev);
    }
    if (t < d) {
      return session(ev, 0, d - t, now, ev.departureEnergyKwh(), hours);
    }
    if (t <= a) {
      return session(ev, a - t, m, ev.arrivalEnergyKwh(), endKwh, hours);
    }
    return session(ev, 0, m, now, endKwh, hours);
  }

  /** The car with another session; the need lowered to what the charger can still reach (tolerances). */
  private static ElectricVehicle session(ElectricVehicle ev, int arrival, int departure, double fromKwh,
      double toKwh, double hours) {
    double reachable = fromKwh + ev.efficiency() * ev.chargeKw() * hours * (departure - arrival);
    return new ElectricVehicle(ev.id(), ev.bus(), arrival, departure, fromKwh,
        Math.min(reachable, Math.min(ev.capacityKwh(), Math.max(0, toKwh))), ev.capacityKwh(), ev.chargeKw(),
        ev.efficiency(), ev.v2gKw());
  }

  private static ElectricVehicle gone(ElectricVehicle ev) {
    return new ElectricVehicle(ev.id(), ev.bus(), 0, 1, 0, 0, ev.capacityKwh(), 0, ev.efficiency(), 0);
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
