package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of a Dantzig–Wolfe master ({@link DecompositionMaster}): one convexity row Σ_k w_k = 1 per
 * block, one weight column per proposal with its private cost, and after a solve each block's weights,
 * the mix's private cost and the convexity rows' duals. The network's rows, which the weights also
 * enter, are the master's own.
 */
public final class ConvexBlocks {
  private final MPSolver solver;
  private final List<MPConstraint> convexity = new ArrayList<>();
  private final List<List<MPVariable>> columns = new ArrayList<>();
  private final List<List<Double>> columnCost = new ArrayList<>();

  public ConvexBlocks(MPSolver solver) {
    this.solver = solver;
  }

  /** A new block (Σ of its column weights = 1); returns its index. */
  public int addBlock() {
    MPConstraint row = solver.makeConstraint(1, 1, "convex_" + convexity.size());
    convexity.add(row);
    columns.add(new ArrayList<>());
    columnCost.add(new ArrayList<>());
    return convexity.size() - 1;
  }

  /**
   * A proposal's weight w ∈ [0, 1] in its block's convexity row, at {@code objectiveCoefficient} in the
   * objective; the caller puts it into the network's rows.
   *
   * @param cost the proposal's private cost [money], for {@link #privateCost}
   */
  public MPVariable addColumn(int block, double cost, double objectiveCoefficient) {
    MPVariable w = solver.makeNumVar(0, 1, "w_" + block + "_" + columns.get(block).size());
    solver.objective().setCoefficient(w, objectiveCoefficient);
    convexity.get(block).setCoefficient(w, 1);
    columns.get(block).add(w);
    columnCost.get(block).add(cost);
    return w;
  }

  /** After a solve: each block's weights, in proposal order. */
  public double[][] weights() {
    double[][] weights = new double[columns.size()][];
    for (int b = 0; b < columns.size(); b++) {
      List<MPVariable> cols = columns.get(b);
      weights[b] = new double[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        weights[b][c] = Math.max(0, cols.get(c).solutionValue());
      }
    }
    return weights;
  }

  /** After a solve: the mix's private cost Σ w·cost [money]. */
  public double privateCost(double[][] weights) {
    double cost = 0;
    for (int b = 0; b < weights.length; b++) {
      for (int c = 0; c < weights[b].length; c++) {
        cost += weights[b][c] * columnCost.get(b).get(c);
      }
    }
    return cost;
  }

  /** After a solve: each convexity row's dual as the derivative of the minimised objective. */
  public double[] duals() {
    double[] duals = new double[convexity.size()];
    for (int b = 0; b < duals.length; b++) {
      duals[b] = Glop.marginal(convexity.get(b).dualValue());
    }
    return duals;
  }
}
