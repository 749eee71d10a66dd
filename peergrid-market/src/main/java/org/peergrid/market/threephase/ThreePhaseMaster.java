package org.peergrid.market.threephase;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.dispatch.ConvexBlocks;
import org.peergrid.market.dispatch.DecompositionMaster;
import org.peergrid.market.dispatch.Glop;
import org.peergrid.market.dispatch.MasterSolution;
import org.peergrid.market.dispatch.NetworkMaster;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * vc-coop's DSO master on a three-phase feeder (docs/vc-coop.md, "On a three-phase feeder"): the day's
 * LP of {@link ThreePhaseDayClearing} (the balance, the voltage, unbalance and line rows of every
 * interval, {@link ThreePhaseClearing.IntervalRows}) in which the participants' devices are replaced by
 * the communities' proposals. A <em>location</em> is a connection: a bus and the phases a participant's
 * power is spread over equally; each location has a free injection column {@code y_ℓt} [kW] in the
 * network rows, defined by
 *
 * <pre>  y_ℓt + Σ_v,k w_v,k X_v,k,ℓ,t / Δt + s⁺_ℓt − s⁻_ℓt = 0      (its dual: −price of a withdrawal at ℓ)</pre>
 *
 * with X the proposals' net withdrawals [kWh], Σ_k w_v,k = 1 per community, and slacks at {@link
 * NetworkMaster#SLACK_PRICE_FACTOR} times the dearest tariff so that the master is feasible from the first
 * proposals on. The buildings' reactive loads and the feeder's own loads are fixed injections. The
 * objective is money per hour, as the day's LP: the duals are money per kWh.
 */
public final class ThreePhaseMaster implements DecompositionMaster {
  private final ThreePhaseScenario scenario;
  private final MPSolver solver;
  private final int nt;
  private final double hours;
  private final double slackPrice;
  private final MPVariable[] g;
  private final MPVariable[] e;
  private final MPConstraint[] balance;
  private final MPConstraint[][] definition;
  private final List<ThreePhaseClearing.IntervalRows> rows = new ArrayList<>();
  private final ConvexBlocks blocks;
  private final List<MPVariable> slacks = new ArrayList<>();
  private final List<PhaseOffer> locations;
  private final List<LinDist3Flow.Port> pricedPorts;
  /** The last optimal solve's intervals, read when the master is closed. */
  private List<ThreePhaseClearingResult> lastIntervals = List.of();
  private boolean lastOptimal;

