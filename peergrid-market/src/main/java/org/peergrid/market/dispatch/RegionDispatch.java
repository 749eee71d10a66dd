package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The day-ahead schedule of a region (docs/region.md): several feeders, each with its own
 * LinDistFlow network and limits, behind one upstream substation that buys from the utility only
 * the region's net import of each interval. One LP: every feeder's {@link LinDistFlowLp} in one
 * GLOP solver, the feeders' root imports and exports priced at zero, and per interval a substation
 * row (G⁺_t − G⁻_t) − Σ_f (g⁺_f,t − g⁻_f,t) = 0 whose G⁺ and G⁻ pay the tariffs. A feeder's export
 * can thus serve another feeder's import at the substation instead of being sold at the export
 * tariff and bought back at the import tariff.
 *
 * <p>Every feeder's alone schedule, with G the sum of its root flows, is feasible here and costs
 * the same or more, so the region never costs more than its feeders alone. The substation row's
 * dual λ_t is the region's price at the substation: it lies between the tariffs (import when the
 * region imports, export when it exports) and is the root DLMP of every feeder.
 *
 * <p>Feeders may have different base powers: each LP's objective is money per its own base, so
 * every feeder's objective coefficients are multiplied by base_f / base_1 to put all of them in
 * money per the first feeder's base, and its duals are divided by the same factor when read.
 */
public final class RegionDispatch {
  private RegionDispatch() {}

  /**
   * A region's schedule.
   *
   * @param status how the solve ended
   * @param message what happened, in a sentence
   * @param feeders per feeder in input order (present exactly when optimal): its schedule, prices
   *     and network with the root flow netted (import or export, never both) and as objective its
   *     cost in the region: its own costs (DG fuel, battery wear) plus Σ_t λ_t (g⁺ − g⁻) Δt
   * @param substationPrice λ_t [money/kWh] (arrays empty unless optimal)
   * @param importKw G⁺_t, what the region buys from the utility [kW]
   * @param exportKw G⁻_t, what it sells to the utility [kW]
   * @param cost the region's cost: the utility bill plus every feeder's own costs [money]
   * @param solveMillis wall time of building and solving the LP [ms]
   */
  public record Result(DispatchStatus status, String message, List<DispatchSolution> feeders,
      double[] substationPrice, double[] importKw, double[] exportKw, double cost, long solveMillis) {
    public Result {
      feeders = List.copyOf(feeders);
      substationPrice = substationPrice.clone();
      importKw = importKw.clone();
      exportKw = exportKw.clone();
    }

    @Override
    public double[] substationPrice() {
      return substationPrice.clone();
    }

    @Override
    public double[] importKw() {
      return importKw.clone();
    }

    @Override
    public double[] exportKw() {
      return exportKw.clone();
    }
  }

  /**
   * Schedules the region's day.
   *
   * @param feeders one scenario per feeder, all of one horizon and one tariff
   * @throws IllegalArgumentException when horizons or tariffs differ (callers check input first)
   */
  public static Result solve(List<Scenario> feeders) {
    long start = System.nanoTime();
    if (feeders.isEmpty()) {
      throw new IllegalArgumentException("a region needs at least one feeder");
    }
    Scenario first = feeders.get(0);
    for (Scenario s : feeders) {
      if (!s.horizon().equals(first.horizon()) || !s.tariff().equals(first.tariff())) {
        throw new IllegalArgumentException("feeder " + s.name() + " has another horizon or tariff than " + first.name());
      }
    }
    List<DispatchModel> models = new ArrayList<>();
    List<double[][]> reactive = new ArrayList<>();
    for (Scenario s : feeders) {
      DispatchModel m = DispatchModel.of(s);
      double[][] q = m.reactiveFlows();
      Optional<String> overload = ReactiveOverload.find(m, q);
      if (overload.isPresent()) {
        return failed(DispatchStatus.INFEASIBLE, "feeder " + s.name() + ": " + overload.get(), start);
      }
      models.add(m);
      reactive.add(q);
    }
    MPSolver solver = Glop.create("region");
    if (solver == null) {
      return failed(DispatchStatus.SOLVER_FAILED, Glop.problem(), start);
    }
    try {
      return solve(feeders, models, reactive, solver, start);
    } finally {
      solver.delete();
    }
  }

