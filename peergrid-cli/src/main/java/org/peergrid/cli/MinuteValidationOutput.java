package org.peergrid.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.peergrid.cli.report.MinuteEnvelopeChart;
import org.peergrid.market.realtime.MinuteValidation;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.PhaseLimitCheck;

/**
 * The files, summary keys and console lines of {@code peergrid realtime --validate-minutes}
 * (docs/formats.md): minute_violations.csv and minute_voltage_envelope.csv.
 */
final class MinuteValidationOutput {
  static final String VIOLATIONS = "minute_violations.csv";
  static final String ENVELOPE = "minute_voltage_envelope.csv";
  static final String PLOT = "minute_voltage_envelope.png";
  static final String[] VIOLATION_COLUMNS = {"minute", "time", "interval", "kind", "where", "value", "limit",
    "interval_inside"};
  static final String[] ENVELOPE_COLUMNS = {"minute", "time", "interval", "status", "vmin_pu", "vmin_node", "vmax_pu",
    "vmax_node", "pvur", "largest_line_loading", "violations"};

  private MinuteValidationOutput() {}

  static String violations(ThreePhaseScenario s, MinuteValidation.Result r) {
    return ReportCsv.csv(VIOLATION_COLUMNS, out -> {
      for (MinuteValidation.MinuteViolation v : r.violations()) {
        PhaseLimitCheck.Violation x = v.violation();
        out.printRecord(v.minute(), time(v.minute()), v.interval(), ThreePhaseRealtimeOutput.kind(x.kind()), x.where(),
            ReportCsv.n(x.value()), ReportCsv.n(x.limit()), v.intervalInside());
      }
    });
  }

  static String envelope(ThreePhaseScenario s, MinuteValidation.Result r) {
    return ReportCsv.csv(ENVELOPE_COLUMNS, out -> {
      for (MinuteValidation.Minute m : r.minutes()) {
        PhaseLimitCheck.Summary x = m.limits();
        if (x == null) {
          out.printRecord(m.minute(), time(m.minute()), m.interval(), m.flow().status(), "", "", "", "", "", "", "");
        } else {
          out.printRecord(m.minute(), time(m.minute()), m.interval(), m.flow().status(), ReportCsv.n(x.vminPu()),
              x.vminNode(), ReportCsv.n(x.vmaxPu()), x.vmaxNode(), ReportCsv.n(x.pvur()),
              ReportCsv.n(x.largestLoading()), x.violations().size());
        }
      }
    });
  }

  /** The envelope's figure (MinuteEnvelopeChart). */
  static byte[] plot(ThreePhaseScenario s, ThreePhaseRealtime.Result rt, MinuteValidation.Result r) {
    int n = r.minutes().size();
    double[] low = new double[n];
    double[] high = new double[n];
    for (int m = 0; m < n; m++) {
      PhaseLimitCheck.Summary x = r.minutes().get(m).limits();
      low[m] = x == null ? Double.NaN : x.vminPu();
      high[m] = x == null ? Double.NaN : x.vmaxPu();
    }
    int intervals = rt.checks().size();
    double[] intervalLow = new double[intervals];
    double[] intervalHigh = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      PhaseLimitCheck.Summary x = rt.checks().get(t).limits();
      intervalLow[t] = x == null ? Double.NaN : x.vminPu();
      intervalHigh[t] = x == null ? Double.NaN : x.vmaxPu();
    }
    return MinuteEnvelopeChart.png(low, high, intervalLow, intervalHigh, s.horizon().intervalMinutes(),
        s.network().vminPu(), s.network().vmaxPu());
  }

  /** The minute of the day as HH:MM (minute 0 is 00:00). */
  static String time(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60 % 24, minute % 60);
  }

  static void summary(ObjectNode root, MinuteValidation.Result r) {
    root.put("minutes", r.minutes().size());
    root.put("minutes_outside", r.minutesOutside());
    root.put("minutes_outside_interval_inside", r.minutesOutsideOnlyInMinutes());
    root.put("minute_violations", r.violations().size());
    root.put("minutes_not_converged", r.notConverged());
    Worst w = worst(r);
    root.put("minute_vmin_pu", w.low == null ? null : Numbers.clean(w.low.limits().vminPu()));
    root.put("minute_vmax_pu", w.high == null ? null : Numbers.clean(w.high.limits().vmaxPu()));
    root.put("minute_pvur_max", Numbers.clean(w.pvur));
    root.put("minutes_ms", r.millis());
  }

  private record Worst(MinuteValidation.Minute low, MinuteValidation.Minute high, double pvur) {}

  private static Worst worst(MinuteValidation.Result r) {
    MinuteValidation.Minute low = null;
    MinuteValidation.Minute high = null;
    double pvur = 0;
    for (MinuteValidation.Minute m : r.minutes()) {
      if (m.limits() == null) {
        continue;
      }
      if (low == null || m.limits().vminPu() < low.limits().vminPu()) {
        low = m;
      }
      if (high == null || m.limits().vmaxPu() > high.limits().vmaxPu()) {
        high = m;
      }
      pvur = Math.max(pvur, m.limits().pvur());
    }
    return new Worst(low, high, pvur);
  }

  static void console(PrintWriter out, ThreePhaseScenario s, MinuteValidation.Result r) {
    Worst w = worst(r);
    out.printf(Locale.ROOT, "Minutes         %d minutes through the power flow in %d ms: %d with a limit broken, %d of "
        + "them where the interval was inside (%d violations in %s)%n", r.minutes().size(), r.millis(),
        r.minutesOutside(), r.minutesOutsideOnlyInMinutes(), r.violations().size(), VIOLATIONS);
    if (w.low != null) {
      out.printf(Locale.ROOT, "                Vmin %.6f p.u. (%s at %s), Vmax %.6f p.u. (%s at %s), PVUR at most %.3f %%"
          + "%n", w.low.limits().vminPu(), w.low.limits().vminNode(), time(w.low.minute()), w.high.limits().vmaxPu(),
          w.high.limits().vmaxNode(), time(w.high.minute()), 100 * w.pvur);
    }
    if (r.notConverged() > 0) {
      out.printf(Locale.ROOT, "                the power flow did not converge in %d minute(s)%n", r.notConverged());
    }
  }
}
