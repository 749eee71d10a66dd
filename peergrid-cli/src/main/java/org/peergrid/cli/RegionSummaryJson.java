package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.peergrid.market.dispatch.RegionDispatch;
import org.peergrid.market.region.PriceCoordination;
import org.peergrid.market.region.RegionClearing;
import org.peergrid.market.region.RegionClearing.FeederClearing;

/**
 * region_summary.json of {@code peergrid region} (docs/region.md): the region's cost against its
 * feeders alone, the energy exchanged between feeders at the substation, and how the money of the
 * substation splits among the DSOs. Written only for a region that cleared.
 */
final class RegionSummaryJson {
  private RegionSummaryJson() {}

  static String of(RegionClearing c, Optional<PriceCoordination> byPrices) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    RegionDispatch.Result day = c.dispatch().orElseThrow();
    ObjectNode root = mapper.createObjectNode();
    root.put("region", c.region().name());
    root.put("format_version", 1);
    root.put("mechanism", c.mechanism());
    root.put("status", c.status().name());
    root.put("currency", c.region().feeders().get(0).scenario().currency());
    root.put("intervals", c.region().feeders().get(0).scenario().horizon().intervals());
    root.put("interval_minutes", c.region().feeders().get(0).scenario().horizon().intervalMinutes());
    root.put("region_cost", Numbers.clean(c.regionCost()));
    root.put("cost_alone", Numbers.clean(c.costAlone()));
    root.put("saving", Numbers.clean(c.costAlone() - c.regionCost()));
    root.put("exchange_kwh", Numbers.clean(c.totalExchangeKwh()));
    root.put("netting_value_alone", Numbers.clean(c.nettingValueAlone()));
    root.put("utility_bill", Numbers.clean(c.utilityBill()));
    root.put("utility_bill_alone", Numbers.clean(c.utilityBillAlone()));
    root.put("exchange_payments_sum", Numbers.clean(c.feeders().stream()
        .mapToDouble(FeederClearing::exchangePayment).sum()));
    root.put("substation_payments_sum", Numbers.clean(c.feeders().stream()
        .mapToDouble(FeederClearing::substationPayment).sum()));
    root.put("settlement_rule", "substation price: the dual of the substation balance");
    root.put("solve_ms", day.solveMillis());
    ArrayNode feeders = root.putArray("feeders");
    for (FeederClearing f : c.feeders()) {
      ObjectNode row = feeders.addObject();
      row.put("id", f.feeder().id());
      row.put("scenario", f.feeder().scenarioFile().toString());
      row.put("cost_alone", Numbers.clean(f.costAlone()));
      row.put("cost_in_region", Numbers.clean(f.costInRegion()));
      row.put("saving", Numbers.clean(f.costAlone() - f.costInRegion()));
      double hours = f.feeder().scenario().horizon().hours();
      row.put("net_import_kwh", Numbers.clean(sum(f.netImportKw(), 1) * hours));
      row.put("net_export_kwh", Numbers.clean(sum(f.netImportKw(), -1) * hours));
      row.put("exchange_bought_kwh", Numbers.clean(f.exchangeBoughtKwh()));
      row.put("exchange_sold_kwh", Numbers.clean(f.exchangeSoldKwh()));
      row.put("substation_payment", Numbers.clean(f.substationPayment()));
      row.put("exchange_payment", Numbers.clean(f.exchangePayment()));
      row.put("utility_payment", Numbers.clean(f.utilityPayment()));
      row.put("settlement_status", f.inRegion().outcome().map(o -> o.status().name()).orElse(null));
    }
    ArrayNode intervals = root.putArray("substation");
    double[] price = day.substationPrice();
    double[] imports = day.importKw();
    double[] exports = day.exportKw();
    double[] exchange = c.exchangeKwh();
    for (int t = 0; t < price.length; t++) {
      ObjectNode row = intervals.addObject();
      row.put("interval", t);
      row.put("price", Numbers.clean(price[t]));
      row.put("import_kw", Numbers.clean(imports[t]));
      row.put("export_kw", Numbers.clean(exports[t]));
      row.put("exchange_kwh", Numbers.clean(exchange[t]));
    }
    if (byPrices.isPresent()) {
      PriceCoordination p = byPrices.get();
      ObjectNode node = root.putObject("price_coordination");
      node.put("converged", p.converged());
      node.put("iterations", p.iterations());
      node.put("messages", p.messages());
      node.put("proposals", p.proposals());
      node.put("region_cost", Numbers.clean(p.cost()));
      node.put("lower_bound", Numbers.clean(p.lowerBound()));
      node.put("gap_to_central", Numbers.clean(p.cost() - c.regionCost()));
      ArrayNode prices = node.putArray("price");
      for (double v : p.price()) {
        prices.add(Numbers.clean(v));
      }
    } else {
      root.putNull("price_coordination");
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  /** Σ of the positive parts of sign·x. */
  private static double sum(double[] x, int sign) {
    double s = 0;
    for (double v : x) {
      s += Math.max(0, sign * v);
    }
    return s;
  }
}