  /**
   * @param locations the connections, indexed by location number ({@link #locations})
   * @param margins the AC correction's margins of the voltage, unbalance and line rows, as the day's
   *     clearing takes them ({@link ThreePhaseAcMargins#clear})
   */
  ThreePhaseMaster(ThreePhaseDayClearing day, List<PhaseOffer> locations, ThreePhaseAcMargins margins) {
    this.scenario = day.scenario();
    this.pricedPorts = day.pricedPorts();
    this.locations = List.copyOf(locations);
    LinDist3Flow model = day.model();
    nt = scenario.horizon().intervals();
    hours = scenario.horizon().hours();
    double dearest = 0;
    for (int t = 0; t < nt; t++) {
      dearest = Math.max(dearest, scenario.tariff().importPrice().get(t));
    }
    slackPrice = NetworkMaster.SLACK_PRICE_FACTOR * Math.max(1, dearest);
    solver = Glop.create("three-phase decomposition master");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    solver.objective().setMinimization();
    blocks = new ConvexBlocks(solver);
    double[][] sensitivities = ThreePhaseClearing.offerSensitivities(model, this.locations);
    g = new MPVariable[nt];
    e = new MPVariable[nt];
    balance = new MPConstraint[nt];
    definition = new MPConstraint[nt][this.locations.size()];
    for (int t = 0; t < nt; t++) {
      List<LinDist3Flow.Injection> fixed = fixed(model, t);
      double load = 0;
      for (LinDist3Flow.Injection in : fixed) {
        load -= in.pKw();
      }
      balance[t] = ThreePhaseDayClearing.sourceBalance(solver, scenario, t, load, g, e);
      MPVariable[] y = new MPVariable[this.locations.size()];
      for (int l = 0; l < y.length; l++) {
        y[l] = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "y_" + l + "_" + t);
        balance[t].setCoefficient(y[l], 1);
        definition[t][l] = solver.makeConstraint(0, 0, "define_" + l + "_" + t);
        definition[t][l].setCoefficient(y[l], 1);
        MPVariable in = solver.makeNumVar(0, MPSolver.infinity(), "slack_in_" + l + "_" + t);
        MPVariable out = solver.makeNumVar(0, MPSolver.infinity(), "slack_out_" + l + "_" + t);
        definition[t][l].setCoefficient(in, 1);
        definition[t][l].setCoefficient(out, -1);
        solver.objective().setCoefficient(in, slackPrice);
        solver.objective().setCoefficient(out, slackPrice);
        slacks.add(in);
        slacks.add(out);
      }
      rows.add(new ThreePhaseClearing.IntervalRows(solver, model, fixed, this.locations, sensitivities, y,
          day.limits(), ThreePhaseAcCorrection.tightened(day.lineLimits(), margins.lineCut[t]), margins.raise[t],
          margins.cut[t], margins.unbalanceCut[t], "_t" + t));
    }
  }

  /**
   * The connections of a scenario's participants, each once, in scenario order: the master's locations
   * (a {@link PhaseOffer} per connection, unity power factor) and each participant's location number.
   */
  public record Locations(List<PhaseOffer> offers, Map<String, Integer> byParticipant) {
    public static Locations of(ThreePhaseScenario s, LinDist3Flow model) {
      Map<PhaseConnection, Integer> index = new LinkedHashMap<>();
      Map<String, Integer> byParticipant = new LinkedHashMap<>();
      List<PhaseOffer> offers = new ArrayList<>();
      for (Participant p : s.participants()) {
        PhaseConnection c = s.connection(p.id());
        Integer l = index.get(c);
        if (l == null) {
          l = offers.size();
          index.put(c, l);
          offers.add(new PhaseOffer(c.bus() + "." + c.phasesText(), c.nodes().stream()
              .map(number -> model.wye(c.bus(), number)).toList(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        }
        byParticipant.put(p.id(), l);
      }
      return new Locations(List.copyOf(offers), Map.copyOf(byParticipant));
    }
  }

  /** The feeder's own loads and the buildings' reactive loads of interval t: what no proposal moves. */
  private List<LinDist3Flow.Injection> fixed(LinDist3Flow model, int t) {
    List<LinDist3Flow.Injection> fixed = new ArrayList<>();
    double multiplier = scenario.network().backgroundMultiplier(t);
    if (multiplier != 0) {
      for (LinDist3Flow.Injection s : model.feederInjections()) {
        fixed.add(new LinDist3Flow.Injection(s.port(), multiplier * s.pKw(), multiplier * s.qKvar()));
      }
    }
    for (Participant p : scenario.participants()) {
      if (p instanceof Building b && b.loadKvar(t) != 0) {
        PhaseConnection c = scenario.connection(p.id());
        for (int number : c.nodes()) {
          fixed.add(new LinDist3Flow.Injection(model.wye(c.bus(), number), 0, -b.loadKvar(t) / c.nodes().size()));
        }
      }
    }
    return fixed;
  }

  @Override
  public int addBlock() {
    return blocks.addBlock();
  }


  @Override
  public void addColumn(int block, double cost, int[] location, double[][] withdrawalKw) {
    MPVariable w = blocks.addColumn(block, cost, cost / hours);
    for (int j = 0; j < location.length; j++) {
      for (int t = 0; t < nt; t++) {
        definition[t][location[j]].setCoefficient(w, withdrawalKw[j][t]);
      }
    }
  }

  @Override
  public MasterSolution solve() {
    MPSolver.ResultStatus status = solver.solve();
    if (status == MPSolver.ResultStatus.ABNORMAL) {
      // GLOP's warm re-solve after new columns, with its presolve, ended ABNORMAL on the third master of
      // examples/ieee13-3ph; the same model solves without presolve
      solver.setSolverSpecificParametersAsString("use_preprocessing:false");
      status = solver.solve();
    }
    lastOptimal = status == MPSolver.ResultStatus.OPTIMAL;
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      return new MasterSolution(false, "GLOP stopped with status " + status + " on the three-phase master", Double.NaN,
          Double.NaN, 0, 0, new double[0][], new double[0], Optional.empty());
    }
    double slackKwh = 0;
    for (MPVariable s : slacks) {
      slackKwh += s.solutionValue() * hours;
    }
    double[][] weights = blocks.weights();
    double[] blockPrice = blocks.duals();
    for (int b = 0; b < blockPrice.length; b++) {
      // the objective is per hour: the convexity row's value over the day is Δt times its dual
      blockPrice[b] *= hours;
    }
    double objective = hours * solver.objective().value();
    return new MasterSolution(true, "", objective, objective - slackKwh * slackPrice, blocks.privateCost(weights),
        slackKwh, weights, blockPrice, Optional.empty());
  }

  @Override
  public int locationIndex(int locationNumber) {
    return locationNumber;
  }

  @Override
  public double price(MasterSolution solved, int t, int k) {
    // more injection at k is worth −dual: a withdrawal there costs the dual
    return -Glop.marginal(definition[t][k].dualValue());
  }

  /**
   * The last solve's intervals (import, export, LinDist3Flow's voltages, the DLMPs at the day clearing's
   * priced ports, as {@link ThreePhaseDay#intervals()}), read when the DSO closes the master at the end of
   * the play; empty before that or when the last solve failed.
   */
  List<ThreePhaseClearingResult> lastIntervals() {
    return lastIntervals;
  }

  @Override
  public void close() {
    if (lastOptimal && lastIntervals.isEmpty()) {
      List<ThreePhaseClearingResult> intervals = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        double cost = scenario.tariff().importPrice().get(t) * g[t].solutionValue()
            - scenario.tariff().exportPrice().get(t) * e[t].solutionValue();
        intervals.add(rows.get(t).result(cost, g[t].solutionValue(), e[t].solutionValue(),
            Glop.marginal(balance[t].dualValue()), pricedPorts));
      }
      lastIntervals = List.copyOf(intervals);
    }
    solver.delete();
  }
}
