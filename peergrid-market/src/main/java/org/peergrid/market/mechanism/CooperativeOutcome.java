package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.settlement.DlmpSettlement;

/**
 * The input of every mechanism: the cooperative schedule of MODEL.md §2 (who withdraws and injects
 * how much in each interval, at which DLMP), the base costs of §3, the tariffs, and the two money
 * flows that the network fixes whatever the mechanism: the utility's bill at the root and the DSO's
 * merchandising surplus under DLMPs. Computed once per day; mechanisms are pure functions of it, so
 * they can be compared on exactly the same energy (and benchmarked without the LP).
 */
public final class CooperativeOutcome {
  private final String name;
  private final double hours;
  private final double[] importPrice;
  private final double[] exportPrice;
  private final List<CommunityMember> members;
  private final double utilityBill;
  private final double dlmpDsoSurplus;
  private final double[] supplyKwh;
  private final double[] demandKwh;
  private final double networkRent;
  private final CommunityBill bill;
  private final List<CoalitionValue> coalitions;
  private final double networkPart;

  /**
   * @param name a label for reports
   * @param hours Δt [h]
   * @param importPrice π^buy_t [money/kWh]
   * @param exportPrice π^sell_t [money/kWh]
   * @param members every participant, buildings first or not, in report order
   * @param utilityBill Σ_t Δt (π^buy g⁺ − π^sell g⁻) at the root [money]
   * @param dlmpDsoSurplus what the DSO keeps when everyone settles at DLMPs [money]
   */
  public CooperativeOutcome(String name, double hours, double[] importPrice, double[] exportPrice,
      List<CommunityMember> members, double utilityBill, double dlmpDsoSurplus) {
    this(name, hours, importPrice, exportPrice, members, utilityBill, dlmpDsoSurplus, 0, CommunityBill.DEFAULT,
        List.of());
  }

  /**
   * @param networkRent the DLMP merchandising surplus ({@link #networkRent()}) [money]
   * @param bill the basis on which savings sharing splits the bill (the scenario's {@code bargaining.bill})
   * @param coalitions the stand-alone savings of the coalitions that the scenario lists
   */
  public CooperativeOutcome(String name, double hours, double[] importPrice, double[] exportPrice,
      List<CommunityMember> members, double utilityBill, double dlmpDsoSurplus, double networkRent,
      CommunityBill bill, List<CoalitionValue> coalitions) {
    this(name, hours, importPrice, exportPrice, members, utilityBill, dlmpDsoSurplus, networkRent, bill, coalitions, 0);
  }

  /**
   * @param networkPart ν, the import tariff's network part that {@link CommunityBill#DLMP_RENT_FOR_NETWORK}
   *     waives on the community's imports [money/kWh]
   */
  public CooperativeOutcome(String name, double hours, double[] importPrice, double[] exportPrice,
      List<CommunityMember> members, double utilityBill, double dlmpDsoSurplus, double networkRent,
      CommunityBill bill, List<CoalitionValue> coalitions, double networkPart) {
    int n = importPrice.length;
    if (exportPrice.length != n || members.stream().anyMatch(m -> m.intervals() != n)) {
      throw new IllegalArgumentException("tariffs and members need " + n + " intervals each");
    }
    this.name = name;
    this.hours = hours;
    this.importPrice = importPrice.clone();
    this.exportPrice = exportPrice.clone();
    this.members = List.copyOf(members);
    this.utilityBill = utilityBill;
    this.dlmpDsoSurplus = dlmpDsoSurplus;
    this.networkRent = networkRent;
    this.bill = bill;
    this.coalitions = List.copyOf(coalitions);
    this.networkPart = networkPart;
    this.supplyKwh = new double[n];
    this.demandKwh = new double[n];
    for (CommunityMember m : this.members) {
      for (int t = 0; t < n; t++) {
        supplyKwh[t] += m.sold(t);
        demandKwh[t] += m.bought(t);
      }
    }
  }

  /** The outcome of a scenario's optimal schedule with every building's base case. */
  public static CooperativeOutcome of(Scenario scenario, DispatchSolution solution, BaseCase base) {
    if (!base.allFeasible()) {
      throw new IllegalArgumentException("no base cost for " + base.infeasible() + ": their day is infeasible alone");
    }
    double hours = scenario.horizon().hours();
    int n = scenario.horizon().intervals();
    List<CommunityMember> members = new ArrayList<>();
    for (Participant p : scenario.participants()) {
      ParticipantSchedule s = solution.schedule(p.id());
      int k = scenario.network().radial().indexOf(p.bus());
      double[] bought = new double[n];
      double[] sold = new double[n];
      double[] dlmp = new double[n];
      double[] wear = new double[n];
      double[] fuel = new double[n];
      double wearPerKwh = wearPerKwh(p);
      for (int t = 0; t < n; t++) {
        bought[t] = s.importKw().get(t) * hours;
        sold[t] = s.exportKw().get(t) * hours;
        dlmp[t] = solution.prices().dlmp().get(t, k);
        wear[t] = wearPerKwh * (s.chargeKw().get(t) + s.dischargeKw().get(t)) * hours;
        if (p instanceof DistributedGenerator g) {
          fuel[t] = g.costPerKwh() * s.generationKw().get(t) * hours;
        }
      }
      Role role = Role.of(p);
      OptionalDouble c0 = role.hasBaseCase() ? OptionalDouble.of(base.cost(p.id())) : OptionalDouble.empty();
      OptionalDouble alone = p instanceof DistributedGenerator g ? OptionalDouble.of(aloneProfit(scenario, g))
          : OptionalDouble.empty();
      members.add(new CommunityMember(p.id(), role, bought, sold, dlmp, wear, fuel, c0, alone));
    }
    return new CooperativeOutcome(scenario.name(), hours, scenario.tariff().importPrice().values(),
        scenario.tariff().exportPrice().values(), members, DlmpSettlement.utilityBill(scenario, solution),
        DlmpSettlement.dsoSurplus(scenario, solution), DlmpSettlement.networkRent(scenario, solution),
        CommunityBill.byKey(scenario.bargaining().bill()).orElseThrow(), List.of(),
        scenario.bargaining().networkPart());
  }

