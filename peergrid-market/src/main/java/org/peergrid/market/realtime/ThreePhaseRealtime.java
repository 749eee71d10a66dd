package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.NetworkState;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.ThreePhaseNetworkSettings;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseAcCheck;
import org.peergrid.market.threephase.ThreePhaseDay;
import org.peergrid.market.threephase.ThreePhaseDayClearing;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.vc.Grouping;

/**
 * Real time on a three-phase feeder (docs/realtime.md, "Three-phase feeders"): the same rolling
 * horizon, two settlements and check of every interval as on a balanced feeder, with the day-ahead
 * market and the re-dispatch cleared on LinDist3Flow and the check by the three-phase power flow.
 *
 * <p>At interval t (once something has deviated) the rest of the day t..T−1 is cleared again by
 * {@link ThreePhaseDayClearing} on the LinDist3Flow model built once for the day-ahead market: actual
 * values in t, forecasts after, batteries from their actual energy towards the day's end-of-day
 * target, shiftable loads with what is left, the day-ahead position fixed at the source and the grid
 * priced at the real-time tariff. Only interval t is carried out. Unlike the balanced walk, which
 * keeps one LP warm ({@code RollingDispatch}), each re-dispatch builds its LP afresh (the
 * sensitivities come from the shared model): correct, but slower on large feeders.
 *
 * <p>The realised day is handed to {@link TwoSettlement} as on a balanced feeder, so the same money
 * identities are asserted.
 */
public final class ThreePhaseRealtime {
  /** How far real time loosens the voltage rows when no re-dispatch meets them: out of reach [p.u.²]. */
  static final double DROPPED_VOLTAGE_MARGIN_PU2 = 10;

  private ThreePhaseRealtime() {}

  /**
   * One interval as it happened, through the three-phase power flow.
   *
   * @param flow the power flow's solution
   * @param limits the solution against the scenario's limits (null when it did not converge)
   */
  public record IntervalCheck(int interval, ThreePhaseResult flow, PhaseLimitCheck.Summary limits) {}

  /**
   * A day after real time on a three-phase feeder.
   *
   * @param actual the scenario with the actual load and generation
   * @param realizedDays each participant's realised day (the rows carried out), in scenario order
   * @param checks every interval through the three-phase power flow
   * @param millis wall time of the real-time stage [ms]
   */
  public record Result(ThreePhaseScenario actual, DayAhead dayAhead, RealizedDay realized,
      TwoSettlementResult settlement, List<ParticipantDay> realizedDays, List<IntervalCheck> checks, long millis) {

    /** Whether every interval's power flow converged. */
    public boolean converged() {
      return checks.stream().allMatch(c -> c.flow().converged());
    }
  }

  /**
   * The day ahead that real time starts from on a three-phase feeder: the forecast scenario, the model
   * its schedule was cleared on (which the re-dispatch reuses), each participant's day-ahead day, and
   * the schedule's settlement (DLMP, or a community mechanism's with its communities).
   */
  public record Plan(ThreePhaseScenario forecast, LinDist3Flow model, List<ParticipantDay> days, DayAhead dayAhead) {
    public Plan {
      days = List.copyOf(days);
    }

    /**
     * Participants' day-ahead days as real time takes them: the schedule the settlement reads (the
     * source's position from the feeder's own load and the participants' net withdrawals) and its settlement.
     *
     * @param cost the day-ahead schedule's cost [money]
     * @param communities a community mechanism's communities (deviations net inside each first); empty: none
     */
    public static Plan of(ThreePhaseScenario forecast, LinDist3Flow model, List<ParticipantDay> days, double cost,
        SettlementResult settlement, String source, Optional<Grouping> communities) {
      DispatchSolution schedule = solution(forecast, days, cost, rootKw(backgroundKw(forecast, model), days));
      return new Plan(forecast, model, days, new DayAhead(schedule, settlement, source, communities));
    }
  }

