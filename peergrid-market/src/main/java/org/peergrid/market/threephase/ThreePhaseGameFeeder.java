package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.vc.GameFeeder;
import org.peergrid.market.vc.VcEquilibrium;

/**
 * The three-phase feeder as the DSO of the non-cooperative game knows it (docs/vc-game.md, "On a
 * three-phase feeder"). Its check: every interval's three-phase power flow (taps where LinDist3Flow
 * was built, as {@link ThreePhaseMarket}'s AC check) with the feeder's own loads, every participant's
 * net injection spread equally over its phases and a building's reactive load at its power factor;
 * a violation is a phase node outside [V^min, V^max] (by more than {@link AcCheck#VOLTAGE_TOLERANCE_PU}).
 *
 * <p>vc-coop's DSO checks its accepted schedules with the same check ({@link ThreePhaseVcCoop}), and
 * measures the unbalance and line currents on its power flows as the day's clearing does
 * ({@link ThreePhaseAcMargins}).
 *
 * <p>Its charges, the balanced rule of {@code vc.NetworkChargeRule} with LinDist3Flow's sensitivities
 * in place of LinDistFlow's: under a voltage below V^min at phase node k, participant i's charge rises
 * by the step times s_ik / s_kk, where s_ik is how much a kW withdrawn by i (over its phases) lowers
 * v_k² and s_kk how much a kW withdrawn at k itself does; above V^max it falls likewise. Between
 * phases s_ik can be negative (a load on phase b raises phase a's voltage downstream of a
 * line with mutual impedance): such a player is then paid for withdrawing, which is what the feeder
 * needs.
 *
 * <p>With the unbalance charge (vc-game's DSO; vc-coop's check leaves it out) the check also finds every
 * three-phase bus whose PVUR is above {@code unbalance_pu} (by more than
 * {@link PhaseLimitCheck#UNBALANCE_TOLERANCE}), and the charges rise behind it by the same rule with the
 * bus's unbalance in place of a voltage: at the phase node k furthest from the bus's mean, participant
 * i's charge rises by the step times u_ik / u_kk, where u_ik = s_ik − mean over the bus's phases j of
 * s_ij is how much a kW withdrawn by i lowers v_k² against the bus's mean (LinDist3Flow's
 * sensitivities), and u_kk the same for a kW withdrawn at k; when node k is below the mean, and it
 * falls likewise when k is above. Players on the other phases then get negative u_ik: they are paid
 * to withdraw where that narrows the spread.
 */
public final class ThreePhaseGameFeeder implements GameFeeder<ThreePhaseGameFeeder.Check> {
  /** A phase node outside its limits in an interval. */
  public record Violation(int interval, int node, boolean underVoltage, double vmPu) {}

  /**
   * A three-phase bus above the unbalance limit in an interval.
   *
   * @param node the bus's phase node furthest from the three phases' mean
   * @param belowMean whether that node is below the mean (withdrawals that lower it widen the spread)
   * @param pvur the bus's PVUR from the power flow
   */
  public record Unbalance(int interval, int bus, int node, boolean belowMean, double pvur) {}

  /**
   * @param reports the power flow of every interval
   * @param violated every phase node outside its limits
   * @param unbalanced every three-phase bus above the unbalance limit (empty without the unbalance charge)
   * @param worstPu how far outside the limits the power flow is at worst (0 when inside) [p.u.]
   * @param converged whether every interval's power flow converged
   */
  public record Check(List<ThreePhaseAcCheck.Report> reports, List<Violation> violated, List<Unbalance> unbalanced,
      double worstPu, boolean converged) implements GameFeeder.Check {
    public Check {
      reports = List.copyOf(reports);
      violated = List.copyOf(violated);
      unbalanced = List.copyOf(unbalanced);
    }

    @Override
    public int violations() {
      return violated.size() + unbalanced.size();
    }

    /** Every interval converged, every phase node is inside its limits and (with the unbalance charge) every bus's PVUR. */
    public boolean passed() {
      return converged && violated.isEmpty() && unbalanced.isEmpty();
    }
  }

