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
  private final double[][] sellerSurcharge;
  private final double[][] buyerSurcharge;
  private double lossRate;

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
    sellerSurcharge = new double[index.size()][nt];
    buyerSurcharge = new double[index.size()][nt];
  }

  public static NucResult run(Scenario s, NucSettings settings) {
    return new NucLoop(s, settings).loop();
  }

  private NucResult loop() {
    List<NucIteration> iterations = new ArrayList<>();
    List<Trade> previous = List.of();
    DispatchSolution uncharged = null;
    for (int k = 1; k <= settings.maxIterations(); k++) {
      DispatchResult cleared = LinDistFlowDispatch.solveWithCharges(s, injectionCharges(previous));
      if (cleared.status() != DispatchStatus.OPTIMAL) {
        return NucResult.failed(cleared, iterations);
      }
      DispatchSolution sol = cleared.optimal();
      uncharged = uncharged == null ? sol : uncharged;
      AcCheckResult ac = AcCheck.run(s, sol);
      List<Trade> trades = TradeMatching.match(s, sol, distance, settings.method() == NucMethod.LOSS_SENSITIVITY
          ? lossFactors(sol) : null, lossRate, sellerSurcharge, buyerSurcharge, index);
      double revenue = trades.stream().mapToDouble(Trade::charge).sum();
      double cost = lossCost(sol, ac);
      List<AcViolation> violations = ac.violations();
      iterations.add(new NucIteration(k, revenue, cost, violations.size(), ac.lossesKwh(),
          ac.vmin().map(v -> v.pu()).orElse(Double.NaN), ac.vmax().map(v -> v.pu()).orElse(Double.NaN),
          lossRate));
      boolean surcharged = trades.stream().anyMatch(t -> t.surchargePerKwh() > 0);
      boolean recovered = settings.recovers(revenue, cost)
          || surcharged && revenue >= cost - settings.absoluteTolerance();
      if (violations.isEmpty() && recovered && ac.converged()) {
        return new NucResult(true, "converged in " + k + " iteration(s)", cleared, ac, trades, iterations,
            payments(trades), uncharged, lossRate);
      }
      if (k == settings.maxIterations()) {
        return new NucResult(false, "stopped at max_iterations " + k + " with " + violations.size()
            + " AC violation(s) and revenue " + revenue + " against cost " + cost, cleared, ac, trades, iterations,
            payments(trades), uncharged, lossRate);
      }
      surcharge(trades, violations);
      lossRate = nextLossRate(trades, cost);
      previous = trades;
    }
    throw new IllegalStateException("unreachable");
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
      (seller ? sellerSurcharge : buyerSurcharge)[i][t] += amount;
    }
  }

  /** ρ with which the last trades would have recovered the cost beyond their surcharges. */
  private double nextLossRate(List<Trade> trades, double cost) {
    double weighted = trades.stream().mapToDouble(x -> x.kwh() * x.weight()).sum();
    double surcharges = trades.stream().mapToDouble(x -> x.kwh() * x.surchargePerKwh()).sum();
    return weighted > 0 ? Math.max(0, cost - surcharges) / weighted : 0;
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
        charge[i][t] = loss + sellerSurcharge[i][t] - buyerSurcharge[i][t];
      }
    }
    return charge;
  }

  /** What each participant pays in charges over the day [money]. */
  private Map<String, Double> payments(List<Trade> trades) {
    Map<String, Double> paid = new LinkedHashMap<>();
    index.keySet().forEach(id -> paid.put(id, 0.0));
    for (Trade x : trades) {
      double share = TradeMatching.lossShare(x) * x.lossChargePerKwh() * x.kwh();
      if (index.containsKey(x.seller())) {
        paid.merge(x.seller(), share + x.kwh() * sellerSurcharge[index.get(x.seller())][x.interval()], Double::sum);
      }
      if (index.containsKey(x.buyer())) {
        paid.merge(x.buyer(), share + x.kwh() * buyerSurcharge[index.get(x.buyer())][x.interval()], Double::sum);
      }
    }
    return paid;
  }

  static Comparator<Trade> order() {
    return Comparator.comparingInt(Trade::interval);
  }
}
