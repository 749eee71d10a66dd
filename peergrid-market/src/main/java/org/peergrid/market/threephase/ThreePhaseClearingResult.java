package org.peergrid.market.threephase;

import java.util.List;

/**
 * What a {@link ThreePhaseClearing} found.
 *
 * @param costPerHour the minimum: import paid, less export earned, plus the offers' costs, money per hour
 * @param importKw drawn from the grid at the source
 * @param exportKw fed back to it
 * @param dispatchKw each offer's injection, in the order given
 * @param voltagePu2 the squared voltage of every node (global order) LinDist3Flow predicts for the dispatch
 * @param voltageMarginal μ_k: the marginal value of relaxing node k's voltage row by 1 p.u.² (0 where slack)
 * @param prices the DLMPs at the asked-for ports, in their order
 */
public record ThreePhaseClearingResult(Status status, double costPerHour, double importKw, double exportKw,
    double[] dispatchKw, double[] voltagePu2, double[] voltageMarginal, List<PhasePrice> prices) {

  /** OPTIMAL, INFEASIBLE (no dispatch keeps the limits), NOT_SOLVED (GLOP stopped otherwise). */
  public enum Status { OPTIMAL, INFEASIBLE, NOT_SOLVED }

  static ThreePhaseClearingResult failed(Status status) {
    return new ThreePhaseClearingResult(status, Double.NaN, Double.NaN, Double.NaN, new double[0], new double[0],
        new double[0], List.of());
  }
}
