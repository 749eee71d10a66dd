package org.peergrid.market.region;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.scenario.Scenario;

/**
 * The region cleared by prices instead of one LP (docs/region.md, "Price coordination"): the
 * substation sends every DSO a price per interval, each DSO schedules its own feeder against it
 * (its own LinDistFlow LP, its data staying with it) and answers with its net import profile and
 * its own cost, and the substation mixes the answers it has so far into the cheapest region
 * (Dantzig–Wolfe decomposition; Dantzig and Wolfe, "Decomposition principle for linear programs",
 * Operations Research 8(1), 1960, doi:10.1287/opre.8.1.101). The substation's prices are the duals
 * of its balance rows. The loop stops when no DSO has an answer that would lower the region's cost:
 * then the mix is the central LP's optimum, so this is a check of {@link RegionClearing} by another
 * route and a measure of what the DSOs must exchange to reach it. The DSOs answer through
 * {@link RegionDsos}: in this JVM or on a cluster, with the same numbers.
 *
 * @param converged whether the gap closed within the iteration limit
 * @param iterations rounds of prices sent to all DSOs
 * @param proposals answers kept by the substation (the feeders' alone schedules included)
 * @param cost the substation's best region cost [money]
 * @param lowerBound Σ_f of the DSOs' optimal values at the last prices: no schedule of the region costs
 *     less (Lagrangian bound) [money]
 * @param price the last prices [money/kWh]
 * @param messages prices sent plus answers returned, one per DSO and round, the alone round included
 * @param feeders each feeder's share of the substation's mix, in the region's order
 */
