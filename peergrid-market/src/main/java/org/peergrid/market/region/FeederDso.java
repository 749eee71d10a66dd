package org.peergrid.market.region;

import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;

/**
 * One feeder's DSO in the price coordination (docs/region.md): it holds its feeder (network, limits,
 * buildings) and answers a price per interval at the substation with its own LinDistFlow schedule
 * at that price, as a {@link FeederProposal}. In one JVM ({@link LocalDsos}) or as a sharded entity
 * on the node that read the feeder's scenario (peergrid-cluster): the same code, the same answers.
 */
public final class FeederDso {
  private final String id;
  private final Scenario feeder;

  /**
   * @param id the feeder's id in the region file
   * @param feeder its scenario as a region clears it ({@link RegionLoader#feederScenario})
   */
  public FeederDso(String id, Scenario feeder) {
    this.id = id;
    this.feeder = feeder;
  }

  /** The feeder cleared alone at the utility's tariffs: its value is the feeder's cost alone. */
  public FeederProposal alone() {
    DispatchResult r = LinDistFlowDispatch.solve(feeder);
    if (r.status() != DispatchStatus.OPTIMAL) {
      return FeederProposal.none("feeder " + id + " has no schedule alone, so neither has the region: " + r.message());
    }
    DispatchSolution s = r.optimal();
    return new FeederProposal(net(s), s.objective() - DlmpSettlement.utilityBill(feeder, s), s.objective(), null);
  }

  /** The feeder's cheapest schedule when its root trades at {@code pricePerKwh} in both directions. */
  public FeederProposal respond(double[] pricePerKwh) {
    DispatchResult r = LinDistFlowDispatch.solve(RegionClearing.atSubstationPrice(feeder, pricePerKwh));
    if (r.status() != DispatchStatus.OPTIMAL) {
      return FeederProposal.none("feeder " + id + " has no schedule at the substation's prices although it has one"
          + " alone: " + r.message());
    }
    DispatchSolution s = r.optimal();
    double[] net = net(s);
    double atPrice = 0;
    for (int t = 0; t < net.length; t++) {
      atPrice += pricePerKwh[t] * net[t] * feeder.horizon().hours();
    }
    return new FeederProposal(net, s.objective() - atPrice, s.objective(), null);
  }

  private static double[] net(DispatchSolution s) {
    double[] net = new double[s.gridImportKw().size()];
    for (int t = 0; t < net.length; t++) {
      net[t] = s.gridImportKw().get(t) - s.gridExportKw().get(t);
    }
    return net;
  }
}
