package org.peergrid.market.accheck;

import java.util.Optional;
import org.peergrid.grid.powerflow.PowerFlowStatus;

/**
 * The AC power flow of one interval's schedule. Where the power flow did not converge the other
 * figures are those of its last iteration and mean nothing; the result's totals leave them out.
 *
 * @param interval the interval, from 0
 * @param status how the power flow ended
 * @param iterations sweep iterations
 * @param lossesKw series losses [kW]
 * @param lossesKwh losses × Δt [kWh]
 * @param sourceKw what the substation delivers [kW] (negative when the feeder exports)
 * @param vmin the lowest voltage
 * @param vmax the highest voltage
 * @param mostLoaded the branch with a limit whose loading is highest, if any branch has a limit
 */
public record AcInterval(int interval, PowerFlowStatus status, int iterations, double lossesKw, double lossesKwh,
    double sourceKw, BusVoltage vmin, BusVoltage vmax, Optional<BranchLoading> mostLoaded) {

  public boolean converged() {
    return status == PowerFlowStatus.CONVERGED;
  }
}
