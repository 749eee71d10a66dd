package org.peergrid.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peergrid.market.vc.GameRound;
import org.peergrid.market.vc.TradeRow;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcCoopResult;

/** The game's lines of the console summary: rounds, messages, residuals, gap, and the trade mix. */
final class VcConsole {
  private VcConsole() {}

  static void print(PrintWriter out, VcCoopClearing vc) {
    if (vc.game().isEmpty()) {
      return;
    }
    VcCoopResult g = vc.game().get();
    GameRound last = g.rounds().isEmpty() ? null : g.rounds().get(g.rounds().size() - 1);
    out.printf(Locale.ROOT, "VC coop         %d communities, %s in %d rounds, %d messages, %d ms%n",
        g.grouping().communities().size(), g.converged() ? "converged" : "NOT converged", g.iterations(),
        g.messages(), g.runMillis());
    if (last != null) {
      out.printf(Locale.ROOT, "                residuals: primal %.2e kWh, dual %.2e (relative)%n", last.slackKwh(),
          last.relativeGap());
    }
    if (vc.gapToCentralPct().isPresent()) {
      out.printf(Locale.ROOT, "                gap to the central optimum %.6f %% (central %.2f)%n",
          vc.gapToCentralPct().getAsDouble(), vc.centralCost().getAsDouble());
    }
    vc.acCorrection().ifPresent(n -> out.printf(Locale.ROOT, "AC correction   %s%n", n));
    if (vc.acCorrection().isPresent() && vc.uncorrectedCentralCost().isPresent() && vc.centralCost().isPresent()) {
      double plain = vc.uncorrectedCentralCost().getAsDouble();
      out.printf(Locale.ROOT, "                central optimum without it %.2f: passing the AC check costs %.3f %%%n", plain,
          100 * (vc.centralCost().getAsDouble() - plain) / Math.abs(plain));
    }
    double b2b = vc.trades().stream().mapToDouble(TradeRow::b2bKwh).sum();
    double c2c = vc.trades().stream().mapToDouble(TradeRow::c2cBuyKwh).sum();
    double root = vc.trades().stream().mapToDouble(r -> r.rootBuyKwh() + r.rootSellKwh()).sum();
    out.printf(Locale.ROOT, "Trades          B2B %.1f kWh, C2C %.1f kWh, at the substation %.1f kWh%n", b2b, c2c, root);
  }
}