  private static Result solve(List<Scenario> feeders, List<DispatchModel> models, List<double[][]> reactive,
      MPSolver solver, long start) {
    int nt = models.get(0).intervals;
    double hours = models.get(0).hours;
    double baseKva = models.get(0).baseKva;
    double[] importPrice = models.get(0).importPrice;
    double[] exportPrice = models.get(0).exportPrice;
    MPObjective objective = solver.objective();
    List<LinDistFlowLp> lps = new ArrayList<>();
    int[] firstVariable = new int[models.size() + 1];
    double[] scale = new double[models.size()];
    for (int f = 0; f < models.size(); f++) {
      DispatchModel m = models.get(f);
      firstVariable[f] = solver.numVariables();
      LinDistFlowLp lp = new LinDistFlowLp(m, solver, reactive.get(f), true, true);
      scale[f] = m.baseKva / baseKva;
      MPVariable[] all = solver.variables();
      for (int v = firstVariable[f]; v < all.length; v++) {
        objective.setCoefficient(all[v], objective.getCoefficient(all[v]) * scale[f]);
      }
      for (int t = 0; t < nt; t++) {
        // The feeder trades with the substation, which the LP prices through the substation row.
        objective.setCoefficient(lp.gridImport[t], 0);
        objective.setCoefficient(lp.gridExport[t], 0);
      }
      lps.add(lp);
    }
    firstVariable[models.size()] = solver.numVariables();
    MPVariable[] regionImport = new MPVariable[nt];
    MPVariable[] regionExport = new MPVariable[nt];
    MPConstraint[] substation = new MPConstraint[nt];
    for (int t = 0; t < nt; t++) {
      regionImport[t] = solver.makeNumVar(0, MPSolver.infinity(), "region_import_" + t);
      regionExport[t] = solver.makeNumVar(0, MPSolver.infinity(), "region_export_" + t);
      objective.setCoefficient(regionImport[t], hours * importPrice[t]);
      objective.setCoefficient(regionExport[t], -hours * exportPrice[t]);
      substation[t] = solver.makeConstraint(0, 0, "substation_" + t);
      substation[t].setCoefficient(regionImport[t], 1);
      substation[t].setCoefficient(regionExport[t], -1);
      for (int f = 0; f < lps.size(); f++) {
        substation[t].setCoefficient(lps.get(f).gridImport[t], -scale[f]);
        substation[t].setCoefficient(lps.get(f).gridExport[t], scale[f]);
      }
    }
    MPSolver.ResultStatus status = solver.solve();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      // Every feeder's own rows are kept and the substation rows only add free variables, so the
      // region is infeasible exactly when a feeder alone is.
      return failed(status == MPSolver.ResultStatus.INFEASIBLE ? DispatchStatus.INFEASIBLE
          : DispatchStatus.SOLVER_FAILED, "GLOP stopped with status " + status + " on the region"
          + (status == MPSolver.ResultStatus.INFEASIBLE ? "; a feeder has no feasible schedule alone" : ""), start);
    }
    double[] price = new double[nt];
    double[] imports = new double[nt];
    double[] exports = new double[nt];
    for (int t = 0; t < nt; t++) {
      price[t] = Glop.marginal(substation[t].dualValue()) / hours;
      imports[t] = baseKva * regionImport[t].solutionValue();
      exports[t] = baseKva * regionExport[t].solutionValue();
    }
    MPVariable[] all = solver.variables();
    List<DispatchSolution> solutions = new ArrayList<>();
    for (int f = 0; f < lps.size(); f++) {
      LinDistFlowLp lp = lps.get(f);
      DispatchModel m = models.get(f);
      double own = 0;
      for (int v = firstVariable[f]; v < firstVariable[f + 1]; v++) {
        own += objective.getCoefficient(all[v]) * all[v].solutionValue();
      }
      double[] net = new double[nt];
      double substationBill = 0;
      for (int t = 0; t < nt; t++) {
        net[t] = m.kw(lp.gridImport[t].solutionValue() - lp.gridExport[t].solutionValue());
        substationBill += price[t] * net[t] * hours;
      }
      DispatchSolution read = SolutionReader.read(lp, scale[f], baseKva * own + substationBill, false);
      solutions.add(netted(read, net));
    }
    double cost = baseKva * objective.value();
    return new Result(DispatchStatus.OPTIMAL, "optimal schedule of the region's " + feeders.size() + " feeders",
        solutions, price, imports, exports, cost,
        LinDistFlowDispatch.millis(start));
  }

  /**
   * The feeder's root as one net flow: with both root variables free of cost, the LP may move a
   * feeder's import and export together, which is the same power at the substation.
   */
  private static DispatchSolution netted(DispatchSolution s, double[] netKw) {
    double[] imports = new double[netKw.length];
    double[] exports = new double[netKw.length];
    for (int t = 0; t < netKw.length; t++) {
      imports[t] = Math.max(0, netKw[t]);
      exports[t] = Math.max(0, -netKw[t]);
    }
    return new DispatchSolution(s.objective(), s.schedules(), new TimeSeries(imports), new TimeSeries(exports),
        s.prices(), s.network(), s.notes());
  }

  private static Result failed(DispatchStatus status, String message, long start) {
    return new Result(status, message, List.of(), new double[0], new double[0], new double[0], Double.NaN,
        LinDistFlowDispatch.millis(start));
  }
}
