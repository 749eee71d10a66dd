package org.peergrid.market.nuc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.accheck.AcCheckResult;
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
 *
 * <p>The loop never sees the network: distances, AC check, loss cost and who is surcharged come from
 * the {@link NucFeeder}, balanced or three-phase.
 *
 * @param <C> the feeder's AC check
 */
public final class NucLoop<C> {
  private final Scenario s;
  private final NucFeeder<C> feeder;
  private final NucSettings settings;
  private final int nt;
  private final double hours;
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private Surcharges surcharges;
  private double lossRate;
  /** The P2P market's LP kept between iterations, or null to build and solve each clearing cold. */
  private WarmDispatch warm;

  /**
   * @param s the peers' market: participants, horizon, tariffs; its network only carries the background
   *     load into the balance (the market is cleared without network limits)
   */
  private NucLoop(Scenario s, NucFeeder<C> feeder, NucSettings settings) {
    this.s = s;
    this.feeder = feeder;
    this.settings = settings;
    nt = s.horizon().intervals();
    hours = s.horizon().hours();
    for (Participant p : s.participants()) {
      index.put(p.id(), index.size());
    }
    surcharges = new Surcharges(index.size(), nt);
  }

  /** The loop on a balanced scenario's own feeder. */
  public static NucResult<AcCheckResult> run(Scenario s, NucSettings settings) {
    return run(s, new BalancedNucFeeder(s), settings);
  }

  /** The loop with the peers' market {@code s} on {@code feeder} (a three-phase one: {@code threephase.ThreePhaseNucFeeder}). */
  public static <C> NucResult<C> run(Scenario s, NucFeeder<C> feeder, NucSettings settings) {
    return new NucLoop<>(s, feeder, settings).loop();
  }

  /**
   * The same loop with every iteration's market re-solved warm from the previous one's basis
   * ({@link WarmDispatch}). Not the default: each iteration's optimum is the same as cold, but where
   * the market's LP is degenerate the warm solve may stop at another of its tied schedules, whose AC
   * check and trades differ, so the loop can take another path (docs/benchmarks.md, incremental re-solves).
   */
  public static NucResult<AcCheckResult> runWarm(Scenario s, NucSettings settings) {
    NucLoop<AcCheckResult> loop = new NucLoop<>(s, new BalancedNucFeeder(s), settings);
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
  private NucResult<C> loop() {
    List<NucIteration> iterations = new ArrayList<>();
    Clearing<C> first = null;
    Clearing<C> last = null;
    Surcharges raised = null;
    double lo = 0;
    double hi = 1;
    for (int k = 1; k <= settings.maxIterations(); k++) {
      String phase = raised == null ? "raise" : hi - lo > settings.surchargePrecision() ? "relax" : "settle";
      double scale = raised == null ? 1 : phase.equals("relax") ? (lo + hi) / 2 : hi;
      if (raised != null) {
        surcharges = raised.scaled(scale);
      }
      Clearing<C> c = clear(last == null ? List.of() : last.trades());
      if (c.dispatch().status() != DispatchStatus.OPTIMAL) {
        return NucResult.failed(c.dispatch(), iterations);
      }
      first = first == null ? c : first;
      iterations.add(c.iteration(k, phase, scale));
      lossRate = nextLossRate(c.trades(), c.cost());
      if (raised == null && !c.passes()) {
        feeder.surcharge(c.trades(), c.ac().details(), settings.step(), this::raise);
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
    Clearing<C> c = last;
    return result(false, "stopped at max_iterations " + settings.maxIterations() + " with "
        + c.ac().violations() + " AC violation(s) and loss revenue " + c.lossRevenue() + " against cost "
        + c.cost(), c, iterations, first, raised == null ? 0 : hi);
  }

  /** A clearing under the surcharges and ρ announced now, with its trades and AC check. */
  private record Clearing<C>(DispatchResult dispatch, NucFeeder.Checked<C> ac, List<Trade> trades, double cost,
      Surcharges surcharges, double lossRate) {
    boolean passes() {
      return ac.passes();
    }

    double lossRevenue() {
      return trades.stream().mapToDouble(x -> x.kwh() * x.lossChargePerKwh()).sum();
    }

    double surchargeRevenue() {
      return trades.stream().mapToDouble(x -> x.kwh() * x.surchargePerKwh()).sum();
    }

    NucIteration iteration(int k, String phase, double scale) {
      return new NucIteration(k, phase, scale, lossRevenue() + surchargeRevenue(), surchargeRevenue(), cost,
          ac.violations(), ac.lossesKwh(), ac.vminPu(), ac.vmaxPu(), lossRate);
    }
  }

  private Clearing<C> clear(List<Trade> previous) {
    double[][] charges = injectionCharges(previous);
    DispatchResult cleared = warm == null ? LinDistFlowDispatch.solveWithCharges(s, charges)
        : warm.solveWithCharges(s, charges);
    if (cleared.status() != DispatchStatus.OPTIMAL) {
      return new Clearing<>(cleared, null, List.of(), 0, surcharges, lossRate);
    }
    DispatchSolution sol = cleared.optimal();
    NucFeeder.Checked<C> ac = feeder.check(sol);
    List<Trade> trades = TradeMatching.match(s, sol, feeder, settings.method() == NucMethod.LOSS_SENSITIVITY
        ? feeder.lossFactors(sol) : null, lossRate, surcharges);
    // a copy: the raise phase goes on raising the loop's own surcharges after this clearing
    return new Clearing<>(cleared, ac, trades, ac.lossCost(), surcharges.scaled(1), lossRate);
  }

  private NucResult<C> result(boolean converged, String message, Clearing<C> c, List<NucIteration> iterations,
      Clearing<C> first, double scale) {
    return new NucResult<>(converged, message, c.dispatch(), c.ac().details(), c.trades(), List.copyOf(iterations),
        payments(c.trades(), c.surcharges()), first.dispatch().optimal(), c.lossRate(), c.surcharges(), scale);
  }

  /**
   * The AC check of one clearing under the given surcharges and ρ, the loss charges per participant
   * taken from {@code previous}: lets a test probe the surcharges next to the loop's result.
   */
  static AcCheckResult check(Scenario s, NucSettings settings, Surcharges surcharges, double lossRate,
      List<Trade> previous) {
    NucLoop<AcCheckResult> l = new NucLoop<>(s, new BalancedNucFeeder(s), settings);
    l.surcharges = surcharges;
    l.lossRate = lossRate;
    return l.clear(previous).ac().details();
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
