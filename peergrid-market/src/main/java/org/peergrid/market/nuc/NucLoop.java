package org.peergrid.market.nuc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcViolation;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.WarmDispatch;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The iterative loop of network utilization charges (docs/nuc-ev.md). Each iteration announces
 * the charges, clears the peers' market with them ({@link LinDistFlowDispatch#solveWithCharges},
 * no network limits), forms the bilateral trades ({@link TradeMatching}), runs the AC power flow,
 * and then adjusts: a surcharge on the side of every trade that pushes a violated voltage or
 * branch the wrong way, and the loss rate ρ so that ρ Σ q w plus the surcharges recovers the
 * DSO's loss cost. It stops when the AC check passes and the revenue recovers the cost within the
 * tolerances (or exceeds it only by surcharges, the price of keeping the feeder within limits).
 */
public final class NucLoop {
  private final Scenario s;
  private final NucSettings settings;
  private final RadialNetwork radial;
  private final ElectricalDistance distance;
  private final SweepPowerFlow sweep;
  private final int nt;
  private final double hours;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private Surcharges surcharges;
  private double lossRate;
  /** The P2P market's LP kept between iterations, or null to build and solve each clearing cold. */
  private WarmDispatch warm;

  private NucLoop(Scenario s, NucSettings settings) {
    this.s = s;
    this.settings = settings;
    radial = s.network().radial();
    distance = new ElectricalDistance(radial);
    sweep = new SweepPowerFlow(radial, PowerFlowParameters.DEFAULT, s.network().rootVoltagePu());
    nt = s.horizon().intervals();
    hours = s.horizon().hours();
    for (Participant p : s.participants()) {
      index.put(p.id(), index.size());
    }
    surcharges = new Surcharges(index.size(), nt);
  }

  public static NucResult run(Scenario s, NucSettings settings) {
    return new NucLoop(s, settings).loop();
  }

  /**
   * The same loop with every iteration's market re-solved warm from the previous one's basis
   * ({@link WarmDispatch}). Not the default: each iteration's optimum is the same as cold, but where
   * the market's LP is degenerate the warm solve may stop at another of its tied schedules, whose AC
   * check and trades differ, so the loop can take another path (docs/benchmarks.md, incremental re-solves).
   */
  public static NucResult runWarm(Scenario s, NucSettings settings) {
    NucLoop loop = new NucLoop(s, settings);
    try (WarmDispatch warm = new WarmDispatch()) {
      loop.warm = warm;
      return loop.loop();
    }
  }

  /**
   * Three phases, all counted against {@code max_iterations}, so the loop ends after at most that
   * many clearings. Raise: surcharge the trades behind each violation until the AC check passes.
   * Relax: bisect a common factor α ∈ [0, 1] on the raised surcharges, the AC check passing at hi
   * and failing at lo, until hi − lo ≤ {@code surcharge_precision} (⌈log2(1/precision)⌉ clearings).
   * Settle: keep α = hi and refit ρ until the loss part of the revenue recovers the loss cost; should
   * the new ρ break the AC check, α goes up by the precision again. ρ is refitted after every
   * clearing, so every phase also moves the loss revenue towards the cost.
   */
  private NucResult loop() {
    List<NucIteration> iterations = new ArrayList<>();
    Clearing first = null;
    Clearing last = null;
    Surcharges raised = null;
    double lo = 0;
    double hi = 1;
    for (int k = 1; k <= settings.maxIterations(); k++) {
      String phase = raised == null ? "raise" : hi - lo > settings.surchargePrecision() ? "relax" : "settle";
      double scale = raised == null ? 1 : phase.equals("relax") ? (lo + hi) / 2 : hi;
      if (raised != null) {
        surcharges = raised.scaled(scale);
      }
      Clearing c = clear(last == null ? List.of() : last.trades());
      if (c.dispatch().status() != DispatchStatus.OPTIMAL) {
        return NucResult.failed(c.dispatch(), iterations);
      }
      first = first == null ? c : first;
      iterations.add(c.iteration(k, phase, scale));
      lossRate = nextLossRate(c.trades(), c.cost());
      if (raised == null && !c.passes()) {
        surcharge(c.trades(), c.ac().violations());
        last = c;
        continue;
      }
      if (raised == null && surcharges.any()) {
        raised = surcharges; // the AC check passes: from here on only lower them
        last = c;
        continue;
      }
      if (phase.equals("relax")) {
        if (c.passes()) {
          hi = scale;
          last = c;
        } else {
          lo = scale;
        }
        continue;
      }
      if (c.passes() && settings.recovers(c.lossRevenue(), c.cost())) {
        return result(true, "converged in " + k + " iteration(s)", c, iterations, first, raised == null ? 0 : hi);
      }
      if (!c.passes()) { // the refitted ρ moved the schedule: the next step up becomes hi
        lo = hi;
        hi = Math.min(1, hi + settings.surchargePrecision());
      }
      last = c;
    }
    Clearing c = last;
    return result(false, "stopped at max_iterations " + settings.maxIterations() + " with "
        + c.ac().violations().size() + " AC violation(s) and loss revenue " + c.lossRevenue() + " against cost "
        + c.cost(), c, iterations, first, raised == null ? 0 : hi);
  }

