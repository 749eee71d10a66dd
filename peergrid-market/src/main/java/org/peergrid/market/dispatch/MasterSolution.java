package org.peergrid.market.dispatch;

import java.util.Optional;

/**
 * A solved restricted master of {@link NetworkMaster}.
 *
 * @param optimal whether GLOP found an optimum
 * @param message why not, when not
 * @param objective the master's objective with slack penalties [money]
 * @param objectiveWithoutSlack the system cost of MODEL.md §2 of the combined schedule (root trade at
 *     the tariffs plus private costs) [money]
 * @param privateCost Σ weight·private cost of the columns [money]
 * @param slackKwh energy the penalised slacks supply or absorb; 0 at a feasible schedule [kWh]
 * @param weights the weight of every column, per block in the order added
 * @param blockPrice the dual of each block's convexity row [money]: a block's new proposal improves
 *     the master only if its priced cost is below this
 * @param network flows, voltages, root trade and DLMPs (no participant schedules)
 */
public record MasterSolution(boolean optimal, String message, double objective, double objectiveWithoutSlack,
    double privateCost, double slackKwh, double[][] weights, double[] blockPrice, Optional<DispatchSolution> network) {

  static MasterSolution failed(String why) {
    return new MasterSolution(false, why, Double.NaN, Double.NaN, 0, 0, new double[0][], new double[0],
        Optional.empty());
  }
}
