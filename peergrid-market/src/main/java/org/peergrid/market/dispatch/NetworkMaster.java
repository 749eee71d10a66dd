package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.scenario.Scenario;

/**
 * The network's side of a Dantzig–Wolfe decomposition of MODEL.md §2 (docs/vc-coop.md): the
 * LinDistFlow LP of the feeder (background load, flows, voltages, limits, the root's trade at the
 * tariffs) in which participants appear only as <em>columns</em>: a block (a group of participants)
 * proposes net withdrawals per bus and interval with their private cost, and the master chooses a
 * convex combination of each block's proposals. Its duals are the DLMPs that the blocks respond to.
 *
 * <p>Every bus that carries participants also has two penalised slack variables (extra injection or
 * withdrawal at {@link #SLACK_PRICE_FACTOR} times the dearest tariff) so that the master is feasible
 * from the first proposals on; a converged schedule uses none of them.
 *
 * <p>The solver is kept between solves: blocks and columns are added incrementally. Not thread-safe.
 */
public final class NetworkMaster implements DecompositionMaster {
  /** Slack energy costs this many times the largest import tariff: dear enough never to be used at an optimum. */
  public static final double SLACK_PRICE_FACTOR = 1000;

  private final DispatchModel m;
  private final MPSolver solver;
  private final LinDistFlowLp lp;
  private final ConvexBlocks blocks;
  private final List<MPVariable> slacks = new ArrayList<>();
  private final boolean[] slackAdded;
  private final double slackPrice;

  private NetworkMaster(DispatchModel m, MPSolver solver) {
    this.m = m;
    this.solver = solver;
    this.lp = new LinDistFlowLp(m, solver, m.reactiveFlows(), true, true);
    this.blocks = new ConvexBlocks(solver);
    this.slackAdded = new boolean[m.buses];
    double dearest = 0;
    for (double p : m.importPrice) {
      dearest = Math.max(dearest, Math.abs(p));
    }
    this.slackPrice = SLACK_PRICE_FACTOR * Math.max(1, dearest);
  }

  /**
   * The master of a scenario's feeder, or empty with the reason when its fixed reactive flows
   * already exceed a thermal limit (the day is infeasible whatever the participants do).
   */
  public static NetworkMaster of(Scenario scenario) {
    return of(scenario, LimitTightening.none(scenario.horizon().intervals(), scenario.network().radial().busCount()));
  }

  /** The master of a scenario's feeder with its limits tightened (AC correction, {@code accheck.AcCorrection}). */
  public static NetworkMaster of(Scenario scenario, LimitTightening tightening) {
    DispatchModel m = DispatchModel.networkOnly(scenario).tightenedBy(tightening);
    Optional<String> reactive = ReactiveOverload.find(m, m.reactiveFlows());
    if (reactive.isPresent()) {
      throw new IllegalArgumentException(reactive.get());
    }
    MPSolver solver = Glop.create("network-master");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    return new NetworkMaster(m, solver);
  }

  /** A new block (Σ of its column weights = 1); returns its index. */
  @Override
  public int addBlock() {
    return blocks.addBlock();
  }

  /**
   * Adds a proposal of a block.
   *
   * @param block from {@link #addBlock()}
   * @param cost the proposal's private cost (wear, fuel) [money]
   * @param busIndex the network's internal indices of the buses that the proposal covers
   * @param withdrawalKw net withdrawal [j][t] at bus busIndex[j] [kW], negative when injecting
   */
  @Override
  public void addColumn(int block, double cost, int[] busIndex, double[][] withdrawalKw) {
    MPVariable w = blocks.addColumn(block, cost, m.pu(cost));
    for (int j = 0; j < busIndex.length; j++) {
      addSlack(busIndex[j]);
      for (int t = 0; t < m.intervals; t++) {
        // The balance row carries load with a minus sign on the variable side, like a building's shifted load.
        lp.balance[t][busIndex[j]].setCoefficient(w, -m.pu(withdrawalKw[j][t]));
      }
    }
  }

  private void addSlack(int bus) {
    if (slackAdded[bus]) {
      return;
    }
    slackAdded[bus] = true;
    for (int t = 0; t < m.intervals; t++) {
      MPVariable in = solver.makeNumVar(0, MPSolver.infinity(), "slack_in_" + t + "_" + bus);
      MPVariable out = solver.makeNumVar(0, MPSolver.infinity(), "slack_out_" + t + "_" + bus);
      lp.balance[t][bus].setCoefficient(in, 1);
      lp.balance[t][bus].setCoefficient(out, -1);
      solver.objective().setCoefficient(in, m.hours * slackPrice);
      solver.objective().setCoefficient(out, m.hours * slackPrice);
      slacks.add(in);
      slacks.add(out);
    }
  }

  /** Solves the restricted master with the columns so far. */
  @Override
  public MasterSolution solve() {
    MPSolver.ResultStatus status = solver.solve();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      return MasterSolution.failed("GLOP stopped with status " + status + " on the network master");
    }
    DispatchSolution network = SolutionReader.read(lp);
    double slackKwh = 0;
    for (MPVariable s : slacks) {
      slackKwh += m.kw(s.solutionValue()) * m.hours;
    }
    double[][] weights = blocks.weights();
    double privateCost = blocks.privateCost(weights);
    double[] blockPrice = blocks.duals();
    for (int b = 0; b < blockPrice.length; b++) {
      blockPrice[b] = m.kw(blockPrice[b]);
    }
    double objective = network.objective();
    return new MasterSolution(true, "", objective, objective - slackKwh * slackPrice, privateCost, slackKwh,
        weights, blockPrice, Optional.of(network));
  }

  @Override
  public int locationIndex(int busNumber) {
    return busIndex(busNumber);
  }

  /** The DLMP at bus index k. */
  @Override
  public double price(MasterSolution solved, int t, int k) {
    return solved.network().orElseThrow().prices().dlmp().get(t, k);
  }

  /** The feeder's internal bus index of a MATPOWER bus number. */
  public int busIndex(int busNumber) {
    for (int k = 0; k < m.buses; k++) {
      if (m.busNumber[k] == busNumber) {
        return k;
      }
    }
    throw new IllegalArgumentException("no bus " + busNumber);
  }

  @Override
  public void close() {
    solver.delete();
  }
}