  /** A clearing under the surcharges and ρ announced now, with its trades and AC check. */
  private record Clearing(DispatchResult dispatch, AcCheckResult ac, List<Trade> trades, double cost,
      Surcharges surcharges, double lossRate) {
    boolean passes() {
      return ac.violations().isEmpty() && ac.converged();
    }

    double lossRevenue() {
      return trades.stream().mapToDouble(x -> x.kwh() * x.lossChargePerKwh()).sum();
    }

    double surchargeRevenue() {
      return trades.stream().mapToDouble(x -> x.kwh() * x.surchargePerKwh()).sum();
    }

    NucIteration iteration(int k, String phase, double scale) {
      return new NucIteration(k, phase, scale, lossRevenue() + surchargeRevenue(), surchargeRevenue(), cost,
          ac.violations().size(), ac.lossesKwh(), ac.vmin().map(v -> v.pu()).orElse(Double.NaN),
          ac.vmax().map(v -> v.pu()).orElse(Double.NaN), lossRate);
    }
  }

  private Clearing clear(List<Trade> previous) {
    double[][] charges = injectionCharges(previous);
    DispatchResult cleared = warm == null ? LinDistFlowDispatch.solveWithCharges(s, charges)
        : warm.solveWithCharges(s, charges);
    if (cleared.status() != DispatchStatus.OPTIMAL) {
      return new Clearing(cleared, null, List.of(), 0, surcharges, lossRate);
    }
    DispatchSolution sol = cleared.optimal();
    AcCheckResult ac = AcCheck.run(s, sol);
    List<Trade> trades = TradeMatching.match(s, sol, distance, settings.method() == NucMethod.LOSS_SENSITIVITY
        ? lossFactors(sol) : null, lossRate, surcharges);
    // a copy: the raise phase goes on raising the loop's own surcharges after this clearing
    return new Clearing(cleared, ac, trades, lossCost(sol, ac), surcharges.scaled(1), lossRate);
  }

  private NucResult result(boolean converged, String message, Clearing c, List<NucIteration> iterations,
      Clearing first, double scale) {
    return new NucResult(converged, message, c.dispatch(), c.ac(), c.trades(), List.copyOf(iterations),
        payments(c.trades(), c.surcharges()), first.dispatch().optimal(), c.lossRate(), c.surcharges(), scale);
  }

  /**
   * The AC check of one clearing under the given surcharges and ρ, the loss charges per participant
   * taken from {@code previous}: lets a test probe the surcharges next to the loop's result.
   */
  static AcCheckResult check(Scenario s, NucSettings settings, Surcharges surcharges, double lossRate,
      List<Trade> previous) {
    NucLoop l = new NucLoop(s, settings);
    l.surcharges = surcharges;
    l.lossRate = lossRate;
    return l.clear(previous).ac();
  }

  /**
   * The loss cost the DSO bears because of the participants: per interval the AC losses less
   * those of the background load alone, at the import price, and never below zero (where the
   * participants' injections relieve the feeder the DSO pays them nothing for it).
   */
  private double lossCost(DispatchSolution sol, AcCheckResult ac) {
    double cost = 0;
    for (int t = 0; t < nt; t++) {
      double background = sweep.solve(BusLoads.backgroundKw(s.network(), t), BusLoads.reactiveKvar(s, t)).lossesKw();
      double extra = ac.intervals().get(t).lossesKw() - background;
      cost += s.tariff().importPrice().get(t) * hours * Math.max(0, extra);
    }
    return cost;
  }

  /** λ[t][k] = ∂(AC losses)/∂(withdrawal at k), by a 1 kW difference on each bus. */
  private double[][] lossFactors(DispatchSolution sol) {
    double[][] lambda = new double[nt][radial.busCount()];
    for (int t = 0; t < nt; t++) {
      double[] p = BusLoads.activeKw(s, sol, t);
      double[] q = BusLoads.reactiveKvar(s, t);
      double base = sweep.solve(p, q).lossesKw();
      for (int k = 1; k < p.length; k++) {
        p[k] += 1;
        lambda[t][k] = sweep.solve(p, q).lossesKw() - base;
        p[k] -= 1;
      }
    }
    return lambda;
  }

