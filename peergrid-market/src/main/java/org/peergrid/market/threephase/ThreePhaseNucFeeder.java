package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.nuc.NucFeeder;
import org.peergrid.market.nuc.Trade;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * A three-phase feeder in the p2p-nuc loop (docs/nuc-ev.md, "On a three-phase feeder"). Each participant
 * sits on its phases ({@code PhaseConnection}), its net injection spread equally over them.
 *
 * <p><b>Distance.</b> With S_ij = ∂(mean v² over j's phase nodes)/∂(1 kW injected by i over its phases),
 * LinDist3Flow's sensitivity (p.u.²/kW), the distance of a trade from i to j is
 * D_ij = 500 (S_ii + S_jj − S_ij − S_ji) p.u. on 1 MVA: half of how much the 1 kW trade opens the v²
 * gap between seller and buyer, in the unit of the balanced R_ij. On a balanced feeder S_ij = 2 R_0a / 1000
 * per kW, so D_ij = R_0i + R_0j − 2 R_0a = R_ij; two participants on the same phases of a bus are at 0;
 * on different phases of one bus D is the self less the mutual impedance of the path from the source.
 * The utility at the source has S = 0, so D_i,grid = 500 S_ii (R_0i). Negative values (a mutual coupling
 * larger than the self term, which this definition does not exclude) are taken as 0.
 *
 * <p><b>AC check.</b> Every interval's three-phase power flow ({@link ThreePhaseGameFeeder#check}); a
 * violation is a phase node outside [V^min, V^max]. The loss cost is the losses beyond those of the
 * feeder's own loads alone. Unbalance and line limits are not surcharged.
 *
 * <p><b>Surcharges.</b> Behind a voltage violation at phase node k, a trade's effect is
 * ±(S_seller,k − S_buyer,k) (+ over V^max, − under V^min), and the side that pushes it the wrong way
 * (sellers over, buyers under) is raised in proportion ({@link NucFeeder#proportional}).
 */
public final class ThreePhaseNucFeeder implements NucFeeder<ThreePhaseGameFeeder.Check> {
  /** 1 kW on the 1 MVA base and the 1/2 of R = Δv²/2 (as {@link PlayersDay}'s R_0k). */
  private static final double PU_PER_SENSITIVITY = 1000.0 / 2;

  private final ThreePhaseScenario s;
  private final LinDist3Flow model;
  private final ThreePhaseGameFeeder feeder;
  /** S_i[node], participant i's injection sensitivity of every node's v². */
  private final double[][] sensitivity;
  /** S_ij [i][j]. */
  private final double[][] between;
  private final int[] bus;
  /** The losses of the feeder's own loads alone in each interval [kW]. */
  private final double[] backgroundLossesKw;

  public ThreePhaseNucFeeder(ThreePhaseScenario s, LinDist3Flow model) {
    this.s = s;
    this.model = model;
    feeder = new ThreePhaseGameFeeder(s, model);
    int n = s.participants().size();
    sensitivity = new double[n][];
    bus = new int[n];
    for (int i = 0; i < n; i++) {
      sensitivity[i] = feeder.injectionSensitivity(i);
      bus[i] = model.network().busIndex(s.connection(s.participants().get(i).id()).bus());
    }
    between = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        between[i][j] = meanAt(sensitivity[i], j);
      }
    }
    backgroundLossesKw = new double[s.horizon().intervals()];
    for (int t = 0; t < backgroundLossesKw.length; t++) {
      ThreePhaseResult r = ThreePhaseAcCheck.powerFlow(model, feeder.injections(List.of(), t));
      backgroundLossesKw[t] = r.converged() ? r.lossesKw() : Double.NaN;
    }
  }

  /** The mean of a node vector over participant j's phase nodes. */
  private double meanAt(double[] perNode, int j) {
    List<LinDist3Flow.Port> own = feeder.ports(j);
    double sum = 0;
    for (LinDist3Flow.Port port : own) {
      sum += perNode[port.plus()];
    }
    return sum / own.size();
  }

  /** S_ij: how much 1 kW injected by i raises the mean v² of j's phases [p.u.²/kW]; 0 where either is the grid. */
  public double sensitivity(int i, int j) {
    return i == GRID || j == GRID ? 0 : between[i][j];
  }

  @Override
  public double distance(int i, int j) {
    return Math.max(0, PU_PER_SENSITIVITY * (sensitivity(i, i) + sensitivity(j, j) - sensitivity(i, j)
        - sensitivity(j, i)));
  }

  @Override
  public int bus(int participant) {
    return participant == GRID ? 0 : bus[participant];
  }

  /** The feeder's model. */
  public LinDist3Flow model() {
    return model;
  }

  private List<ParticipantSchedule> schedules(DispatchSolution sol) {
    return s.participants().stream().map(p -> sol.schedule(p.id())).toList();
  }

  @Override
  public Checked<ThreePhaseGameFeeder.Check> check(DispatchSolution sol) {
    ThreePhaseGameFeeder.Check check = feeder.check(schedules(sol));
    double hours = s.horizon().hours();
    double losses = 0;
    double cost = 0;
    double vmin = Double.NaN;
    double vmax = Double.NaN;
    for (int t = 0; t < check.reports().size(); t++) {
      ThreePhaseAcCheck.Report report = check.reports().get(t);
      ThreePhaseResult r = report.result();
      if (!r.converged()) {
        continue;
      }
      losses += r.lossesKw() * hours;
      cost += s.tariff().importPrice().get(t) * hours * Math.max(0, r.lossesKw() - backgroundLossesKw[t]);
      vmin = Double.isNaN(vmin) ? r.vmPu(report.lowestNode()) : Math.min(vmin, r.vmPu(report.lowestNode()));
      vmax = Double.isNaN(vmax) ? r.vmPu(report.highestNode()) : Math.max(vmax, r.vmPu(report.highestNode()));
    }
    return new Checked<>(check, check.passed(), check.violations(), losses, vmin, vmax, cost);
  }

  /** λ of each participant: 1 kW more withdrawn over its phases, on the three-phase power flow. */
  @Override
  public double[][] lossFactors(DispatchSolution sol) {
    List<ParticipantSchedule> schedules = schedules(sol);
    int nt = s.horizon().intervals();
    int n = s.participants().size();
    double[][] lambda = new double[nt][n];
    for (int t = 0; t < nt; t++) {
      List<LinDist3Flow.Injection> all = feeder.injections(schedules, t);
      ThreePhaseResult base = ThreePhaseAcCheck.powerFlow(model, all);
      for (int i = 0; i < n && base.converged(); i++) {
        List<LinDist3Flow.Injection> more = new ArrayList<>(all);
        List<LinDist3Flow.Port> own = feeder.ports(i);
        for (LinDist3Flow.Port port : own) {
          more.add(new LinDist3Flow.Injection(port, -1.0 / own.size(), 0));
        }
        ThreePhaseResult r = ThreePhaseAcCheck.powerFlow(model, more);
        lambda[t][i] = r.converged() ? r.lossesKw() - base.lossesKw() : 0;
      }
    }
    return lambda;
  }

  @Override
  public void surcharge(List<Trade> trades, ThreePhaseGameFeeder.Check check, double step, Raise raise) {
    for (ThreePhaseGameFeeder.Violation v : check.violated()) {
      int t = v.interval();
      List<Trade> now = trades.stream().filter(x -> x.interval() == t).toList();
      double[] effect = now.stream().mapToDouble(x -> (v.underVoltage() ? -1 : 1)
          * (at(x.seller(), v.node()) - at(x.buyer(), v.node()))).toArray();
      NucFeeder.proportional(now, effect, !v.underVoltage(), step * s.tariff().importPrice().get(t), raise);
    }
  }

  /** S_i at a node for a participant id (0 for the grid). */
  private double at(String id, int node) {
    for (int i = 0; i < s.participants().size(); i++) {
      if (s.participants().get(i).id().equals(id)) {
        return sensitivity[i][node];
      }
    }
    return 0;
  }

  /** The network, for reports. */
  public PhaseNetwork network() {
    return model.network();
  }
}