  private final ThreePhaseScenario scenario;
  private final LinDist3Flow model;
  private final List<List<LinDist3Flow.Port>> ports = new ArrayList<>();
  /** How much a kW withdrawn by each participant over its phases lowers every node's v² [participant][node]. */
  private final double[][] withdrawalSensitivity;
  private final Map<Integer, Double> ownSensitivity = new HashMap<>();
  private final Map<Integer, Double> ownUnbalanceSensitivity = new HashMap<>();
  private final boolean chargeUnbalance;

  /** The feeder that checks and charges for the voltage limits only (vc-coop's check). */
  public ThreePhaseGameFeeder(ThreePhaseScenario scenario, LinDist3Flow model) {
    this(scenario, model, false);
  }

  /**
   * @param chargeUnbalance whether the check finds the buses above {@code unbalance_pu} and the
   *     charges rise behind them (vc-game's DSO)
   */
  public ThreePhaseGameFeeder(ThreePhaseScenario scenario, LinDist3Flow model, boolean chargeUnbalance) {
    this.scenario = scenario;
    this.model = model;
    this.chargeUnbalance = chargeUnbalance;
    int nodes = model.network().nodeCount();
    withdrawalSensitivity = new double[scenario.participants().size()][nodes];
    for (int i = 0; i < scenario.participants().size(); i++) {
      PhaseConnection c = scenario.connection(scenario.participants().get(i).id());
      List<LinDist3Flow.Port> own = c.nodes().stream().map(number -> model.wye(c.bus(), number)).toList();
      ports.add(own);
      for (LinDist3Flow.Port port : own) {
        double[] dvdp = model.sensitivity(port)[0];
        for (int k = 0; k < nodes; k++) {
          // a withdrawal lowers v² by what the same injection raises it
          withdrawalSensitivity[i][k] += dvdp[k] / own.size();
        }
      }
    }
  }

  /** How much a kW injected by participant i (scenario order), spread over its phases, raises every node's v² [p.u.²/kW]; a copy. */
  public double[] injectionSensitivity(int i) {
    return withdrawalSensitivity[i].clone();
  }

  /** Participant i's ports, one per phase it is connected to. */
  public List<LinDist3Flow.Port> ports(int i) {
    return ports.get(i);
  }

  /** Every injection of interval t for these schedules: the feeder's own loads and the participants'. */
  public List<LinDist3Flow.Injection> injections(List<ParticipantSchedule> schedules, int t) {
    List<LinDist3Flow.Injection> all = new ArrayList<>();
    double multiplier = scenario.network().backgroundMultiplier(t);
    if (multiplier != 0) {
      for (LinDist3Flow.Injection load : model.feederInjections()) {
        all.add(new LinDist3Flow.Injection(load.port(), multiplier * load.pKw(), multiplier * load.qKvar()));
      }
    }
    for (int i = 0; i < schedules.size(); i++) {
      Participant p = scenario.participants().get(i);
      List<LinDist3Flow.Port> own = ports.get(i);
      double kw = schedules.get(i).netInjectionKw(t) / own.size();
      double kvar = p instanceof Building b ? -b.loadKvar(t) / own.size() : 0;
      for (LinDist3Flow.Port port : own) {
        all.add(new LinDist3Flow.Injection(port, kw, kvar));
      }
    }
    return all;
  }

  @Override
  public Check check(VcEquilibrium equilibrium) {
    return check(equilibrium.schedules());
  }

