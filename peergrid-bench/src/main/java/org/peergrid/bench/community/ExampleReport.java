package org.peergrid.bench.community;

import java.nio.file.Path;
import java.util.Locale;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * Clears a scenario file and prints, per interval, the root price, the spread of DLMPs over the
 * buses, the lowest LinDistFlow voltage and the shared assets' schedules, then the settlement's
 * totals: the figures that examples/ieee33-community/README.md quotes.
 *
 * <pre>{@code
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" \
 *     org.peergrid.bench.community.ExampleReport examples/ieee33-community/scenario.yaml
 * }</pre>
 */
public final class ExampleReport {
  private ExampleReport() {}

  public static void main(String[] args) {
    Scenario s = ScenarioLoader.load(Path.of(args.length > 0 ? args[0] : "examples/ieee33-community/scenario.yaml"));
    DispatchResult result = LinDistFlowDispatch.solve(s);
    System.out.println(result.status() + ": " + result.message() + " (" + result.solveMillis() + " ms)");
    if (result.solution().isEmpty()) {
      return;
    }
    DispatchSolution sol = result.optimal();
    LocationalPrices p = sol.prices();
    int buses = p.dlmp().buses();
    System.out.println(" t  import  export  lambda0  dlmpMin  dlmpMax  maxVolt  maxCong  vmin  DG18  DG33  CB30soc");
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      double vmin = Double.POSITIVE_INFINITY;
      double volt = 0;
      double cong = 0;
      for (int k = 0; k < buses; k++) {
        lo = Math.min(lo, p.dlmp().get(t, k));
        hi = Math.max(hi, p.dlmp().get(t, k));
        vmin = Math.min(vmin, sol.network().voltagePu().get(t, k));
        volt = Math.max(volt, Math.abs(p.voltage().get(t, k)));
        cong = Math.max(cong, Math.abs(p.congestion().get(t, k)));
      }
      System.out.printf(Locale.ROOT, "%2d %7.1f %7.1f %8.3f %8.3f %8.3f %8.3f %8.3f %.4f %5.0f %5.0f %7.0f%n", t,
          sol.gridImportKw().get(t), sol.gridExportKw().get(t), p.energy().get(t, 0), lo, hi, volt, cong, vmin,
          sol.schedule("DG18").generationKw().get(t), sol.schedule("DG33").generationKw().get(t),
          sol.schedule("CB30").socKwh().get(t));
    }
    SettlementResult r = DlmpSettlement.settle(s, sol, BaseCase.of(s));
    System.out.printf(Locale.ROOT, "objective %.2f, base cost %.2f, buildings pay %.2f, savings %.2f (%.2f %%), "
        + "utility bill %.2f, DSO surplus %.2f, individually rational %d of %d%n", sol.objective(), r.baseCost(),
        r.totalCost(), r.savings(), r.savingsPct().orElse(Double.NaN), r.utilityBill(), r.dsoSurplus(),
        r.participants().stream().filter(x -> x.baseCost().isPresent() && x.individuallyRational()).count(),
        s.buildings().size());
    sol.notes().forEach(n -> System.out.println("note: " + n));
  }
}
