package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.NetworkState;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.dispatch.RollingDispatch;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/**
 * Walks the day interval by interval (docs/realtime.md, rolling horizon). At interval t the rest of
 * the day, t..T−1, is scheduled again with the day-ahead LP: actual values in t, forecasts after it,
 * every battery from its actual energy towards the day's end-of-day target, the day-ahead position
 * fixed at the root so that the grid variables are the deviation from it, priced at the real-time
 * tariff. Only interval t of that schedule is carried out; t + 1 is solved again with what then is.
 * The LP is kept alive through the day ({@link RollingDispatch}: the past fixed, warm-started), which
 * solves the same problem as a fresh sub-horizon model ({@code LinDistFlowDispatch.solveRest}, the
 * reference that RollingDispatchTest holds it to), several times faster.
 *
 * <p>Until something deviates, the day-ahead schedule is kept as it is: real time acts on
 * deviations. When the day-ahead schedule is the LP's optimum and the real-time tariff brackets the
 * day-ahead one (import no cheaper, export no dearer), that schedule is also optimal for the rest
 * of the day, so keeping it loses nothing, while a re-solve could pick another of several optimal
 * schedules and shift money between participants for no reason.
 */
public final class RollingHorizon {
  private RollingHorizon() {}

  /**
   * @param forecast the scenario the day-ahead market cleared
   * @param actual the same scenario with the actual load and generation
   * @param dayAhead the day-ahead schedule, every participant's in scenario order
   * @throws IllegalStateException when the LP fails even without network limits (a defect or a
   *     solver failure, since batteries and shiftable loads always have the previous plan to follow)
   */
  public static RealizedDay run(Scenario forecast, Scenario actual, DispatchSolution dayAhead,
      RealtimeProgress progress) {
    int n = forecast.horizon().intervals();
    Rows rows = new Rows(forecast, actual);
    double[] dayAheadRoot = rootNetKw(forecast, dayAhead);
    List<RealtimeInterval> intervals = new ArrayList<>();
    boolean onPlan = true;
    long setup = System.nanoTime();
    try (RollingDispatch lp = RollingDispatch.start(forecast, actual, dayAheadRoot)) {
      setup = (System.nanoTime() - setup) / 1_000_000;
      for (int t = 0; t < n; t++) {
        long start = System.nanoTime();
        onPlan = onPlan && ActualDay.asForecast(forecast, actual, t);
        boolean dropped = false;
        if (onPlan) {
          lp.keep(t, dayAhead.schedules());
          rows.copy(t, dayAhead, t);
        } else {
          RollingDispatch.Step step = lp.solve(t);
          if (step.result().status() != DispatchStatus.OPTIMAL) {
            throw new IllegalStateException("real-time interval " + t + ": " + step.result().message());
          }
          dropped = step.networkLimitsDropped();
          rows.copy(t, step.result().optimal(), t);
        }
        double millis = onPlan ? 0 : (System.nanoTime() - start) / 1e6;
        double deviation = rows.rootNetKw(t) - dayAheadRoot[t];
        RealtimeInterval done = new RealtimeInterval(t, !onPlan, dropped, millis, deviation);
        intervals.add(done);
        progress.interval(done, n);
      }
    }
    DispatchSolution realized = rows.solution(dayAheadRoot);
    return new RealizedDay(realized, intervals, dayAheadRoot, rootNetKw(actual, realized), setup);
  }

  /** Net import at the root per interval: every bus's net load summed (LinDistFlow is lossless) [kW]. */
  static double[] rootNetKw(Scenario s, DispatchSolution solution) {
    double[] root = new double[s.horizon().intervals()];
    for (int t = 0; t < root.length; t++) {
      root[t] = Arrays.stream(BusLoads.activeKw(s, solution, t)).sum();
    }
    return root;
  }

  /** The realised day, assembled one interval at a time from the LP that dispatched it. */
  private static final class Rows {
    final Scenario forecast;
    final Scenario actual;
    // [participant][interval]
    final double[][] imports;
    final double[][] exports;
    final double[][] charge;
    final double[][] discharge;
    final double[][] soc;
    final double[][] shifted;
    final double[][] generation;
    final double[][] curtailed;
    // [interval][bus]
    final double[][] dlmp;
    final double[][] energy;
    final double[][] voltage;
    final double[][] congestion;
    final double[][] flowKw;
    final double[][] voltagePu;