  /** The power flow of every interval of these schedules (in scenario order), against the voltage limits. */
  public Check check(List<ParticipantSchedule> schedules) {
    PhaseNetwork net = model.network();
    List<ThreePhaseAcCheck.Report> reports = new ArrayList<>();
    List<Violation> violated = new ArrayList<>();
    List<Unbalance> unbalanced = new ArrayList<>();
    double worst = 0;
    boolean converged = true;
    double vmin = scenario.network().vminPu();
    double vmax = scenario.network().vmaxPu();
    for (int t = 0; t < scenario.horizon().intervals(); t++) {
      ThreePhaseAcCheck.Report report = ThreePhaseAcCheck.check(model, injections(schedules, t));
      reports.add(report);
      ThreePhaseResult r = report.result();
      if (!r.converged()) {
        converged = false;
        continue;
      }
      for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
        if (net.nodeNumbers()[k] > 3) {
          continue;
        }
        double vm = r.vmPu(k);
        double outside = Math.max(vmin - vm, vm - vmax);
        if (outside > AcCheck.VOLTAGE_TOLERANCE_PU) {
          violated.add(new Violation(t, k, vm < vmin, vm));
        }
        worst = Math.max(worst, outside);
      }
      if (chargeUnbalance) {
        unbalanced(t, r, unbalanced);
      }
    }
    return new Check(reports, violated, unbalanced, worst, converged);
  }

  /**
   * The three-phase bus with the largest PVUR in interval t when it is above the unbalance limit, at its
   * phase node furthest from the mean. One cell an interval: the buses of a lateral share one cause (the
   * same phase loaded downstream), so charging behind each would multiply the step.
   */
  private void unbalanced(int t, ThreePhaseResult r, List<Unbalance> into) {
    PhaseNetwork net = model.network();
    double limit = scenario.network().unbalancePu();
    int worst = -1;
    double pvur = limit + PhaseLimitCheck.UNBALANCE_TOLERANCE;
    for (int b = 1; b < net.busCount(); b++) {
      double bus = ThreePhaseMarket.busPvur(r::vmPu, net, b);
      if (bus > pvur) {
        worst = b;
        pvur = bus;
      }
    }
    if (worst >= 0) {
      int b = worst;
      int furthest = ThreePhaseAcCorrection.farthestPhase(r, net, b);
      double mean = (r.vmPu(net.node(b, 1)) + r.vmPu(net.node(b, 2)) + r.vmPu(net.node(b, 3))) / 3;
      into.add(new Unbalance(t, b, furthest, r.vmPu(furthest) < mean, pvur));
    }
  }

  @Override
  public double[][] raised(double[][] charges, Check check) {
    double[][] next = new double[charges.length][];
    for (int i = 0; i < charges.length; i++) {
      next[i] = charges[i].clone();
    }
    for (Violation v : check.violated()) {
      int t = v.interval();
      double step = CHARGE_STEP * Math.abs(scenario.tariff().importPrice().get(t));
      double sign = v.underVoltage() ? 1 : -1;
      double own = ownSensitivity.computeIfAbsent(v.node(),
          k -> model.sensitivity(new LinDist3Flow.Port(k, -1))[0][k]);
      for (int i = 0; i < next.length; i++) {
        next[i][t] += sign * step * withdrawalSensitivity[i][v.node()] / own;
      }
    }
    PhaseNetwork net = model.network();
    for (Unbalance u : check.unbalanced()) {
      int t = u.interval();
      double step = CHARGE_STEP * Math.abs(scenario.tariff().importPrice().get(t));
      double sign = u.belowMean() ? 1 : -1;
      int[] abc = {net.node(u.bus(), 1), net.node(u.bus(), 2), net.node(u.bus(), 3)};
      double own = ownUnbalanceSensitivity.computeIfAbsent(u.node(), k -> {
        double[] dv = model.sensitivity(new LinDist3Flow.Port(k, -1))[0];
        return dv[k] - (dv[abc[0]] + dv[abc[1]] + dv[abc[2]]) / 3;
      });
      for (int i = 0; i < next.length; i++) {
        double[] w = withdrawalSensitivity[i];
        double spread = w[u.node()] - (w[abc[0]] + w[abc[1]] + w[abc[2]]) / 3;
        next[i][t] += sign * step * spread / own;
      }
    }
    return next;
  }

  /** Import at the source in each interval of LinDist3Flow's lossless balance: what everyone withdraws less what they inject [kW]. */
  public double netImportKw(List<ParticipantSchedule> schedules, int t) {
    double net = 0;
    for (LinDist3Flow.Injection in : injections(schedules, t)) {
      net -= in.pKw();
    }
    return net;
  }
}
