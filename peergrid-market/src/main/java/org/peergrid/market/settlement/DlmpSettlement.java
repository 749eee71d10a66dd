package org.peergrid.market.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The DLMP settlement of MODEL.md §4: every participant pays the DLMP at its bus for its net
 * withdrawal and is paid it for its net injection; DGs and community batteries are paid the DLMP;
 * the utility is paid its tariffs at the root; the distribution operator keeps the rest.
 *
 * <p>Budget identity, checked on every settlement: what participants pay net equals the utility
 * bill plus the DSO surplus. The surplus is computed independently of the participants' rows, from
 * the network: the merchandising surplus Σ P_k (DLMP_k − DLMP_parent(k)) Δt over the branches, less
 * the background load valued at its DLMPs (the DSO buys the energy of the load that nobody trades).
 * Summing the balance rows weighted by their duals shows that the two sides agree whenever the
 * root's price is the tariff that its trade pays, which complementary slackness guarantees.
 * Reference: Papavasiliou (2018), doi:10.1109/TSG.2017.2673860, on the revenue adequacy of DLMPs.
 */
public final class DlmpSettlement {
  /** Relative tolerance of the budget identity (the LP's duals are exact to about 1e-9). */
  static final double IDENTITY_TOLERANCE = 1e-7;
  /** A building pays "no more" than its base cost within this much money (solver rounding). */
  static final double RATIONALITY_TOLERANCE = 1e-6;

  private DlmpSettlement() {}

  /**
   * @throws IllegalArgumentException when a building's base case is infeasible
   * @throws IllegalStateException when the budget identity fails (a defect, not an input error)
   */
  public static SettlementResult settle(Scenario scenario, DispatchSolution solution, BaseCase base) {
    if (!base.allFeasible()) {
      throw new IllegalArgumentException("no base cost for " + base.infeasible() + ": their day is infeasible alone");
    }
    RadialNetwork radial = scenario.network().radial();
    double hours = scenario.horizon().hours();
    BusSeries dlmp = solution.prices().dlmp();
    List<SettlementRow> rows = new ArrayList<>();
    List<ParticipantSettlement> summaries = new ArrayList<>();
    double totalCost = 0;
    for (Participant p : scenario.participants()) {
      ParticipantSchedule schedule = solution.schedule(p.id());
      int k = radial.indexOf(p.bus());
      double net = 0;
      for (int t = 0; t < scenario.horizon().intervals(); t++) {
        double bought = schedule.importKw().get(t) * hours;
        double sold = schedule.exportKw().get(t) * hours;
        double price = dlmp.get(t, k);
        SettlementRow row = new SettlementRow(p.id(), t, bought, sold, price, price * bought, price * sold);
        rows.add(row);
        net += row.net();
      }
      double cost = net + degradation(p, schedule, hours);
      if (p instanceof Building) {
        double c0 = base.cost(p.id());
        totalCost += cost;
        summaries.add(new ParticipantSettlement(p.id(), OptionalDouble.of(c0), cost, OptionalDouble.of(c0 - cost),
            cost <= c0 + RATIONALITY_TOLERANCE));
      } else {
        summaries.add(new ParticipantSettlement(p.id(), OptionalDouble.empty(), cost, OptionalDouble.empty(), true));
      }
    }
    double participantsNet = rows.stream().mapToDouble(SettlementRow::net).sum();
    double utility = utilityBill(scenario, solution);
    double dso = dsoSurplus(scenario, solution);
    checkBudget(participantsNet, utility, dso);
    return new SettlementResult(rows, summaries, utility, dso, participantsNet, base.total(), totalCost);
  }

  /** c^deg Δt Σ (c_t + d_t) of the participant's own battery [money]. */
  public static double degradation(Participant p, ParticipantSchedule s, double hours) {
    Optional<BatterySpec> battery = p instanceof Building b ? b.battery()
        : p instanceof CommunityBattery c ? Optional.of(c.battery()) : Optional.empty();
    if (battery.isEmpty()) {
      return 0;
    }
    double throughput = 0;
    for (int t = 0; t < s.chargeKw().size(); t++) {
      throughput += (s.chargeKw().get(t) + s.dischargeKw().get(t)) * hours;
    }
    return battery.get().degradationCostPerKwh() * throughput;
  }

  public static double utilityBill(Scenario s, DispatchSolution sol) {
    double bill = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      bill += s.horizon().hours() * (s.tariff().importPrice().get(t) * sol.gridImportKw().get(t)
          - s.tariff().exportPrice().get(t) * sol.gridExportKw().get(t));
    }
    return bill;
  }

  /**
   * What the DSO keeps when everyone settles at DLMPs: the network rent ({@link #networkRent}) less
   * the background load's energy at its DLMPs ({@link #backgroundLoadCost}), since the DSO buys the
   * energy of the load that nobody trades.
   */
  public static double dsoSurplus(Scenario s, DispatchSolution sol) {
    return networkRent(s, sol) - backgroundLoadCost(s, sol);
  }

  /**
   * The merchandising surplus on the branches: Σ flow·(DLMP at the receiving end − DLMP at the
   * sending end)·Δt. Non-negative at an optimum: it is what binding voltage and thermal limits earn.
   */
  public static double networkRent(Scenario s, DispatchSolution sol) {
    RadialNetwork radial = s.network().radial();
    BusSeries dlmp = sol.prices().dlmp();
    BusSeries flow = sol.network().flowKw();
    double hours = s.horizon().hours();
    double rent = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      for (int k = 1; k < radial.busCount(); k++) {
        rent += flow.get(t, k) * (dlmp.get(t, k) - dlmp.get(t, radial.parent(k))) * hours;
      }
    }
    return rent;
  }

  /** The feeder's background load (nobody's in the market) valued at the DLMPs of its buses [money]. */
  public static double backgroundLoadCost(Scenario s, DispatchSolution sol) {
    RadialNetwork radial = s.network().radial();
    BusSeries dlmp = sol.prices().dlmp();
    double hours = s.horizon().hours();
    double cost = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double[] backgroundKw = BusLoads.backgroundKw(s.network(), t);
      for (int k = 0; k < radial.busCount(); k++) {
        cost += backgroundKw[k] * dlmp.get(t, k) * hours;
      }
    }
    return cost;
  }

  private static void checkBudget(double participantsNet, double utility, double dso) {
    double scale = 1 + Math.abs(participantsNet) + Math.abs(utility) + Math.abs(dso);
    if (Math.abs(participantsNet - utility - dso) > IDENTITY_TOLERANCE * scale) {
      throw new IllegalStateException("the DLMP settlement does not balance: participants pay " + participantsNet
          + " net but the utility bill " + utility + " plus the DSO surplus " + dso + " is " + (utility + dso));
    }
  }
}