  /**
   * Raises the surcharge of whoever pushes a violated element the wrong way: at an over-voltage
   * the seller whose injection lifts the bus more than the buyer's withdrawal lowers it (LinDistFlow
   * sensitivities R_0a), at an under-voltage the buyer likewise, at an overloaded branch the side
   * below it. Steps are proportional to the trade's share of the violation's sensitivity.
   */
  private void surcharge(List<Trade> trades, List<AcViolation> violations) {
    for (AcViolation v : violations) {
      int t = v.interval();
      double price = s.tariff().importPrice().get(t);
      List<Trade> now = trades.stream().filter(x -> x.interval() == t).toList();
      if (v.kind() == AcViolation.Kind.BRANCH_OVERLOAD) {
        int k = radial.indexOf(Integer.parseInt(v.element().split("-")[1]));
        for (Trade x : now) {
          boolean sellerBelow = distance.shared(x.sellerBus(), k) == distance.shared(k, k);
          boolean buyerBelow = distance.shared(x.buyerBus(), k) == distance.shared(k, k);
          if (sellerBelow != buyerBelow) {
            raise(sellerBelow ? x.seller() : x.buyer(), sellerBelow, t, settings.step() * price);
          }
        }
        continue;
      }
      int k = radial.indexOf(Integer.parseInt(v.element().substring("bus ".length())));
      boolean over = v.kind() == AcViolation.Kind.OVER_VOLTAGE;
      double[] effect = now.stream().mapToDouble(x -> (over ? 1 : -1)
          * (distance.shared(x.sellerBus(), k) - distance.shared(x.buyerBus(), k))).toArray();
      double max = java.util.Arrays.stream(effect).max().orElse(0);
      for (int j = 0; j < now.size() && max > 0; j++) {
        if (effect[j] > 0) {
          Trade x = now.get(j);
          raise(over ? x.seller() : x.buyer(), over, t, settings.step() * price * effect[j] / max);
        }
      }
    }
  }

  private void raise(String id, boolean seller, int t, double amount) {
    Integer i = index.get(id);
    if (i != null) { // the utility at the root pays no surcharge
      surcharges.raise(i, seller, t, amount);
    }
  }

  /**
   * ρ with which the last trades would have recovered the loss cost. Surcharges do not count towards
   * it: they are the rent of the limits, reported apart, and would otherwise let ρ fall to zero.
   */
  private double nextLossRate(List<Trade> trades, double cost) {
    double weighted = trades.stream().mapToDouble(x -> x.kwh() * x.weight()).sum();
    return weighted > 0 ? cost / weighted : 0;
  }

  /**
   * The price on each participant's net injection for the next clearing: what it paid per kWh on
   * its sales (or, negative, its purchases) in the last one, and any surcharge announced for the
   * interval even where it did not trade then.
   */
  private double[][] injectionCharges(List<Trade> trades) {
    double[][] charge = new double[index.size()][nt];
    double[][] kwh = new double[index.size()][nt];
    double[][] paid = new double[index.size()][nt];
    for (Trade x : trades) {
      for (boolean seller : new boolean[] {true, false}) {
        Integer i = index.get(seller ? x.seller() : x.buyer());
        if (i != null) {
          kwh[i][x.interval()] += x.kwh();
          paid[i][x.interval()] += (seller ? 1 : -1) * TradeMatching.lossShare(x) * x.lossChargePerKwh() * x.kwh();
        }
      }
    }
    for (int i = 0; i < charge.length; i++) {
      for (int t = 0; t < nt; t++) {
        double loss = kwh[i][t] > 0 ? paid[i][t] / kwh[i][t] : 0;
        charge[i][t] = loss + surcharges.onSales(i, t) - surcharges.onPurchases(i, t);
      }
    }
    return charge;
  }

  /** What each participant pays in charges over the day [money]. */
  private Map<String, Double> payments(List<Trade> trades, Surcharges paidAt) {
    Map<String, Double> paid = new LinkedHashMap<>();
    index.keySet().forEach(id -> paid.put(id, 0.0));
    for (Trade x : trades) {
      double share = TradeMatching.lossShare(x) * x.lossChargePerKwh() * x.kwh();
      if (index.containsKey(x.seller())) {
        paid.merge(x.seller(), share + x.kwh() * paidAt.onSales(index.get(x.seller()), x.interval()), Double::sum);
      }
      if (index.containsKey(x.buyer())) {
        paid.merge(x.buyer(), share + x.kwh() * paidAt.onPurchases(index.get(x.buyer()), x.interval()), Double::sum);
      }
    }
    return paid;
  }

  static Comparator<Trade> order() {
    return Comparator.comparingInt(Trade::interval);
  }
}
