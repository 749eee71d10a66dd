package org.peergrid.market.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.RegionDispatch;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.settlement.DlmpSettlement;

/**
 * A region's day cleared twice (docs/region.md): every feeder alone at the utility's tariffs, and
 * the region together ({@link RegionDispatch}), where one feeder's export serves another's import
 * at the substation.
 *
 * <p>Settlement rule: every feeder (its DSO) pays the substation price λ_t, the dual of the
 * substation row, for its net import and is paid λ_t for its net export. λ_t is the import tariff
 * when the region imports and the export tariff when it exports, so Σ_f λ_t n_f,t is exactly the
 * utility's bill. Of each feeder's substation payment, the part for energy that another feeder
 * supplied (pro rata to its import, or export, among the feeders on the same side) is its exchange
 * payment; the exchange payments sum to zero. Because the region's schedule of a feeder minimises
 * that feeder's own cost at the price λ (the Lagrangian of the substation rows separates by feeder),
 * and λ_t lies between the tariffs, each feeder's cost in the region is at most its cost alone.
 *
 * <p>Inside a feeder, the chosen mechanism settles the region's schedule as {@code clear} would,
 * with the substation price in place of the feeder's tariffs (its root DLMP is λ_t); the buildings'
 * base cases stay at the utility's tariffs.
 *
 * @param region what was cleared
 * @param mechanism how each feeder settles inside
 * @param feeders per feeder, in the region's order (empty when a feeder could not be cleared alone)
 * @param dispatch the region's schedule, or why there is none
 * @param failure why the region could not be cleared, naming the feeder; empty when it was
 */
