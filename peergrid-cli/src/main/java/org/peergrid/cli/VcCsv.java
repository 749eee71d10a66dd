package org.peergrid.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.TradeRow;
import org.peergrid.market.vc.VirtualCommunity;

/** vcs.csv and trades.csv of {@code peergrid clear --mechanism vc-coop} (docs/formats.md). */
final class VcCsv {
  static final String[] VCS = {"vc", "participant", "type", "bus"};
  static final String[] TRADES = {"interval", "vc", "b2b_kwh", "b2c_buy_kwh", "b2c_sell_kwh", "c2c_buy_kwh",
    "c2c_sell_kwh", "root_buy_kwh", "root_sell_kwh", "energy_price", "b2b_money", "b2c_money", "c2c_money",
    "root_money", "network_charges"};

  private VcCsv() {}

  static String communities(Scenario s, Grouping g) {
    StringWriter text = new StringWriter();
    try (CSVPrinter out = printer(text, VCS)) {
      for (VirtualCommunity c : g.communities()) {
        for (String id : c.members()) {
          Participant p = s.participants().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
          out.printRecord(c.id(), id, p.typeName(), p.bus());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static String trades(List<TradeRow> rows) {
    StringWriter text = new StringWriter();
    try (CSVPrinter out = printer(text, TRADES)) {
      for (TradeRow r : rows) {
        out.printRecord(r.interval(), r.vc(), n(r.b2bKwh()), n(r.b2cBuyKwh()), n(r.b2cSellKwh()), n(r.c2cBuyKwh()),
            n(r.c2cSellKwh()), n(r.rootBuyKwh()), n(r.rootSellKwh()), n(r.energyPrice()), n(r.b2bMoney()),
            n(r.b2cMoney()), n(r.c2cMoney()), n(r.rootMoney()), n(r.networkCharges()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static CSVPrinter printer(StringWriter text, String[] header) throws IOException {
    return new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
  }

  private static String n(double v) {
    return Numbers.plain(v);
  }
}
