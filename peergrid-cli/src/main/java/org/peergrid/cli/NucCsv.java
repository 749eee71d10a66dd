package org.peergrid.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.nuc.NucIteration;
import org.peergrid.market.nuc.Trade;

/** trades.csv of a p2p-nuc clearing and its console lines (docs/formats.md). */
public final class NucCsv {
  private NucCsv() {}

  static final String[] TRADES = {"interval", "seller", "buyer", "kwh", "weight", "loss_charge_per_kwh",
    "surcharge_per_kwh", "charge_per_kwh", "charge"};

  /** Quoted where a participant id needs it (a comma, a quote, a line break), as every report file. */
  public static String trades(List<Trade> trades) {
    return ReportCsv.csv(TRADES, out -> {
      for (Trade t : trades) {
        out.printRecord(t.interval(), t.seller(), t.buyer(), Numbers.plain(t.kwh()), Numbers.plain(t.weight()),
            Numbers.plain(t.lossChargePerKwh()), Numbers.plain(t.surchargePerKwh()), Numbers.plain(t.chargePerKwh()),
            Numbers.plain(t.charge()));
      }
    });
  }

  static void print(PrintWriter out, NucClearing<?> nuc) {
    out.println("NUC             " + nuc.loop().message());
    for (NucIteration i : nuc.loop().iterations()) {
      out.println(String.format(Locale.ROOT, "  iteration %2d  %-6s  alpha %.4f  rho %.4f  revenue %10.2f  "
          + "surcharges %10.2f  cost %10.2f  violations %3d  losses %9.3f kWh  V %.4f..%.4f", i.iteration(),
          i.phase(), i.surchargeScale(), i.lossRate(), i.revenue(), i.surchargeRevenue(), i.cost(), i.violations(),
          i.lossesKwh(), i.vminPu(), i.vmaxPu()));
    }
    // the surcharges are the rent of the limits, so they are shown apart from the loss recovery
    out.println(String.format(Locale.ROOT, "DSO             revenue %.2f = loss charges %.2f + surcharges %.2f; "
        + "loss cost %.2f", nuc.loop().revenue(), nuc.loop().revenue() - nuc.loop().surchargeRevenue(),
        nuc.loop().surchargeRevenue(), nuc.loop().cost()));
  }
}
