package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.peergrid.cli.report.Report;
import org.peergrid.cli.report.RunResults;
import org.peergrid.market.variants.VariantResult;

/** The closing summary of {@code peergrid run}: the headline figures and where the report is. */
final class RunConsole {
  private RunConsole() {}

  static void print(PrintWriter out, RunResults run, Path dir, int fileCount) {
    String money = run.money();
    if (run.scheduled()) {
      var outcome = run.day().outcome().orElseThrow();
      out.printf(Locale.ROOT, "Base cost       %.2f%s (every building alone)%n", outcome.baseCost(), money);
      org.peergrid.market.mechanism.ComparisonRow.bestForBuildings(run.mechanisms())
          .ifPresent(best -> out.printf(Locale.ROOT,
              "Best mechanism  %s saves %.2f%s (%.2f %%), %d worse off (among those leaving no DG worse off)%n",
              best.mechanism(), best.savings().getAsDouble(), money, best.savingsPct().orElse(Double.NaN),
              best.worseOff().orElse(0)));
      var tied = org.peergrid.market.mechanism.ComparisonRow.tiedForBest(run.mechanisms());
      if (tied.size() > 1) {
        out.println("                the same saving: " + String.join(", ", tied.stream()
            .map(org.peergrid.market.mechanism.ComparisonRow::mechanism).toList())
            + " (best: fewest worse off, then the largest smallest saving)");
      }
      StringBuilder variants = new StringBuilder();
      double base = outcome.baseCost();
      for (VariantResult v : run.variants()) {
        variants.append(String.format(Locale.ROOT, "(%s) %s  ", v.variant().label(),
            v.netCost().isPresent() ? String.format(Locale.ROOT, "%.2f", v.netCost().getAsDouble())
                : v.status().name()));
      }
      out.println("Net cost        " + variants.toString().trim());
      run.variants().stream().reduce((a, b) -> b).flatMap(v -> v.reductionPct(base).isPresent()
          ? java.util.Optional.of(v.reductionPct(base).getAsDouble()) : java.util.Optional.empty())
          .ifPresent(pct -> out.printf(Locale.ROOT, pct >= 0 ? "                (d) saves %.2f %% against (a)%n"
              : "                (d) costs %.2f %% more than (a)%n", Math.abs(pct)));
      run.day().acCheck().ifPresent(ac -> ac.vmin().ifPresent(v -> out.printf(Locale.ROOT,
          "AC check        Vmin %.4f p.u. (bus %d, interval %d), losses %.1f kWh, %d voltage and %d branch"
              + " violations%n", v.pu(), v.bus(), v.interval(), ac.lossesKwh(), ac.voltageViolations(),
          ac.branchViolations())));
    } else {
      out.printf(Locale.ROOT, "Status          %s: %s%n", run.day().dispatch().status(),
          run.day().dispatch().message());
    }
    out.printf(Locale.ROOT, "Report          %s%n", dir.resolve(Report.HTML));
    out.printf(Locale.ROOT, "                open it in a browser; %d files in %s (CSV data of every chart,"
        + " PNGs, summary.json)%n", fileCount, dir);
  }

}