  /** The day-ahead DLMP market's schedule and settlement, as real time takes them. */
  public static DayAhead dayAhead(ThreePhaseMarket market, String source) {
    return plan(market, source).dayAhead();
  }

  /** The same with the market's model and days. */
  public static Plan plan(ThreePhaseMarket market, String source) {
    return Plan.of(market.clearing().scenario(), market.clearing().model(), market.day().participants(),
        market.day().cost(), market.settle(new DlmpMechanism()).settlement().orElseThrow(
            () -> new IllegalStateException("the day-ahead DLMP settlement failed")), source, Optional.empty());
  }

  /**
   * Walks the day.
   *
   * @param market the day-ahead market, cleared on the forecasts (its model is reused)
   * @param actual the forecast scenario with the actual values ({@link DeviationSampler}, {@link ActualsCsv})
   * @param dayAhead {@link #dayAhead} of the market
   * @throws IllegalStateException when a re-dispatch fails even without voltage and unbalance limits
   */
  public static Result run(ThreePhaseMarket market, ThreePhaseScenario actual, DayAhead dayAhead,
      RealtimeProgress progress) {
    return run(new Plan(market.clearing().scenario(), market.clearing().model(), market.day().participants(),
        dayAhead), actual, progress);
  }

  /**
   * Walks the day from any day ahead (the DLMP market's, a game's): the intervals that go as forecast
   * carry out {@code dayAhead.days()}, the others are re-dispatched with the source held at that
   * schedule's position.
   *
   * @throws IllegalStateException when a re-dispatch fails even without voltage and unbalance limits
   */
  public static Result run(Plan dayAheadPlan, ThreePhaseScenario actual, RealtimeProgress progress) {
    long start = System.nanoTime();
    ThreePhaseScenario forecast = dayAheadPlan.forecast();
    LinDist3Flow model = dayAheadPlan.model();
    DayAhead dayAhead = dayAheadPlan.dayAhead();
    int n = forecast.horizon().intervals();
    double hours = forecast.horizon().hours();
    List<Participant> ps = forecast.participants();
    List<ParticipantDay> plan = dayAheadPlan.days();
    double[] background = backgroundKw(forecast, model);
    double[] dayAheadRoot = rootKw(background, plan);
    Rows rows = new Rows(ps.size(), n);
    Map<String, Double> energy = new HashMap<>();
    ps.forEach(p -> RemainingDay.battery(p).ifPresent(b -> energy.put(p.id(), b.initialKwh())));
    // an EV plugged in at midnight is the overnight car that arrived the evening before (the day repeats):
    // it starts the day, and ends its evening part, with the day ahead's energy at midnight
    Map<String, Double> vehicleEnd = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i) instanceof ElectricVehicle) {
        vehicleEnd.put(ps.get(i).id(), plan.get(i).energyKwh()[n - 1]);
        energy.put(ps.get(i).id(), plan.get(i).energyKwh()[n - 1]);
      }
    }
    Map<String, Double> served = new HashMap<>();
    Map<String, Double> endTargets = RemainingDay.endTargets(ps);
    PhaseLimitCheck limits = new PhaseLimitCheck(model.network(), forecast.network());
    List<RealtimeInterval> intervals = new ArrayList<>();
    List<IntervalCheck> checks = new ArrayList<>();
    boolean onPlan = true;
    for (int t = 0; t < n; t++) {
      long solveStart = System.nanoTime();
      onPlan = onPlan && ActualDay.asForecast(forecast.buildings(), actual.buildings(), t);
      boolean dropped = false;
      if (onPlan) {
        rows.copy(t, plan, t);
      } else {
        double[] position = java.util.Arrays.copyOfRange(dayAheadRoot, t, n);
        ThreePhaseDay rest = new ThreePhaseDayClearing(rest(forecast, actual, t, energy, served, vehicleEnd, false), model,
            position, endTargets).clear();
        if (!rest.optimal()) {
          dropped = true;
          int nodes = model.network().nodeCount();
          double[][] loose = new double[n - t][nodes];
          for (double[] row : loose) {
            java.util.Arrays.fill(row, -DROPPED_VOLTAGE_MARGIN_PU2);
          }
          rest = new ThreePhaseDayClearing(rest(forecast, actual, t, energy, served, vehicleEnd, true), model, position,
              endTargets).clear(loose, loose);
          if (!rest.optimal()) {
            throw new IllegalStateException("real-time interval " + t + ": " + rest.message());
          }
        }
        rows.copy(t, rest.participants(), 0);
      }
      for (int i = 0; i < ps.size(); i++) {
        if (energy.containsKey(ps.get(i).id())) {
          energy.put(ps.get(i).id(), rows.energy[i][t]);
        }
        served.merge(ps.get(i).id(), rows.shifted[i][t] * hours, Double::sum);
      }
      double millis = onPlan ? 0 : (System.nanoTime() - solveStart) / 1e6;
      double root = rows.rootKw(t, background[t]);
      RealtimeInterval done = new RealtimeInterval(t, !onPlan, dropped, millis, root - dayAheadRoot[t]);
      intervals.add(done);
      ThreePhaseResult flow = ThreePhaseAcCheck.powerFlow(model, injections(actual, model, rows, t));
      checks.add(new IntervalCheck(t, flow, flow.converged() ? limits.check(flow) : null));
      progress.interval(done, n);
    }
    double[] realizedRoot = new double[n];
    for (int t = 0; t < n; t++) {
      realizedRoot[t] = rows.rootKw(t, background[t]);
    }
    List<ParticipantDay> realizedDays = rows.days(ps);
    DispatchSolution solution = solution(actual, realizedDays, Double.NaN, realizedRoot);
    RealizedDay realized = new RealizedDay(withCost(solution, forecast, realizedRoot, dayAheadRoot), intervals,
        dayAheadRoot, realizedRoot, 0);
    TwoSettlementResult settlement = TwoSettlement.settle(forecast.horizon(), forecast.realtimeTariff(), ps, dayAhead,
        realized);
    return new Result(actual, dayAhead, realized, settlement, realizedDays, checks,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The net import at the source per interval: the feeder's own load plus every participant's net withdrawal (lossless). */
  static double[] rootKw(double[] backgroundKw, List<ParticipantDay> days) {
    double[] root = backgroundKw.clone();
    for (int t = 0; t < root.length; t++) {
      for (ParticipantDay d : days) {
        root[t] -= d.netKw()[t];
      }
    }
    return root;
  }

  /** The feeder's own load per interval (its loads times the background profile), kW withdrawn. */
  static double[] backgroundKw(ThreePhaseScenario s, LinDist3Flow model) {
    double[] kw = new double[s.horizon().intervals()];
    for (int t = 0; t < kw.length; t++) {
      double multiplier = s.network().backgroundMultiplier(t);
      for (LinDist3Flow.Injection load : model.feederInjections()) {
        kw[t] -= multiplier * load.pKw();
      }
    }
    return kw;
  }

  /**
   * Interval t as it happened, as injections: the feeder's own loads, and every participant's realised
   * net injection spread equally over its phases with a building's actual reactive load.
   */
  static List<LinDist3Flow.Injection> injections(ThreePhaseScenario actual, LinDist3Flow model, Rows rows, int t) {
    List<LinDist3Flow.Injection> all = background(actual, model, t);
    for (int i = 0; i < actual.participants().size(); i++) {
      Participant p = actual.participants().get(i);
      double q = p instanceof Building b ? -b.loadKvar(t) : 0;
      addSpread(all, actual, model, p.id(), rows.net[i][t], q);
    }
    return all;
  }

  /** The feeder's own loads in interval t (times the background profile), as injections; empty without them. */
  static List<LinDist3Flow.Injection> background(ThreePhaseScenario s, LinDist3Flow model, int t) {
    List<LinDist3Flow.Injection> all = new ArrayList<>();
    double multiplier = s.network().backgroundMultiplier(t);
    if (multiplier != 0) {
      for (LinDist3Flow.Injection load : model.feederInjections()) {
        all.add(new LinDist3Flow.Injection(load.port(), multiplier * load.pKw(), multiplier * load.qKvar()));
      }
    }
    return all;
  }

  /** A participant's injection spread equally over its phases (as the clearing spreads its column). */
  public static void addSpread(List<LinDist3Flow.Injection> all, ThreePhaseScenario s, LinDist3Flow model, String id,
      double pKw, double qKvar) {
    PhaseConnection c = s.connection(id);
    int phases = c.nodes().size();
    for (int number : c.nodes()) {
      all.add(new LinDist3Flow.Injection(model.wye(c.bus(), number), pKw / phases, qKvar / phases));
    }
  }

  /**
   * The rest of the day from t as a three-phase scenario priced at the real-time tariff; with
   * {@code dropped}, without unbalance and line limits (the caller loosens the voltage rows too).
   */
  private static ThreePhaseScenario rest(ThreePhaseScenario forecast, ThreePhaseScenario actual, int t,
      Map<String, Double> energy, Map<String, Double> served, Map<String, Double> vehicleEnd, boolean dropped) {
    int n = forecast.horizon().intervals();
    ThreePhaseNetworkSettings net = forecast.network();
    ThreePhaseNetworkSettings restNet = new ThreePhaseNetworkSettings(net.opendss(), net.feeder(), net.vminPu(),
        net.vmaxPu(), dropped ? Double.POSITIVE_INFINITY : net.unbalancePu(), net.backgroundLoad(),
        RemainingDay.slice(net.backgroundProfile(), t), net.acCorrection(), dropped ? Map.of() : net.lineLimitAmps());
    Tariff rt = forecast.realtimeTariff();
    Tariff restTariff = new Tariff(RemainingDay.slice(rt.importPrice(), t), RemainingDay.slice(rt.exportPrice(), t));
    return new ThreePhaseScenario(forecast.name() + " from interval " + t, forecast.currency(), restNet,
        new Horizon(n - t, forecast.horizon().intervalMinutes()), restTariff,
        RemainingDay.participants(forecast.participants(), actual.participants(), n, forecast.horizon().hours(), t,
            energy, served, vehicleEnd),
        forecast.connections(), forecast.bargaining(), forecast.uncertainty(), forecast.stages(), restTariff,
        Map.of());
  }

  /**
   * Participants' days as a {@link DispatchSolution}, what the settlement reads: import and export are
   * each participant's net withdrawal and injection; the grid exchange is {@code rootKw} (empty: none).
   * There are no bus prices or LinDistFlow states on a three-phase feeder (the settlement does not read them).
   */
  static DispatchSolution solution(ThreePhaseScenario s, List<ParticipantDay> days, double cost, double[] rootKw) {
    int n = s.horizon().intervals();
    List<ParticipantSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Participant p = s.participants().get(i);
      ParticipantDay d = days.get(i);
      double[] imports = new double[n];
      double[] exports = new double[n];
      double[] generation = new double[n];
      for (int t = 0; t < n; t++) {
        imports[t] = Math.max(0, -d.netKw()[t]);
        exports[t] = Math.max(0, d.netKw()[t]);
        generation[t] = p instanceof Building b ? b.renewableKw(t) - d.curtailedKw()[t] : d.outputKw()[t];
      }
      schedules.add(new ParticipantSchedule(p.id(), ts(imports), ts(exports), ts(d.chargeKw()), ts(d.dischargeKw()),
          ts(d.energyKwh()), ts(d.shiftedKw()), ts(generation), ts(d.curtailedKw())));
    }
    double[] gridImport = new double[rootKw.length];
    double[] gridExport = new double[rootKw.length];
    for (int t = 0; t < rootKw.length; t++) {
      gridImport[t] = Math.max(0, rootKw[t]);
      gridExport[t] = Math.max(0, -rootKw[t]);
    }
    BusSeries none = new BusSeries(new double[n][0]);
    return new DispatchSolution(cost, schedules, ts(gridImport), ts(gridExport),
        new LocationalPrices(none, none, none, none), new NetworkState(none, none), List.of());
  }

  /** The real-time cost of dispatch: deviations at the root at the real-time tariff, DG fuel, battery wear. */
  private static DispatchSolution withCost(DispatchSolution s, ThreePhaseScenario forecast, double[] realizedRoot,
      double[] dayAheadRoot) {
    double hours = forecast.horizon().hours();
    Tariff rt = forecast.realtimeTariff();
    double cost = 0;
    for (int i = 0; i < forecast.participants().size(); i++) {
      Participant p = forecast.participants().get(i);
      ParticipantSchedule x = s.schedules().get(i);
      double wear = RemainingDay.battery(p).map(b -> b.degradationCostPerKwh()).orElse(0.0);
      double fuel = p instanceof DistributedGenerator g ? g.costPerKwh() : 0;
      for (int t = 0; t < realizedRoot.length; t++) {
        cost += hours * (wear * (x.chargeKw().get(t) + x.dischargeKw().get(t)) + fuel * x.generationKw().get(t));
      }
    }
    for (int t = 0; t < realizedRoot.length; t++) {
      double d = realizedRoot[t] - dayAheadRoot[t];
      cost += hours * (Math.max(0, d) * rt.importPrice().get(t) - Math.max(0, -d) * rt.exportPrice().get(t));
    }
    return new DispatchSolution(cost, s.schedules(), s.gridImportKw(), s.gridExportKw(), s.prices(), s.network(),
        s.notes());
  }

  private static TimeSeries ts(double[] v) {
    return new TimeSeries(v);
  }

  /** The realised day, one interval at a time: row {@code row} of a schedule becomes interval t. */
  static final class Rows {
    final double[][] charge;
    final double[][] discharge;
    final double[][] energy;
    final double[][] curtailed;
    final double[][] shifted;
    final double[][] output;
    final double[][] net;
    final double[][] price;

    Rows(int participants, int intervals) {
      charge = new double[participants][intervals];
      discharge = new double[participants][intervals];
      energy = new double[participants][intervals];
      curtailed = new double[participants][intervals];
      shifted = new double[participants][intervals];
      output = new double[participants][intervals];
      net = new double[participants][intervals];
      price = new double[participants][intervals];
    }

    /** The schedule's net injection already has the actual values of t where it was cleared with them. */
    void copy(int t, List<ParticipantDay> from, int row) {
      for (int i = 0; i < net.length; i++) {
        ParticipantDay d = from.get(i);
        charge[i][t] = d.chargeKw()[row];
        discharge[i][t] = d.dischargeKw()[row];
        energy[i][t] = d.energyKwh()[row];
        curtailed[i][t] = d.curtailedKw()[row];
        shifted[i][t] = d.shiftedKw()[row];
        output[i][t] = d.outputKw()[row];
        net[i][t] = d.netKw()[row];
        price[i][t] = d.price()[row];
      }
    }

    /** The feeder's own load plus every participant's net withdrawal: the net import at the source (lossless) [kW]. */
    double rootKw(int t, double backgroundKw) {
      double root = backgroundKw;
      for (double[] row : net) {
        root -= row[t];
      }
      return root;
    }

    List<ParticipantDay> days(List<Participant> ps) {
      List<ParticipantDay> days = new ArrayList<>();
      for (int i = 0; i < ps.size(); i++) {
        days.add(new ParticipantDay(ps.get(i).id(), charge[i], discharge[i], energy[i], curtailed[i], shifted[i],
            output[i], net[i], price[i]));
      }
      return days;
    }
  }
}
