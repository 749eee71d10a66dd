package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peergrid.market.realtime.RealtimeInterval;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.Scenario;

/** The console of {@code peergrid realtime}: one line per interval as it is dispatched, then the summary. */
final class RealtimeConsole {
  private RealtimeConsole() {}

  static void header(PrintWriter out, Scenario s, String actuals, String dayAhead) {
    out.printf(Locale.ROOT, "Real time %s: %d participants, %d x %d min on %s (%d buses)%n", s.name(),
        s.participants().size(), s.horizon().intervals(), s.horizon().intervalMinutes(),
        s.network().radial().feeder().name(), s.network().radial().busCount());
    out.printf(Locale.ROOT, "Actuals         %s%n", actuals);
    out.printf(Locale.ROOT, "Day ahead       %s%n", dayAhead);
    out.flush();
  }

  /** Flushes every line: a 96-interval day of 300 buildings takes a while, and people watch it. */
  static RealtimeProgress progress(PrintWriter out) {
    return (RealtimeInterval i, int n) -> {
      out.printf(Locale.ROOT, "  interval %3d/%d  %s  deviation %+10.3f kW%s%n", i.interval() + 1, n,
          i.redispatched() ? String.format(Locale.ROOT, "re-dispatched (LP %7.1f ms)", i.solveMillis())
              : "day-ahead kept             ",
          i.deviationKw(), i.networkLimitsDropped() ? "  (no schedule within the network limits: dropped them)" : "");
      out.flush();
    };
  }

  /** What the buildings pay and where the deviation payments go (balanced or three-phase). */
  static void money(PrintWriter out, String currency, TwoSettlementResult st) {
    String money = currency.isEmpty() ? "" : " " + currency;
    out.printf(Locale.ROOT, "Buildings pay   day-ahead %.2f%s, real-time %.2f%s: deviations cost %.2f%s%n",
        st.dayAheadCost(), money, st.realtimeCost(), money, st.deviationCost(), money);
    out.printf(Locale.ROOT, "Money flows     deviation payments %.2f%s = utility real-time bill %.2f%s + netting "
        + "surplus %.2f%s%n", st.deviationPayments(), money, st.realtimeUtilityBill(), money, st.nettingSurplus(), money);
  }

  static void summary(PrintWriter out, Scenario s, RealtimeResult r, Path dir, List<String> files) {
    String money = s.currency().isEmpty() ? "" : " " + s.currency();
    TwoSettlementResult st = r.settlement();
    money(out, s.currency(), st);
    st.vcNetting().ifPresent(v -> out.printf(Locale.ROOT, "VC netting      %.1f kWh netted inside the communities: "
        + "members save %.2f%s; the operator keeps %.2f%s (%.2f%s without VC netting)%n", v.nettedKwh(), v.benefit(),
        money, st.nettingSurplus(), money, v.nettingSurplusAlone(), money));
    out.printf(Locale.ROOT, "Re-dispatch     %d of %d intervals, LP mean %.1f ms, max %.1f ms per interval "
        + "(set up once before the day in %d ms; real time %d ms in all)%n", r.realized().redispatched(),
        r.realized().intervals().size(), r.realized().meanSolveMillis(), r.realized().maxSolveMillis(),
        r.realized().setupMillis(), r.millis());
    ClearConsole.printAc(out, r.acCheck());
    out.printf(Locale.ROOT, "Files           %s: %s%n", dir, String.join(", ", files));
  }
}