public record RegionClearing(Region region, String mechanism, List<FeederClearing> feeders,
    Optional<RegionDispatch.Result> dispatch, Optional<String> failure, DispatchStatus status) {

  public RegionClearing {
    feeders = List.copyOf(feeders);
  }

  /**
   * One feeder's part.
   *
   * @param feeder which
   * @param alone the feeder cleared alone at the tariffs, as {@code clear} clears it
   * @param inRegion the region's schedule of the feeder, settled inside by the mechanism
   * @param settledAs the feeder's scenario with the substation price as its tariff (what the
   *     mechanism settled against, and what the report files are written from)
   * @param costAlone the alone schedule's cost: the feeder's utility bill, DG fuel and battery wear [money]
   * @param costInRegion its own costs in the region plus its substation payment [money]
   * @param netImportKw the feeder's net import at the substation per interval (negative: export) [kW]
   * @param exchangeKwh per interval, what it bought from (positive) or sold to (negative) other feeders [kWh]
   * @param substationPayment Σ_t λ_t n_f,t Δt [money]
   * @param exchangePayment the part of it paid to (or, negative, received from) other feeders [money]
   */
  public record FeederClearing(Region.Feeder feeder, ClearingResult alone, ClearingResult inRegion,
      Scenario settledAs, double costAlone, double costInRegion, double[] netImportKw, double[] exchangeKwh,
      double substationPayment, double exchangePayment) {

    /** What the feeder pays the utility through the substation: substation less exchange payment [money]. */
    public double utilityPayment() {
      return substationPayment - exchangePayment;
    }

    /** Σ_t over intervals of its exchange purchases [kWh]. */
    public double exchangeBoughtKwh() {
      return java.util.Arrays.stream(exchangeKwh).filter(e -> e > 0).sum();
    }

    /** Σ_t over intervals of its exchange sales [kWh]. */
    public double exchangeSoldKwh() {
      return -java.util.Arrays.stream(exchangeKwh).filter(e -> e < 0).sum();
    }
  }

  /** Clears every feeder alone, then the region, and settles each feeder in it with {@code mechanism}. */
  public static RegionClearing clear(Region region, MarketMechanism mechanism) {
    List<ClearingResult> alone = new ArrayList<>();
    for (Region.Feeder f : region.feeders()) {
      ClearingResult r = CooperativeDay.solve(f.scenario()).clearWith(mechanism);
      if (r.status() != DispatchStatus.OPTIMAL) {
        return new RegionClearing(region, mechanism.name(), List.of(), Optional.empty(),
            Optional.of("feeder " + f.id() + " (" + f.scenarioFile() + ") has no schedule alone, so neither has the"
                + " region: " + r.dispatch().message()), r.status());
      }
      alone.add(r);
    }
    RegionDispatch.Result day = RegionDispatch.solve(region.scenarios());
    if (day.status() != DispatchStatus.OPTIMAL) {
      return new RegionClearing(region, mechanism.name(), List.of(), Optional.of(day), Optional.of(day.message()),
          day.status());
    }
    double hours = region.feeders().get(0).scenario().horizon().hours();
    double[] price = day.substationPrice();
    int nt = price.length;
    double[][] net = new double[region.feeders().size()][nt];
    for (int f = 0; f < net.length; f++) {
      DispatchSolution s = day.feeders().get(f);
      for (int t = 0; t < nt; t++) {
        net[f][t] = s.gridImportKw().get(t) - s.gridExportKw().get(t);
      }
    }
    double[][] exchanges = exchangeKwh(net, hours);
    List<FeederClearing> feeders = new ArrayList<>();
    for (int f = 0; f < net.length; f++) {
      Region.Feeder feeder = region.feeders().get(f);
      DispatchSolution s = day.feeders().get(f);
      double[] exchange = exchanges[f];
      double substation = 0;
      double exchangePayment = 0;
      for (int t = 0; t < nt; t++) {
        substation += price[t] * net[f][t] * hours;
        exchangePayment += price[t] * exchange[t];
      }
      Scenario settledAs = atSubstationPrice(feeder.scenario(), price);
      ClearingResult inRegion = settle(feeder, settledAs, s, mechanism, day.solveMillis());
      feeders.add(new FeederClearing(feeder, alone.get(f), inRegion, settledAs,
          alone.get(f).dispatch().optimal().objective(), s.objective(), net[f], exchange, substation,
          exchangePayment));
    }
    return new RegionClearing(region, mechanism.name(), feeders, Optional.of(day), Optional.empty(),
        DispatchStatus.OPTIMAL);
  }

  /**
   * The settlement rule's exchange (docs/region.md): in each interval the energy netted at the
   * substation, min(Σ imports, Σ exports), shared pro rata among the importing feeders (bought,
   * positive) and among the exporting ones (sold, negative).
   *
   * @param netKw per feeder and interval, its net import [kW]
   * @return per feeder and interval, its exchange [kWh]
   */
  static double[][] exchangeKwh(double[][] netKw, double hours) {
    int nt = netKw.length == 0 ? 0 : netKw[0].length;
    double[] importing = new double[nt];
    double[] exporting = new double[nt];
    for (double[] net : netKw) {
      for (int t = 0; t < nt; t++) {
        importing[t] += Math.max(0, net[t]);
        exporting[t] += Math.max(0, -net[t]);
      }
    }
    double[][] exchange = new double[netKw.length][nt];
    for (int f = 0; f < netKw.length; f++) {
      for (int t = 0; t < nt; t++) {
        double netted = Math.min(importing[t], exporting[t]);
        double n = netKw[f][t];
        exchange[f][t] = n > 0 ? n * netted / importing[t] * hours : n < 0 ? n * netted / exporting[t] * hours : 0;
      }
    }
    return exchange;
  }

  /**
   * One feeder re-solved alone at the substation price λ (its DSO's answer to the price loop's last
   * prices, {@link PriceCoordination}) and settled inside by the mechanism, as {@link #clear} settles
   * the central schedule. At a converged price loop its cost at λ equals the feeder's cost in the
   * region of the substation's mix up to the loop's gap: every proposal the mix weights costs the
   * least at λ (zero reduced cost), and no answer costs less. Its net profile may differ from the
   * mix's where the feeder's LP has several optima at λ.
   *
   * @return the settled schedule, or a result with the LP's status when the feeder has none at λ
   */
  public static ClearingResult atPrice(Region.Feeder feeder, double[] price, MarketMechanism mechanism) {
    Scenario settledAs = atSubstationPrice(feeder.scenario(), price);
    DispatchResult r = LinDistFlowDispatch.solve(settledAs);
    if (r.status() != DispatchStatus.OPTIMAL) {
      return new ClearingResult(mechanism.name(), r, Optional.empty(), Optional.empty());
    }
    return settle(feeder, settledAs, r.optimal(), mechanism, r.solveMillis());
  }

  /** The feeder's scenario with λ_t as both its import and its export price. */
  public static Scenario atSubstationPrice(Scenario s, double[] price) {
    Tariff substation = new Tariff(new TimeSeries(price), new TimeSeries(price));
    return new Scenario(s.name(), s.currency(), s.network(), s.horizon(), substation, s.participants(),
        s.uncertainty(), s.realtimeTariff(), s.stages(), s.bargaining());
  }

  /**
   * The region's schedule of one feeder settled by the mechanism, with its AC check. The base
   * cases (each building alone) are those at the utility's tariffs, as in {@code clear}.
   */
  private static ClearingResult settle(Region.Feeder feeder, Scenario settledAs, DispatchSolution s,
      MarketMechanism mechanism, long millis) {
    CooperativeOutcome outcome = CooperativeOutcome.of(settledAs, s, BaseCase.of(feeder.scenario()));
    DispatchResult dispatch = new DispatchResult(DispatchStatus.OPTIMAL, "optimal schedule of feeder " + feeder.id()
        + " in region", Optional.of(s), millis);
    return new ClearingResult(mechanism.name(), dispatch, Optional.of(mechanism.settle(outcome)),
        Optional.of(AcCheck.run(feeder.scenario(), s)));
  }

  /** The region's cost: the utility bill at the substation plus every feeder's own costs [money]. */
  public double regionCost() {
    return dispatch.orElseThrow().cost();
  }

  /** Σ over feeders of their costs alone [money]. */
  public double costAlone() {
    return feeders.stream().mapToDouble(FeederClearing::costAlone).sum();
  }

  /** Σ_t Δt (π^buy G⁺ − π^sell G⁻): what the region pays the utility [money]. */
  public double utilityBill() {
    RegionDispatch.Result day = dispatch.orElseThrow();
    Scenario any = region.feeders().get(0).scenario();
    double[] imports = day.importKw();
    double[] exports = day.exportKw();
    double bill = 0;
    for (int t = 0; t < imports.length; t++) {
      bill += any.horizon().hours() * (any.tariff().importPrice().get(t) * imports[t]
          - any.tariff().exportPrice().get(t) * exports[t]);
    }
    return bill;
  }

  /** Σ over feeders of their utility bills when each clears alone [money]. */
  public double utilityBillAlone() {
    return feeders.stream().mapToDouble(f -> DlmpSettlement.utilityBill(f.feeder().scenario(),
        f.alone().dispatch().optimal())).sum();
  }

  /**
   * What netting alone the feeders' alone schedules at the substation would save:
   * Σ_t Δt (π^buy_t − π^sell_t) min(Σ_f g⁺_f,t, Σ_f g⁻_f,t) over the alone root flows [money]. Those
   * schedules are feasible in the region, so the region's saving is at least this; it is more when
   * the feeders also re-schedule (batteries, shiftable loads) around the substation price.
   */
  public double nettingValueAlone() {
    Scenario any = region.feeders().get(0).scenario();
    double hours = any.horizon().hours();
    double value = 0;
    for (int t = 0; t < any.horizon().intervals(); t++) {
      double imports = 0;
      double exports = 0;
      for (FeederClearing f : feeders) {
        DispatchSolution s = f.alone().dispatch().optimal();
        imports += s.gridImportKw().get(t);
        exports += s.gridExportKw().get(t);
      }
      value += hours * (any.tariff().importPrice().get(t) - any.tariff().exportPrice().get(t))
          * Math.min(imports, exports);
    }
    return value;
  }

  /** Energy that one feeder supplied to another at the substation, per interval [kWh]. */
  public double[] exchangeKwh() {
    double[] e = new double[dispatch.orElseThrow().substationPrice().length];
    for (FeederClearing f : feeders) {
      for (int t = 0; t < e.length; t++) {
        e[t] += Math.max(0, f.exchangeKwh()[t]);
      }
    }
    return e;
  }

  /** Σ_t of {@link #exchangeKwh()} [kWh]. */
  public double totalExchangeKwh() {
    return java.util.Arrays.stream(exchangeKwh()).sum();
  }
}
