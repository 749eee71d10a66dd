package org.peergrid.cli;

import java.util.List;
import org.peergrid.market.probabilistic.DayOutputs;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.uncertainty.UncertaintyComparison;
import org.peergrid.market.uncertainty.UncertaintyComparison.OutputError;

/**
 * The CSV files of {@code peergrid uncertainty} (docs/formats.md): long tables with a method
 * column, so that one file holds one run or the runs of a comparison. An empty cell is a statistic
 * that does not exist (an estimate that lost an evaluation, a relative error against a zero).
 */
public final class UncertaintyCsv {
  static final String[] DLMP = {"method", "interval", "bus", "dlmp_mean", "dlmp_std"};
  static final String[] COSTS = {"method", "participant", "cost_mean", "cost_std"};
  static final String[] COMPARISON = {"method", "reference", "output", "participant", "interval", "bus", "mean", "std",
    "reference_mean", "reference_std", "mean_error", "std_error", "relative_mean_error", "relative_std_error",
    "mean_error_in_standard_errors"};

  private UncertaintyCsv() {}

  public static String dlmp(List<DayUncertainty> runs) {
    return ReportCsv.csv(DLMP, out -> {
      for (DayUncertainty r : runs) {
        DayOutputs o = r.layout();
        for (int t = 0; t < o.intervals(); t++) {
          for (int i = 0; i < o.buses().length; i++) {
            out.printRecord(r.method().key(), t, o.point(i), n(r.mean(o.dlmp(t, i))), n(r.std(o.dlmp(t, i))));
          }
        }
      }
    });
  }

  public static String costs(List<DayUncertainty> runs) {
    return ReportCsv.csv(COSTS, out -> {
      for (DayUncertainty r : runs) {
        for (int p = 0; p < r.layout().participants().size(); p++) {
          out.printRecord(r.method().key(), r.layout().participants().get(p), n(r.mean(r.layout().cost(p))),
              n(r.std(r.layout().cost(p))));
        }
      }
    });
  }

  /** Every output of every estimate against the reference, one row each. */
  static String comparison(List<DayUncertainty> estimates, DayUncertainty reference) {
    return ReportCsv.csv(COMPARISON, out -> {
      for (DayUncertainty e : estimates) {
        if (!comparable(e, reference)) {
          continue; // no statistics on one side: uncertainty.json says why
        }
        UncertaintyComparison c = UncertaintyComparison.of(e.result(), reference.result());
        DayOutputs o = e.layout();
        Row row = (j, output, participant, interval, bus) -> {
          OutputError err = c.output(j);
          out.printRecord(e.method().key(), reference.method().key(), output, participant, interval, bus,
              n(e.mean(j)), n(e.std(j)), n(reference.mean(j)), n(reference.std(j)), n(err.meanError()),
              n(err.stdError()), n(err.relativeMeanError()), n(err.relativeStdError()),
              n(err.meanErrorInStandardErrors()));
        };
        row.print(DayOutputs.TOTAL_COST, "total_cost", "", "", "");
        row.print(DayOutputs.VMIN, "vmin", "", "", "");
        for (int p = 0; p < o.participants().size(); p++) {
          row.print(o.cost(p), "cost", o.participants().get(p), "", "");
        }
        for (int t = 0; t < o.intervals(); t++) {
          for (int i = 0; i < o.buses().length; i++) {
            row.print(o.dlmp(t, i), "dlmp", "", t, o.point(i));
          }
        }
      }
    });
  }

  static boolean comparable(DayUncertainty estimate, DayUncertainty reference) {
    return estimate.result().hasStatistics() && reference.result().hasStatistics();
  }

  @FunctionalInterface
  private interface Row {
    void print(int j, String output, String participant, Object interval, Object bus) throws java.io.IOException;
  }

  /** A cleaned number, or an empty cell for NaN and infinity. */
  static String n(double value) {
    return Double.isFinite(value) ? Numbers.plain(value) : "";
  }
}