public record PriceCoordination(boolean converged, int iterations, int proposals, double cost, double lowerBound,
    double[] price, int messages, List<FeederShare> feeders) {

  /** Relative gap at which the loop stops. */
  static final double GAP = 1e-9;
  /** Rounds of prices before the loop gives up. */
  public static final int MAX_ITERATIONS = 200;

  /**
   * One feeder in the price-coordinated region, from the numbers its DSO sent: its proposals mixed
   * by the substation's weights, settled at the last prices by the rule of docs/region.md.
   *
   * @param id the feeder's id
   * @param costAlone its cost cleared alone at the tariffs [money]
   * @param aloneOwnCost the own costs (fuel, wear) of its alone schedule [money]
   * @param aloneNetKw its net import alone per interval [kW]
   * @param ownCost own costs (fuel, wear) of the mixed schedule [money]
   * @param netKw the mixed net import at the substation per interval [kW]
   * @param exchangeKwh per interval, bought from (positive) or sold to (negative) other feeders [kWh]
   * @param substationPayment Σ_t λ_t n_t Δt [money]
   * @param exchangePayment its part paid to (negative: received from) other feeders [money]
   */
  public record FeederShare(String id, double costAlone, double aloneOwnCost, double[] aloneNetKw, double ownCost,
      double[] netKw, double[] exchangeKwh, double substationPayment, double exchangePayment) {
    public double costInRegion() {
      return ownCost + substationPayment;
    }
  }

  /** A feeder has no schedule (alone, or at the substation's prices): the region has none. */
  public static final class NoSchedule extends RuntimeException {
    public NoSchedule(String message) {
      super(message);
    }
  }

  /**
   * Runs the loop from the feeders' alone schedules, with the DSOs placed by {@code placement}.
   *
   * @param region the feeders, one horizon and tariff
   * @throws NoSchedule when a DSO finds no schedule for its feeder
   */
  public static PriceCoordination run(Region region, RegionDsos.Placement placement) {
    com.google.ortools.Loader.loadNativeLibraries();
    try (RegionDsos dsos = placement.place(region)) {
      return run(region, dsos);
    }
  }

  private static PriceCoordination run(Region region, RegionDsos dsos) {
    List<Scenario> feeders = region.scenarios();
    Scenario first = feeders.get(0);
    int nt = first.horizon().intervals();
    FeederProposal[] alone = feasible(region, dsos.alone());
    int messages = 2 * feeders.size();
    List<List<FeederProposal>> proposals = new ArrayList<>();
    for (FeederProposal a : alone) {
      proposals.add(new ArrayList<>(List.of(a)));
    }
    double[] price = new double[nt];
    double[][] weights = new double[feeders.size()][];
    double cost = Double.NaN;
    double bound = Double.NEGATIVE_INFINITY;
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      double[] convexityDual = new double[feeders.size()];
      cost = master(first, proposals, price, convexityDual, weights);
      FeederProposal[] answers = feasible(region, dsos.respond(price.clone()));
      messages += 2 * feeders.size();
      double values = 0;
      boolean improved = false;
      for (int f = 0; f < feeders.size(); f++) {
        FeederProposal answer = answers[f];
        values += answer.value();
        if (answer.value() - convexityDual[f] < -GAP * (1 + Math.abs(answer.value()))) {
          proposals.get(f).add(answer);
          improved = true;
        }
      }
      // With prices between the tariffs the substation's own terms are at least 0, so Σ_f values bounds the region.
      bound = Math.max(bound, values);
      if (!improved || cost - bound <= GAP * (1 + Math.abs(cost))) {
        return new PriceCoordination(true, iteration, count(proposals), cost, bound, price, messages,
            shares(region, alone, proposals, weights, price));
      }
    }
    return new PriceCoordination(false, MAX_ITERATIONS, count(proposals), cost, bound, price, messages,
        shares(region, alone, proposals, weights, price));
  }

  private static FeederProposal[] feasible(Region region, FeederProposal[] answers) {
    for (FeederProposal a : answers) {
      if (!a.feasible()) {
        throw new NoSchedule(a.noSchedule());
      }
    }
    return answers;
  }

  /** Each feeder's proposals mixed by the master's weights, and settled at {@code price}. */
  private static List<FeederShare> shares(Region region, FeederProposal[] alone, List<List<FeederProposal>> proposals,
      double[][] weights, double[] price) {
    int nt = price.length;
    double hours = region.feeders().get(0).scenario().horizon().hours();
    double[][] net = new double[proposals.size()][nt];
    double[] own = new double[proposals.size()];
    for (int f = 0; f < net.length; f++) {
      for (int k = 0; k < weights[f].length; k++) {
        FeederProposal p = proposals.get(f).get(k);
        own[f] += weights[f][k] * p.ownCost();
        for (int t = 0; t < nt; t++) {
          net[f][t] += weights[f][k] * p.netKw()[t];
        }
      }
    }
    double[][] exchange = RegionClearing.exchangeKwh(net, hours);
    List<FeederShare> shares = new ArrayList<>();
    for (int f = 0; f < net.length; f++) {
      double substation = 0;
      double exchangePayment = 0;
      for (int t = 0; t < nt; t++) {
        substation += price[t] * net[f][t] * hours;
        exchangePayment += price[t] * exchange[f][t];
      }
      shares.add(new FeederShare(region.feeders().get(f).id(), alone[f].value(), alone[f].ownCost(),
          alone[f].netKw(), own[f], net[f], exchange[f], substation, exchangePayment));
    }
    return List.copyOf(shares);
  }

  /**
   * The substation's LP over the proposals so far: a convex mix per feeder and the netted trade with
   * the utility. Fills the prices (duals of the balance rows), the convexity duals and each feeder's
   * weights on its proposals; returns its cost.
   */
  private static double master(Scenario tariffs, List<List<FeederProposal>> proposals, double[] price,
      double[] convexityDual, double[][] weights) {
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
      MPVariable[][] mix = new MPVariable[proposals.size()][];
      for (int f = 0; f < proposals.size(); f++) {
        convexity[f] = solver.makeConstraint(1, 1, "mix_" + f);
        mix[f] = new MPVariable[proposals.get(f).size()];
        for (int k = 0; k < mix[f].length; k++) {
          FeederProposal p = proposals.get(f).get(k);
          MPVariable w = solver.makeNumVar(0, MPSolver.infinity(), "w_" + f + "_" + k);
          mix[f][k] = w;
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
        weights[f] = new double[mix[f].length];
        for (int k = 0; k < mix[f].length; k++) {
          weights[f][k] = mix[f][k].solutionValue();
        }
      }
      return objective.value();
    } finally {
      solver.delete();
    }
  }

  private static int count(List<List<FeederProposal>> proposals) {
    return proposals.stream().mapToInt(List::size).sum();
  }

  @Override
  public double[] price() {
    return price.clone();
  }
}
