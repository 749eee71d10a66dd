package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.mechanism.CommunityBill;
import org.peergrid.market.mechanism.CommunityMember;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.Role;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * The engine's day on a three-phase feeder, the counterpart of {@code mechanism.CooperativeDay}: the
 * day cleared on LinDist3Flow ({@link ThreePhaseDayClearing}; with {@code network.ac_correction} its
 * voltage, unbalance and line limits tightened until the three-phase power flow of every interval is
 * inside them, {@link ThreePhaseAcMargins}), the AC
 * check of every interval, each building's base cost, and the {@link CooperativeOutcome} that every
 * settlement mechanism ({@code dlmp}, {@code nash}, {@code ks}, {@code lmp-sharing}, ...) settles, each
 * participant at the mean of its phases' DLMPs.
 *
 * @param rounds how many day clearings ran (1 without AC correction)
 * @param acChecks the power flow of every interval on the last clearing's schedule (empty if it failed)
 * @param acPassed whether every interval's power flow converged with every phase node inside the voltage
 *     limits, every three-phase bus inside the unbalance limit and every limited line inside its current
 *     limit (to {@link AcCheck#VOLTAGE_TOLERANCE_PU})
 * @param worstViolationPu how far outside the voltage or unbalance limits the power flow is at worst, p.u.
 *     (a line's excess current as a fraction of its limit)
 * @param outcome what mechanisms settle; present exactly when the day is optimal
 * @param unbalanceCorrectionInfeasible whether tightening the unbalance rows left the LP infeasible: the
 *     unbalance margins then stayed at their last feasible values and only the voltages were corrected
 *     further ({@code rounds} counts the infeasible clearing too); the AC check does not pass
 */
public record ThreePhaseMarket(ThreePhaseDayClearing clearing, ThreePhaseDay day, int rounds,
    List<ThreePhaseAcCheck.Report> acChecks, boolean acPassed, double worstViolationPu,
    Optional<CooperativeOutcome> outcome, boolean unbalanceCorrectionInfeasible) {

  /** The most day clearings the AC correction runs. */
  public static final int MAX_ROUNDS = 10;

  /** Clears, checks and prepares the day for settlement. */
  public static ThreePhaseMarket solve(ThreePhaseScenario scenario) {
    return solve(new ThreePhaseDayClearing(scenario, ThreePhaseDayClearing.model(scenario)));
  }

  /** The same on a clearing already built (its model and sensitivities reused). */
  public static ThreePhaseMarket solve(ThreePhaseDayClearing clearing) {
    ThreePhaseScenario s = clearing.scenario();
    int nt = s.horizon().intervals();
    ThreePhaseAcMargins margins = new ThreePhaseAcMargins(nt, clearing.model().network().nodeCount(),
        clearing.lineLimits().size());
    int maxRounds = s.network().acCorrection() ? MAX_ROUNDS : 1;
    ThreePhaseDay day = null;
    List<ThreePhaseAcCheck.Report> checks = List.of();
    double worst = Double.NaN;
    boolean passed = false;
    int round = 0;
    while (round < maxRounds) {
      round++;
      ThreePhaseDay cleared = margins.clear(clearing);
      if (!cleared.optimal()) {
        if (day == null) {
          return new ThreePhaseMarket(clearing, cleared, round, List.of(), false, Double.NaN, Optional.empty(), false);
        }
        if (margins.freezeUnbalance()) {
          continue; // the voltages and lines alone are corrected further; the check will not pass
        }
        break; // the last feasible day stays, its check not passed
      }
      day = cleared;
      margins.feasible();
      checks = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        checks.add(ThreePhaseAcCheck.check(clearing.model(), clearing.fixedInjections(t), clearing.columns(),
            day.intervals().get(t)));
      }
      ThreePhaseAcMargins.Found found = margins.tighten(checks.stream().map(ThreePhaseAcCheck.Report::result).toList(),
          clearing);
      worst = found.worstPu();
      passed = found.passed();
      if (margins.done(found)) {
        break;
      }
    }
    CooperativeOutcome outcome = outcome(clearing, day);
    return new ThreePhaseMarket(clearing, day, round, List.copyOf(checks), passed, worst, Optional.of(outcome),
        margins.unbalanceFrozen());
  }

  /** This day settled by a mechanism. */
  public MechanismOutcome settle(MarketMechanism mechanism) {
    return mechanism.settle(outcome.orElseThrow(() -> new IllegalStateException(day.status() + ": " + day.message())));
  }

  /** The largest phase voltage unbalance rate (PVUR) the power flow finds at a three-phase bus in interval t. */
  public double largestUnbalance(int t) {
    return ThreePhaseMarket.pvur(acChecks.get(t).result()::vmPu, clearing.model().network());
  }

  /** The same from LinDist3Flow's voltages of interval t (what the LP held). */
  public double largestLinearUnbalance(int t) {
    double[] v2 = day.intervals().get(t).voltagePu2();
    return pvur(k -> Math.sqrt(v2[k]), clearing.model().network());
  }

  /** The largest PVUR over the buses with three phases, from each node's voltage magnitude (any unit). */
  public static double pvur(java.util.function.IntToDoubleFunction vm, PhaseNetwork net) {
    double largest = 0;
    for (int b = 1; b < net.busCount(); b++) {
      largest = Math.max(largest, busPvur(vm, net, b));
    }
    return largest;
  }

  /** One bus's PVUR: the largest deviation of a phase magnitude from the three phases' mean, over the mean; 0 without three phases. */
  public static double busPvur(java.util.function.IntToDoubleFunction vm, PhaseNetwork net, int b) {
    int[] abc = {net.node(b, 1), net.node(b, 2), net.node(b, 3)};
    if (abc[0] < 0 || abc[1] < 0 || abc[2] < 0) {
      return 0;
    }
    double mean = (vm.applyAsDouble(abc[0]) + vm.applyAsDouble(abc[1]) + vm.applyAsDouble(abc[2])) / 3;
    double largest = 0;
    for (int k : abc) {
      largest = Math.max(largest, Math.abs(vm.applyAsDouble(k) - mean) / mean);
    }
    return largest;
  }


  /**
   * The settlement input: per participant its energy bought and sold and its price (the mean of its
   * phases' DLMPs), batteries' wear, generators' fuel, buildings' base costs; the utility's bill at the
   * source; the network rent {@code Σ_t Δt Σ_d (DLMP_d − λ_t) w_d} over every port's withdrawal (the
   * feeder's own loads included), the three-phase form of the branches' merchandising surplus; and the
   * DSO's surplus, that rent less the feeder's own loads at their DLMPs.
   */
  static CooperativeOutcome outcome(ThreePhaseDayClearing clearing, ThreePhaseDay day) {
    ThreePhaseScenario s = clearing.scenario();
    int nt = s.horizon().intervals();
    double hours = s.horizon().hours();
    List<CommunityMember> members = new ArrayList<>();
    double rent = 0;
    double utility = 0;
    for (int i = 0; i < s.participants().size(); i++) {
      Participant p = s.participants().get(i);
      ParticipantDay d = day.participants().get(i);
      double[] bought = new double[nt];
      double[] sold = new double[nt];
      double[] wear = new double[nt];
      double[] fuel = new double[nt];
      double wearPerKwh = CooperativeOutcome.wearPerKwh(p);
      for (int t = 0; t < nt; t++) {
        bought[t] = d.boughtKwh(t, hours);
        sold[t] = d.soldKwh(t, hours);
        wear[t] = wearPerKwh * (d.chargeKw()[t] + d.dischargeKw()[t]) * hours;
        if (p instanceof DistributedGenerator g) {
          fuel[t] = g.costPerKwh() * d.outputKw()[t] * hours;
        }
        rent += (d.price()[t] - day.intervals().get(t).prices().get(0).energy()) * -d.netKw()[t] * hours;
      }
      Role role = Role.of(p);
      OptionalDouble base = role.hasBaseCase() ? OptionalDouble.of(clearing.aloneCost(p)) : OptionalDouble.empty();
      OptionalDouble alone = p instanceof DistributedGenerator g ? OptionalDouble.of(CooperativeOutcome.aloneProfit(s.tariff(), s.horizon(), g))
          : OptionalDouble.empty();
      members.add(new CommunityMember(p.id(), role, bought, sold, d.price(), wear, fuel, base, alone));
    }
    double background = 0;
    for (int t = 0; t < nt; t++) {
      ThreePhaseClearingResult r = day.intervals().get(t);
      utility += hours * (s.tariff().importPrice().get(t) * r.importKw() - s.tariff().exportPrice().get(t) * r.exportKw());
      double multiplier = s.network().backgroundMultiplier(t);
      if (multiplier == 0) {
        continue;
      }
      double lambda = r.prices().get(0).energy();
      for (LinDist3Flow.Injection load : clearing.model().feederInjections()) {
        double dlmp = r.prices().get(clearing.pricedPorts().indexOf(load.port())).dlmp();
        double withdrawal = -multiplier * load.pKw();
        rent += (dlmp - lambda) * withdrawal * hours;
        background += dlmp * withdrawal * hours;
      }
    }
    return new CooperativeOutcome(s.name(), hours, s.tariff().importPrice().values(),
        s.tariff().exportPrice().values(), members, utility, rent - background, rent,
        CommunityBill.byKey(s.bargaining().bill()).orElseThrow(), List.of(), s.bargaining().networkPart());
  }
}
