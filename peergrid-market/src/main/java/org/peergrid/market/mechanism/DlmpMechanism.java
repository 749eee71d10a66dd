package org.peergrid.market.mechanism;

import java.util.Optional;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;

/**
 * The DSO clears the day centrally (the LinDistFlow LP of MODEL.md §2) and every participant
 * settles at the DLMP of its bus (§4); savings are measured against each building alone (§3).
 */
public final class DlmpMechanism implements MarketMechanism {
  public static final String NAME = "dlmp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "central LinDistFlow dispatch, everyone settles at the DLMP of its bus";
  }

  @Override
  public ClearingResult clear(Scenario scenario) {
    DispatchResult dispatch = LinDistFlowDispatch.solve(scenario);
    if (dispatch.status() != DispatchStatus.OPTIMAL) {
      return ClearingResult.failed(NAME, dispatch);
    }
    DispatchSolution solution = dispatch.optimal();
    BaseCase base = BaseCase.of(scenario);
    return new ClearingResult(NAME, dispatch, Optional.of(DlmpSettlement.settle(scenario, solution, base)),
        Optional.of(AcCheck.run(scenario, solution)));
  }
}
