package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peergrid.market.probabilistic.DayOutputs;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.ScenarioInputs;
import org.peergrid.market.scenario.RandomQuantity;

/** The console summary of {@code peergrid uncertainty}. */
final class UncertaintyConsole {
  private UncertaintyConsole() {}

  static void header(PrintWriter out, UncertaintyHeading s, String mechanism, ScenarioInputs inputs, int threads) {
    out.printf(Locale.ROOT, "Uncertainty of %s with %s: %d participants, %d x %d min on %s%n", s.name(),
        mechanism, s.participants(), s.intervals(), s.intervalMinutes(), s.feeder());
    out.printf(Locale.ROOT, "Random inputs   m = %d (pv %d, wind %d, load %d), %s weather; %d threads%n",
        inputs.size(), inputs.count(RandomQuantity.PV), inputs.count(RandomQuantity.WIND),
        inputs.count(RandomQuantity.LOAD), s.correlation().key(), threads);
  }

  static void run(PrintWriter out, UncertaintyHeading s, DayUncertainty r) {
    String money = s.currency().isEmpty() ? "" : " " + s.currency();
    String method = r.method().key() + (r.samples() > 0 ? " (" + r.samples() + " samples, seed " + r.seed() + ")" : "");
    out.printf(Locale.ROOT, "%-15s %d clearings in %.1f s (%.1f ms each), %d infeasible%s%n", method,
        r.result().evaluations(), r.wallMillis() / 1000.0, r.millisPerEvaluation(), r.result().failedEvaluations(),
        r.clippedValues() > 0 ? ", " + r.clippedValues() + " negative input values clipped to 0" : "");
    if (!r.result().hasStatistics()) {
      out.printf(Locale.ROOT, "  no statistics: %s%n", r.firstFailure().orElse("no evaluation succeeded"));
      return;
    }
    out.printf(Locale.ROOT, "  total cost    mean %.2f%s, std %.2f%s%n", r.totalCostMean(), money, r.totalCostStd(),
        money);
    out.printf(Locale.ROOT, "  Vmin (AC)     mean %.6f p.u., std %.6f p.u.%n", r.vminMean(), r.vminStd());
    DayOutputs o = r.layout();
    int widest = o.dlmp(0, 0);
    for (int j = o.dlmp(0, 0); j < o.size(); j++) {
      widest = r.std(j) > r.std(widest) ? j : widest;
    }
    int t = (widest - o.dlmp(0, 0)) / o.buses().length;
    String bus = o.point((widest - o.dlmp(0, 0)) % o.buses().length);
    out.printf(Locale.ROOT, "  DLMP          largest std %.4f%s per kWh (bus %s, interval %d, mean %.4f)%n",
        r.std(widest), money, bus, t, r.mean(widest));
  }

  /** Relative errors of each estimate's total cost and Vmin against the reference. */
  static void errors(PrintWriter out, List<DayUncertainty> estimates, DayUncertainty reference) {
    for (DayUncertainty e : estimates) {
      if (!UncertaintyCsv.comparable(e, reference)) {
        out.printf(Locale.ROOT, "%-15s no comparison (an estimate has no statistics)%n", e.method().key() + " vs mc");
        continue;
      }
      out.printf(Locale.ROOT, "%-15s total cost mean %+.3f %%, std %+.2f %%; Vmin mean %+.6f p.u., std %+.6f p.u.%n",
          e.method().key() + " vs mc", 100 * (e.totalCostMean() / reference.totalCostMean() - 1),
          100 * (e.totalCostStd() / reference.totalCostStd() - 1), e.vminMean() - reference.vminMean(),
          e.vminStd() - reference.vminStd());
    }
  }

  static void files(PrintWriter out, Path dir, List<String> files) {
    out.printf(Locale.ROOT, "Files           %s: %s%n", dir, String.join(", ", files));
  }
}
