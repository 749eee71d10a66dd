package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.dispatch.RegionDispatch;
import org.peergrid.market.region.PriceCoordination;
import org.peergrid.market.region.Region;
import org.peergrid.market.scenario.Scenario;
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
    RegionDispatch.Result day = c.dispatch().orElseThrow();
    ObjectNode root = header(c.region(), c.mechanism(), c.status().name());
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
    root.put("settlement_rule", SETTLEMENT_RULE);
    root.put("solve_ms", day.solveMillis());
    ArrayNode feeders = root.putArray("feeders");
    double hours = c.region().feeders().get(0).scenario().horizon().hours();
    for (FeederClearing f : c.feeders()) {
      ObjectNode row = feederRow(feeders, f.feeder(), f.costAlone(), f.costInRegion(), f.netImportKw(), hours,
          f.exchangeKwh(), f.substationPayment(), f.exchangePayment());
      row.put("settlement_status", f.inRegion().outcome().map(o -> o.status().name()).orElse(null));
    }
    substation(root, day.substationPrice(), day.importKw(), day.exportKw(), c.exchangeKwh());
    if (byPrices.isPresent()) {
      priceCoordination(root, byPrices.get(), OptionalDouble.of(c.regionCost()));
    } else {
      root.putNull("price_coordination");
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  /**
   * The summary of a region cleared by prices alone, its DSOs on a cluster (docs/region.md, "On a
   * cluster"): the same keys, from the substation's mix of the DSOs' answers; no central LP, so no
   * {@code solve_ms}, no {@code gap_to_central} and no settlement inside the feeders.
   */
  static String ofPrices(Region region, PriceCoordination p, ClusterOptions.Session cluster)
      throws JsonProcessingException {
    ObjectNode root = header(region, null, p.converged() ? "OPTIMAL" : "NOT_CONVERGED");
    root.put("clearing", "price-coordination");
    Scenario tariffs = region.feeders().get(0).scenario();
    double hours = tariffs.horizon().hours();
    int nt = tariffs.horizon().intervals();
    double[] total = new double[nt];
    double[] exchange = new double[nt];
    double costAlone = 0;
    double exchangeSum = 0;
    double substationSum = 0;
    for (PriceCoordination.FeederShare f : p.feeders()) {
      costAlone += f.costAlone();
      exchangeSum += f.exchangePayment();
      substationSum += f.substationPayment();
      for (int t = 0; t < nt; t++) {
        total[t] += f.netKw()[t];
        exchange[t] += Math.max(0, f.exchangeKwh()[t]);
      }
    }
    double[] imports = new double[nt];
    double[] exports = new double[nt];
    double bill = 0;
    double nettingAlone = 0;
    for (int t = 0; t < nt; t++) {
      imports[t] = Math.max(0, total[t]);
      exports[t] = Math.max(0, -total[t]);
      bill += hours * (tariffs.tariff().importPrice().get(t) * imports[t]
          - tariffs.tariff().exportPrice().get(t) * exports[t]);
      double aloneImports = 0;
      double aloneExports = 0;
      for (PriceCoordination.FeederShare f : p.feeders()) {
        aloneImports += Math.max(0, f.aloneNetKw()[t]);
        aloneExports += Math.max(0, -f.aloneNetKw()[t]);
      }
      // Alone, a feeder never imports and exports at once where the tariffs differ (it would pay the spread).
      nettingAlone += hours * (tariffs.tariff().importPrice().get(t) - tariffs.tariff().exportPrice().get(t))
          * Math.min(aloneImports, aloneExports);
    }
    root.put("region_cost", Numbers.clean(p.cost()));
    root.put("cost_alone", Numbers.clean(costAlone));
    root.put("saving", Numbers.clean(costAlone - p.cost()));
    root.put("exchange_kwh", Numbers.clean(java.util.Arrays.stream(exchange).sum()));
    root.put("netting_value_alone", Numbers.clean(nettingAlone));
    root.put("utility_bill", Numbers.clean(bill));
    root.put("utility_bill_alone", Numbers.clean(p.feeders().stream().mapToDouble(f -> f.costAlone() - f.aloneOwnCost())
        .sum()));
    root.put("exchange_payments_sum", Numbers.clean(exchangeSum));
    root.put("substation_payments_sum", Numbers.clean(substationSum));
    root.put("settlement_rule", SETTLEMENT_RULE);
    ArrayNode feeders = root.putArray("feeders");
    for (int f = 0; f < p.feeders().size(); f++) {
      PriceCoordination.FeederShare share = p.feeders().get(f);
      feederRow(feeders, region.feeders().get(f), share.costAlone(), share.costInRegion(), share.netKw(), hours,
          share.exchangeKwh(), share.substationPayment(), share.exchangePayment());
    }
    substation(root, p.price(), imports, exports, exchange);
    priceCoordination(root, p, OptionalDouble.empty());
    cluster.putClusterKeys(root);
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String SETTLEMENT_RULE = "substation price: the dual of the substation balance";

  private static ObjectNode header(Region region, String mechanism, String status) {
    ObjectNode root = MAPPER.createObjectNode();
    Scenario first = region.feeders().get(0).scenario();
    root.put("region", region.name());
    root.put("format_version", 1);
    root.put("mechanism", mechanism);
    root.put("status", status);
    root.put("currency", first.currency());
    root.put("intervals", first.horizon().intervals());
    root.put("interval_minutes", first.horizon().intervalMinutes());
    return root;
  }

  private static ObjectNode feederRow(ArrayNode feeders, Region.Feeder feeder, double costAlone, double costInRegion,
      double[] netImportKw, double hours, double[] exchangeKwh, double substationPayment, double exchangePayment) {
    ObjectNode row = feeders.addObject();
    row.put("id", feeder.id());
    row.put("scenario", feeder.scenarioFile().toString());
    row.put("cost_alone", Numbers.clean(costAlone));
    row.put("cost_in_region", Numbers.clean(costInRegion));
    row.put("saving", Numbers.clean(costAlone - costInRegion));
    row.put("net_import_kwh", Numbers.clean(sum(netImportKw, 1) * hours));
    row.put("net_export_kwh", Numbers.clean(sum(netImportKw, -1) * hours));
    row.put("exchange_bought_kwh", Numbers.clean(sum(exchangeKwh, 1)));
    row.put("exchange_sold_kwh", Numbers.clean(sum(exchangeKwh, -1)));
    row.put("substation_payment", Numbers.clean(substationPayment));
    row.put("exchange_payment", Numbers.clean(exchangePayment));
    row.put("utility_payment", Numbers.clean(substationPayment - exchangePayment));
    return row;
  }

  private static void substation(ObjectNode root, double[] price, double[] imports, double[] exports,
      double[] exchange) {
    ArrayNode intervals = root.putArray("substation");
    for (int t = 0; t < price.length; t++) {
      ObjectNode row = intervals.addObject();
      row.put("interval", t);
      row.put("price", Numbers.clean(price[t]));
      row.put("import_kw", Numbers.clean(imports[t]));
      row.put("export_kw", Numbers.clean(exports[t]));
      row.put("exchange_kwh", Numbers.clean(exchange[t]));
    }
  }

  /** The price loop's keys; with the central LP's cost, the gap to it. */
  private static void priceCoordination(ObjectNode root, PriceCoordination p, OptionalDouble central) {
    ObjectNode node = root.putObject("price_coordination");
    node.put("converged", p.converged());
    node.put("iterations", p.iterations());
    node.put("messages", p.messages());
    node.put("proposals", p.proposals());
    node.put("region_cost", Numbers.clean(p.cost()));
    node.put("lower_bound", Numbers.clean(p.lowerBound()));
    central.ifPresent(c -> node.put("gap_to_central", Numbers.clean(p.cost() - c)));
    ArrayNode prices = node.putArray("price");
    for (double v : p.price()) {
      prices.add(Numbers.clean(v));
    }
    // Each feeder's cost in the substation's mix, to set against its folder re-solved at these prices.
    ArrayNode feeders = node.putArray("feeders");
    for (PriceCoordination.FeederShare f : p.feeders()) {
      feeders.addObject().put("id", f.id()).put("cost_in_region", Numbers.clean(f.costInRegion()));
    }
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