    Rows(Scenario forecast, Scenario actual) {
      this.forecast = forecast;
      this.actual = actual;
      int participants = forecast.participants().size();
      int intervals = forecast.horizon().intervals();
      imports = new double[participants][intervals];
      exports = new double[participants][intervals];
      charge = new double[participants][intervals];
      discharge = new double[participants][intervals];
      soc = new double[participants][intervals];
      shifted = new double[participants][intervals];
      generation = new double[participants][intervals];
      curtailed = new double[participants][intervals];
      dlmp = new double[intervals][];
      energy = new double[intervals][];
      voltage = new double[intervals][];
      congestion = new double[intervals][];
      flowKw = new double[intervals][];
      voltagePu = new double[intervals][];
    }

    /**
     * Row {@code row} of a schedule as interval t. A building's generation and net exchange are
     * worked out from its actual load and renewables: the LP's own columns use the forecasts.
     */
    void copy(int t, DispatchSolution from, int row) {
      for (int i = 0; i < imports.length; i++) {
        ParticipantSchedule s = from.schedules().get(i);
        charge[i][t] = s.chargeKw().get(row);
        discharge[i][t] = s.dischargeKw().get(row);
        soc[i][t] = s.socKwh().get(row);
        shifted[i][t] = s.shiftedKw().get(row);
        generation[i][t] = s.generationKw().get(row);
        curtailed[i][t] = s.curtailedKw().get(row);
        double net = generation[i][t] - charge[i][t] + discharge[i][t];
        if (actual.participants().get(i) instanceof Building b) {
          generation[i][t] = b.renewableKw(t) - curtailed[i][t];
          net = generation[i][t] - b.loadKw().get(t) - shifted[i][t] - charge[i][t] + discharge[i][t];
        }
        imports[i][t] = Math.max(0, -net);
        exports[i][t] = Math.max(0, net);
      }
      LocationalPrices p = from.prices();
      dlmp[t] = p.dlmp().values()[row];
      energy[t] = p.energy().values()[row];
      voltage[t] = p.voltage().values()[row];
      congestion[t] = p.congestion().values()[row];
      flowKw[t] = from.network().flowKw().values()[row];
      voltagePu[t] = from.network().voltagePu().values()[row];
    }

    /** Background plus every participant's realised net withdrawal, summed over the buses [kW]. */
    double rootNetKw(int t) {
      double root = Arrays.stream(BusLoads.backgroundKw(actual.network(), t)).sum();
      for (int i = 0; i < imports.length; i++) {
        root += imports[i][t] - exports[i][t];
      }
      return root;
    }

    DispatchSolution solution(double[] dayAheadRoot) {
      List<Participant> participants = forecast.participants();
      int n = dayAheadRoot.length;
      double hours = forecast.horizon().hours();
      List<ParticipantSchedule> schedules = new ArrayList<>();
      double cost = 0;
      for (int i = 0; i < participants.size(); i++) {
        Participant p = participants.get(i);
        schedules.add(new ParticipantSchedule(p.id(), ts(imports[i]), ts(exports[i]), ts(charge[i]), ts(discharge[i]),
            ts(soc[i]), ts(shifted[i]), ts(generation[i]), ts(curtailed[i])));
        double degradation = RemainingDay.battery(p).map(b -> b.degradationCostPerKwh()).orElse(0.0);
        double fuel = p instanceof DistributedGenerator g ? g.costPerKwh() : 0;
        for (int t = 0; t < n; t++) {
          cost += hours * (degradation * (charge[i][t] + discharge[i][t]) + fuel * generation[i][t]);
        }
      }
      double[] gridImport = new double[n];
      double[] gridExport = new double[n];
      for (int t = 0; t < n; t++) {
        double root = rootNetKw(t);
        gridImport[t] = Math.max(0, root);
        gridExport[t] = Math.max(0, -root);
        double deviation = root - dayAheadRoot[t];
        cost += hours * (Math.max(0, deviation) * forecast.realtimeTariff().importPrice().get(t)
            - Math.max(0, -deviation) * forecast.realtimeTariff().exportPrice().get(t));
      }
      LocationalPrices prices = new LocationalPrices(new BusSeries(dlmp), new BusSeries(energy), new BusSeries(voltage),
          new BusSeries(congestion));
      return new DispatchSolution(cost, schedules, ts(gridImport), ts(gridExport), prices,
          new NetworkState(new BusSeries(flowKw), new BusSeries(voltagePu)), List.of());
    }

    private static TimeSeries ts(double[] v) {
      return new TimeSeries(v);
    }
  }
}
