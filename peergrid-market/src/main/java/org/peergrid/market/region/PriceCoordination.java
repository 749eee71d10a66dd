package org.peergrid.market.region;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;

/**
 * The region cleared by prices instead of one LP (docs/region.md, "Price coordination"): the
 * substation sends every DSO a price per interval, each DSO schedules its own feeder against it
 * (its own LinDistFlow LP, its data staying with it) and answers with its net import profile and
 * its own cost, and the substation mixes the answers it has so far into the cheapest region
 * (Dantzig–Wolfe decomposition; Dantzig and Wolfe, "Decomposition principle for linear programs",
 * Operations Research 8(1), 1960, doi:10.1287/opre.8.1.101). The substation's prices are the duals
 * of its balance rows. The loop stops when no DSO has an answer that would lower the region's cost:
 * then the mix is the central LP's optimum, so this is a check of {@link RegionClearing} by another
 * route and a measure of what the DSOs must exchange to reach it.
 *
 * @param converged whether the gap closed within the iteration limit
 * @param iterations rounds of prices sent to all DSOs
 * @param proposals answers kept by the substation (the feeders' alone schedules included)
 * @param cost the substation's best region cost [money]
 * @param lowerBound Σ_f of the DSOs' optimal values at the last prices: no schedule of the region costs
 *     less (Lagrangian bound) [money]
 * @param price the last prices [money/kWh]
 * @param messages prices sent plus answers returned, one per DSO and round
 */
public record PriceCoordination(boolean converged, int iterations, int proposals, double cost, double lowerBound,
    double[] price, int messages) {

  /** Relative gap at which the loop stops. */
  static final double GAP = 1e-9;
  /** Rounds of prices before the loop gives up. */
  public static final int MAX_ITERATIONS = 200;

  /** A DSO's answer: its net import per interval [kW] and its own costs (fuel, wear) [money]. */
  private record Proposal(double[] netKw, double ownCost) {}

  /**
   * Runs the loop from the feeders' alone schedules.
   *
   * @param region the feeders, one horizon and tariff
   * @param alone each feeder's alone schedule, in the region's order
   */
  public static PriceCoordination run(Region region, List<DispatchSolution> alone) {
    com.google.ortools.Loader.loadNativeLibraries();
    List<Scenario> feeders = region.scenarios();
    Scenario first = feeders.get(0);
    int nt = first.horizon().intervals();
    double hours = first.horizon().hours();
    List<List<Proposal>> proposals = new ArrayList<>();
    for (int f = 0; f < feeders.size(); f++) {
      DispatchSolution s = alone.get(f);
      double[] net = new double[nt];
      for (int t = 0; t < nt; t++) {
        net[t] = s.gridImportKw().get(t) - s.gridExportKw().get(t);
      }
      List<Proposal> own = new ArrayList<>();
      own.add(new Proposal(net, s.objective() - DlmpSettlement.utilityBill(feeders.get(f), s)));
      proposals.add(own);
    }
    int messages = 0;
    double[] price = new double[nt];
    double cost = Double.NaN;
    double bound = Double.NEGATIVE_INFINITY;
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      double[] convexityDual = new double[feeders.size()];
      cost = master(first, proposals, price, convexityDual);
      double values = 0;
      boolean improved = false;
      for (int f = 0; f < feeders.size(); f++) {
        DispatchResult answer = LinDistFlowDispatch.solve(RegionClearing.atSubstationPrice(feeders.get(f), price));
        messages += 2;
        if (answer.status() != DispatchStatus.OPTIMAL) {
          throw new IllegalStateException("feeder " + region.feeders().get(f).id() + " has no schedule at the"
              + " substation's prices although it has one alone: " + answer.message());
        }
        DispatchSolution s = answer.optimal();
        double[] net = new double[nt];
        double atPrice = 0;
        for (int t = 0; t < nt; t++) {
          net[t] = s.gridImportKw().get(t) - s.gridExportKw().get(t);
          atPrice += price[t] * net[t] * hours;
        }
        values += s.objective();
        if (s.objective() - convexityDual[f] < -GAP * (1 + Math.abs(s.objective()))) {
          proposals.get(f).add(new Proposal(net, s.objective() - atPrice));
          improved = true;
        }
      }
      // With prices between the tariffs the substation's own terms are at least 0, so Σ_f values bounds the region.
      bound = Math.max(bound, values);
      if (!improved || cost - bound <= GAP * (1 + Math.abs(cost))) {
        return new PriceCoordination(true, iteration, count(proposals), cost, bound, price, messages);
      }
    }
    return new PriceCoordination(false, MAX_ITERATIONS, count(proposals), cost, bound, price, messages);
  }

  /**
   * The substation's LP over the proposals so far: a convex mix per feeder and the netted trade with
   * the utility. Fills the prices (duals of the balance rows) and the convexity duals; returns its cost.
   */
  private static double master(Scenario tariffs, List<List<Proposal>> proposals, double[] price,
      double[] convexityDual) {
    int nt = price.length;
    double hours = tariffs.horizon().hours();
    MPSolver solver = new MPSolver("region-prices", MPSolver.OptimizationProblemType.GLOP_LINEAR_PROGRAMMING);
    try {
      MPObjective objective = solver.objective();
      objective.setMinimization();
      MPConstraint[] balance = new MPConstraint[nt];
      for (int t = 0; t < nt; t++) {
        balance[t] = solver.makeConstraint(0, 0, "substation_" + t);
        MPVariable buy = solver.makeNumVar(0, MPSolver.infinity(), "import_" + t);
        MPVariable sell = solver.makeNumVar(0, MPSolver.infinity(), "export_" + t);
        balance[t].setCoefficient(buy, 1);
        balance[t].setCoefficient(sell, -1);
        objective.setCoefficient(buy, hours * tariffs.tariff().importPrice().get(t));
        objective.setCoefficient(sell, -hours * tariffs.tariff().exportPrice().get(t));
      }
      MPConstraint[] convexity = new MPConstraint[proposals.size()];
      for (int f = 0; f < proposals.size(); f++) {
        convexity[f] = solver.makeConstraint(1, 1, "mix_" + f);
        for (Proposal p : proposals.get(f)) {
          MPVariable w = solver.makeNumVar(0, MPSolver.infinity(), "w_" + f);
          convexity[f].setCoefficient(w, 1);
          objective.setCoefficient(w, p.ownCost());
          for (int t = 0; t < nt; t++) {
            balance[t].setCoefficient(w, -p.netKw()[t]);
          }
        }
      }
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new IllegalStateException("the substation's LP stopped with " + status);
      }
      for (int t = 0; t < nt; t++) {
        // GLOP's dual is d(cost)/d(rhs): a kW more to import in interval t costs that much.
        price[t] = balance[t].dualValue() / hours;
      }
      for (int f = 0; f < convexity.length; f++) {
        convexityDual[f] = convexity[f].dualValue();
      }
      return objective.value();
    } finally {
      solver.delete();
    }
  }

  private static int count(List<List<Proposal>> proposals) {
    return proposals.stream().mapToInt(List::size).sum();
  }

  @Override
  public double[] price() {
    return price.clone();
  }
}
