package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;

/** The console summary of {@code peergrid clear}: the figures a person looks at first. */
final class ClearConsole {
  private ClearConsole() {}

  static void print(PrintWriter out, Scenario s, ClearingResult r, Path dir, List<String> files) {
    String money = s.currency().isEmpty() ? "" : " " + s.currency();
    out.printf(Locale.ROOT, "Cleared %s with %s: %d participants, %d x %d min on %s (%d buses)%n", s.name(),
        r.mechanism(), s.participants().size(), s.horizon().intervals(), s.horizon().intervalMinutes(),
        s.network().radial().feeder().name(), s.network().radial().busCount());
    out.printf(Locale.ROOT, "Status          %s (LP %d ms%s)%n", r.status(), r.dispatch().solveMillis(),
        r.acCheck().map(ac -> ", AC check " + ac.solveMillis() + " ms").orElse(""));
    if (r.dispatch().solution().isEmpty()) {
      out.printf(Locale.ROOT, "Diagnosis       %s%n", r.dispatch().message());
    }
    r.outcome().filter(o -> o.settlement().isEmpty())
        .ifPresent(o -> out.printf(Locale.ROOT, "Settlement      %s: %s%n", o.status(), o.message()));
    r.settlement().ifPresent(st -> printMoney(out, st, money));
    r.dispatch().solution().ifPresent(sol -> printDso(out, s, sol, money));
    r.dispatch().solution().ifPresent(sol -> printGrid(out, s, sol, money));
    r.acCheck().ifPresent(ac -> printAc(out, ac));
    r.dispatch().solution().ifPresent(sol -> sol.notes().forEach(n -> out.println("Note            " + n)));
    out.printf(Locale.ROOT, "Files           %s: %s%n", dir, String.join(", ", files));
  }

  private static void printMoney(PrintWriter out, SettlementResult st, String money) {
    out.printf(Locale.ROOT, "Buildings pay   %.2f%s (base cost %.2f%s), savings %.2f%s (%s)%n", st.totalCost(), money,
        st.baseCost(), money, st.savings(), money,
        st.savingsPct().isPresent() ? String.format(Locale.ROOT, "%.2f %%", st.savingsPct().getAsDouble()) : "n/a");
    out.printf(Locale.ROOT, "Money flows     utility bill %.2f%s, DSO surplus %.2f%s%n", st.utilityBill(), money,
        st.dsoSurplus(), money);
  }

  /** Why the DSO surplus is often negative: it buys the background load, which nobody trades. */
  private static void printDso(PrintWriter out, Scenario s, DispatchSolution sol, String money) {
    out.printf(Locale.ROOT, "DSO at DLMPs    network rent %.2f%s, background load bought %.2f%s%n",
        DlmpSettlement.networkRent(s, sol), money, DlmpSettlement.backgroundLoadCost(s, sol), money);
  }

  private static void printGrid(PrintWriter out, Scenario s, DispatchSolution sol, String money) {
    double hours = s.horizon().hours();
    out.printf(Locale.ROOT, "Grid            import %.3f kWh, export %.3f kWh%n", sol.gridImportKwh(hours),
        sol.gridExportKwh(hours));
    out.printf(Locale.ROOT, "DLMP            %.4f .. %.4f%s per kWh%n", sol.prices().dlmp().min(),
        sol.prices().dlmp().max(), money);
  }

  static void printAc(PrintWriter out, AcCheckResult ac) {
    ac.vmin().ifPresent(v -> out.printf(Locale.ROOT,
        "AC check        Vmin %.6f p.u. (bus %d, interval %d), Vmax %.6f p.u. (bus %d, interval %d)%n", v.pu(),
        v.bus(), v.interval(), ac.vmax().orElseThrow().pu(), ac.vmax().orElseThrow().bus(),
        ac.vmax().orElseThrow().interval()));
    out.printf(Locale.ROOT, "                losses %.3f kWh; %d voltage and %d branch violations%s%n", ac.lossesKwh(),
        ac.voltageViolations(), ac.branchViolations(),
        ac.mostLoaded().map(b -> String.format(Locale.ROOT, "; most loaded branch %s at %.1f %%", b.element(),
            b.percent())).orElse(""));
    if (!ac.converged()) {
      out.printf(Locale.ROOT, "                not converged in interval(s) %s%n", ac.nonConvergedIntervals());
    }
  }
}