  /** The same outcome with the stand-alone savings of the scenario's coalitions. */
  public CooperativeOutcome withCoalitions(List<CoalitionValue> values) {
    return new CooperativeOutcome(name, hours, importPrice, exportPrice, members, utilityBill, dlmpDsoSurplus,
        networkRent, bill, values, networkPart);
  }

  /** The same outcome on another bill basis. */
  public CooperativeOutcome withBill(CommunityBill basis) {
    return new CooperativeOutcome(name, hours, importPrice, exportPrice, members, utilityBill, dlmpDsoSurplus,
        networkRent, basis, coalitions, networkPart);
  }

  /**
   * A generator alone, selling only to the utility: in each interval it runs at P^max when the
   * export tariff beats its marginal cost and at P^min otherwise (it must run at least that much).
   */
  static double aloneProfit(Scenario s, DistributedGenerator g) {
    return aloneProfit(s.tariff(), s.horizon(), g);
  }

  /** The same for any day's tariff and horizon (a three-phase scenario's too). */
  public static double aloneProfit(Tariff tariff, Horizon horizon, DistributedGenerator g) {
    double profit = 0;
    for (int t = 0; t < horizon.intervals(); t++) {
      double margin = tariff.exportPrice().get(t) - g.costPerKwh();
      profit += margin * (margin > 0 ? g.maxKw() : g.minKw()) * horizon.hours();
    }
    return profit;
  }

  /** c^deg of a participant's own battery (a building's or a community battery), 0 without one [money/kWh]. */
  public static double wearPerKwh(Participant p) {
    return p instanceof Building b ? b.battery().map(x -> x.degradationCostPerKwh()).orElse(0.0)
        : p instanceof CommunityBattery c ? c.battery().degradationCostPerKwh() : 0;
  }

  public String name() {
    return name;
  }

  /** Δt [h]. */
  public double hours() {
    return hours;
  }

  public int intervals() {
    return importPrice.length;
  }

  /** π^buy_t [money/kWh]. */
  public double importPrice(int t) {
    return importPrice[t];
  }

  /** π^sell_t [money/kWh]. */
  public double exportPrice(int t) {
    return exportPrice[t];
  }

  public List<CommunityMember> members() {
    return members;
  }

  /**
   * The members with a base case (buildings and EVs), in member order: those who share the
   * community's savings.
   */
  public List<CommunityMember> buildings() {
    return members.stream().filter(m -> m.role().hasBaseCase()).toList();
  }

  /** Σ over members of energy injected in interval t [kWh]. */
  public double supplyKwh(int t) {
    return supplyKwh[t];
  }

  /** Σ over members of energy withdrawn in interval t [kWh]. */
  public double demandKwh(int t) {
    return demandKwh[t];
  }

  /** The utility's bill at the root, the same under every mechanism [money]. */
  public double utilityBill() {
    return utilityBill;
  }

  /** The DSO's merchandising surplus (less the background load's energy) at DLMPs [money]. */
  public double dlmpDsoSurplus() {
    return dlmpDsoSurplus;
  }

  /**
   * The network rent: the DLMP merchandising surplus Σ_k P_k,t (DLMP_k,t − DLMP_p(k),t) Δt over the
   * branches ({@link DlmpSettlement#networkRent}), what binding voltage and thermal limits earn the
   * DSO at DLMPs; non-negative at an optimum [money]. A building alone pays for the network inside
   * the tariff; at DLMPs the community pays for it again through this rent, so
   * {@link CommunityBill#DLMP_LESS_RENT} returns it.
   */
  public double networkRent() {
    return networkRent;
  }

  /** The basis of the bill that savings sharing splits, as the scenario chose it. */
  public CommunityBill bill() {
    return bill;
  }

  /** ν, the network part of the import tariff ({@code bargaining.network_part}) [money/kWh]. */
  public double networkPart() {
    return networkPart;
  }

  /**
   * What the participants import from the utility together over the day, Σ_t (D_t − S_t)⁺ [kWh]:
   * the energy the network part ν is charged on.
   */
  public double netImportKwh() {
    double sum = 0;
    for (int t = 0; t < intervals(); t++) {
      sum += Math.max(0, demandKwh[t] - supplyKwh[t]);
    }
    return sum;
  }

  /** The stand-alone savings v(S) of the scenario's coalitions, in the scenario's order. */
  public List<CoalitionValue> coalitions() {
    return coalitions;
  }

  /** Σ_b C⁰_b [money]. */
  public double baseCost() {
    return buildings().stream().mapToDouble(m -> m.baseCost().getAsDouble()).sum();
  }

  /**
   * The members' net position at the tariffs, as one net-metered customer: Σ_t Δt-energy
   * π^buy (D_t − S_t)⁺ − π^sell (S_t − D_t)⁺ [money].
   */
  public double netMeteredBill() {
    double bill = 0;
    for (int t = 0; t < intervals(); t++) {
      double net = demandKwh[t] - supplyKwh[t];
      bill += net > 0 ? importPrice[t] * net : exportPrice[t] * net;
    }
    return bill;
  }
}
