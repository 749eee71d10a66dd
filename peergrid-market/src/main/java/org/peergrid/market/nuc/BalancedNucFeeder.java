package org.peergrid.market.nuc;

import java.util.List;
import java.util.Optional;
import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcViolation;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Scenario;

/**
 * A balanced (MATPOWER) feeder in the p2p-nuc loop: the distance is the path resistance R_ij
 * ({@link ElectricalDistance}), the AC check the backward/forward sweep ({@link AcCheck}), and the
 * surcharges follow LinDistFlow's sensitivities ∂v_k/∂p_i = 2 R_0a (docs/nuc-ev.md).
 */
public final class BalancedNucFeeder implements NucFeeder<AcCheckResult> {
  private final Scenario s;
  private final RadialNetwork radial;
  private final ElectricalDistance distance;
  private final SweepPowerFlow sweep;
  private final int[] bus;

  public BalancedNucFeeder(Scenario s) {
    this.s = s;
    radial = s.network().radial();
    distance = new ElectricalDistance(radial);
    sweep = new SweepPowerFlow(radial, PowerFlowParameters.DEFAULT, s.network().rootVoltagePu());
    bus = s.participants().stream().mapToInt(p -> radial.indexOf(p.bus())).toArray();
  }

  @Override
  public double distance(int i, int j) {
    return distance.between(bus(i), bus(j));
  }

  @Override
  public int bus(int participant) {
    return participant == GRID ? 0 : bus[participant];
  }

  @Override
  public Checked<AcCheckResult> check(DispatchSolution sol) {
    AcCheckResult ac = AcCheck.run(s, sol);
    return new Checked<>(ac, ac.violations().isEmpty() && ac.converged(), ac.violations().size(), ac.lossesKwh(),
        ac.vmin().map(v -> v.pu()).orElse(Double.NaN), ac.vmax().map(v -> v.pu()).orElse(Double.NaN), lossCost(ac));
  }

  @Override
  public Optional<AcCheckResult> balancedCheck(AcCheckResult check) {
    return Optional.ofNullable(check);
  }

  /**
   * The loss cost the DSO bears because of the participants: per interval the AC losses less
   * those of the background load alone, at the import price, and never below zero (where the
   * participants' injections relieve the feeder the DSO pays them nothing for it).
   */
  private double lossCost(AcCheckResult ac) {
    double cost = 0;
    double hours = s.horizon().hours();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double background = sweep.solve(BusLoads.backgroundKw(s.network(), t), BusLoads.reactiveKvar(s, t)).lossesKw();
      double extra = ac.intervals().get(t).lossesKw() - background;
      cost += s.tariff().importPrice().get(t) * hours * Math.max(0, extra);
    }
    return cost;
  }

  /** λ of each participant's bus, by a 1 kW difference on each bus (λ_root = 0). */
  @Override
  public double[][] lossFactors(DispatchSolution sol) {
    int nt = s.horizon().intervals();
    double[][] lambda = new double[nt][bus.length];
    for (int t = 0; t < nt; t++) {
      double[] p = BusLoads.activeKw(s, sol, t);
      double[] q = BusLoads.reactiveKvar(s, t);
      double base = sweep.solve(p, q).lossesKw();
      double[] atBus = new double[p.length];
      for (int k = 1; k < p.length; k++) {
        p[k] += 1;
        atBus[k] = sweep.solve(p, q).lossesKw() - base;
        p[k] -= 1;
      }
      for (int i = 0; i < bus.length; i++) {
        lambda[t][i] = atBus[bus[i]];
      }
    }
    return lambda;
  }

  /**
   * At an over-voltage the seller whose injection lifts the bus more than the buyer's withdrawal
   * lowers it (LinDistFlow sensitivities R_0a), at an under-voltage the buyer likewise, at an
   * overloaded branch the side below it (a full step).
   */
  @Override
  public void surcharge(List<Trade> trades, AcCheckResult ac, double step, Raise raise) {
    for (AcViolation v : ac.violations()) {
      int t = v.interval();
      double price = s.tariff().importPrice().get(t);
      List<Trade> now = trades.stream().filter(x -> x.interval() == t).toList();
      if (v.kind() == AcViolation.Kind.BRANCH_OVERLOAD) {
        int k = radial.indexOf(Integer.parseInt(v.element().split("-")[1]));
        for (Trade x : now) {
          boolean sellerBelow = distance.shared(x.sellerBus(), k) == distance.shared(k, k);
          boolean buyerBelow = distance.shared(x.buyerBus(), k) == distance.shared(k, k);
          if (sellerBelow != buyerBelow) {
            raise.raise(sellerBelow ? x.seller() : x.buyer(), sellerBelow, t, step * price);
          }
        }
        continue;
      }
      int k = radial.indexOf(Integer.parseInt(v.element().substring("bus ".length())));
      boolean over = v.kind() == AcViolation.Kind.OVER_VOLTAGE;
      double[] effect = now.stream().mapToDouble(x -> (over ? 1 : -1)
          * (distance.shared(x.sellerBus(), k) - distance.shared(x.buyerBus(), k))).toArray();
      NucFeeder.proportional(now, effect, over, step * price, raise);
    }
  }
}
