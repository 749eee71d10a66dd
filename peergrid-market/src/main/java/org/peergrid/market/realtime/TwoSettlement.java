package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementRow;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.VirtualCommunity;

/**
 * The two-settlement system (docs/realtime.md, settlement): each participant keeps its day-ahead
 * settlement (its position at the day-ahead DLMP) and pays for its deviation from that position at
 * the real-time tariff: a shortfall bought at the real-time import price, a surplus sold at the
 * real-time export price.
 *
 * <p>The community's net deviation is what crosses the root beyond the day-ahead position, and the
 * utility bills it at the same tariff. Since shortfalls and surpluses of different participants
 * net out at the root, the participants pay more than the utility charges: the spread on the
 * netted volume stays with the operator. The identity "deviation payments = utility's real-time
 * bill + netting surplus" holds only if the participants' deviations add up to the deviation at the
 * root, which is computed independently from the realised bus loads, so it is checked on every
 * settlement.
 *
 * <p>With virtual communities (a vc-game or vc-coop day ahead), deviations net inside each community
 * first at its internal price, so the spread on that netted volume goes to its members instead of
 * the operator; the communities' residuals then net at the root as above.
 */
public final class TwoSettlement {
  /** Relative tolerance of the budget identity (sums of the LP's values, exact to about 1e-9). */
  static final double IDENTITY_TOLERANCE = 1e-7;

  private TwoSettlement() {}

  /**
   * Settles every participant's deviation; with the day-ahead result's communities, deviations net
   * inside each community first ({@link #vcAmounts}).
   *
   * @throws IllegalStateException when a budget identity fails (a defect, not an input error)
   */
  public static TwoSettlementResult settle(Scenario forecast, DayAhead dayAhead, RealizedDay realized) {
    return settle(forecast.horizon(), forecast.realtimeTariff(), forecast.participants(), dayAhead, realized);
  }

  /**
   * The same from what the settlement needs of a scenario, balanced or three-phase: its horizon, its
   * real-time tariff and its participants (in the order of the schedules).
   */
  public static TwoSettlementResult settle(Horizon horizon, Tariff rt, List<Participant> ps, DayAhead dayAhead,
      RealizedDay realized) {
    double hours = horizon.hours();
    int n = horizon.intervals();
    Map<String, SettlementRow> dayAheadRows = new HashMap<>();
    dayAhead.settlement().rows().forEach(r -> dayAheadRows.put(r.participant() + "/" + r.interval(), r));
    double[][] deviation = new double[ps.size()][n];
    double[][] aloneAmount = new double[ps.size()][n];
    double[] shortfall = new double[n];
    double[] surplus = new double[n];
    for (int i = 0; i < ps.size(); i++) {
      ParticipantSchedule actual = realized.solution().schedule(ps.get(i).id());
      // The position is the day-ahead schedule's, which real time keeps until something deviates (a
      // mechanism's settlement rows can carry it with a rounding of its own).
      ParticipantSchedule planned = dayAhead.schedule().schedule(ps.get(i).id());
      for (int t = 0; t < n; t++) {
        double realtime = (actual.importKw().get(t) - actual.exportKw().get(t)) * hours;
        double d = realtime - (planned.importKw().get(t) - planned.exportKw().get(t)) * hours;
        deviation[i][t] = d;
        aloneAmount[i][t] = d * (d >= 0 ? rt.importPrice().get(t) : rt.exportPrice().get(t));
        shortfall[t] += Math.max(0, d);
        surplus[t] += Math.max(0, -d);
      }
    }
    double nettingAlone = 0;
    for (int t = 0; t < n; t++) {
      nettingAlone += spread(rt, t) * Math.min(shortfall[t], surplus[t]);
    }
    double alonePayments = 0;
    for (double[] row : aloneAmount) {
      alonePayments += java.util.Arrays.stream(row).sum();
    }
    double[][] amount = aloneAmount;
    Optional<VcNettingResult> vc = Optional.empty();
    if (dayAhead.communities().isPresent()) {
      amount = new double[ps.size()][n];
      vc = Optional.of(netInsideCommunities(rt, n, ps, dayAhead.communities().get(), deviation, amount, nettingAlone,
          alonePayments));
    }
    List<DeviationRow> rows = new ArrayList<>();
    List<ParticipantRealtimeCost> costs = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Participant p = ps.get(i);
      double payment = 0;
      for (int t = 0; t < n; t++) {
        SettlementRow da = dayAheadRows.get(p.id() + "/" + t);
        double d = deviation[i][t];
        ParticipantSchedule planned = dayAhead.schedule().schedule(p.id());
        double position = (planned.importKw().get(t) - planned.exportKw().get(t)) * hours;
        // The price actually applied: with netting, the mean of the internal price and the tariff.
        double price = Math.abs(d) > 0 ? amount[i][t] / d
            : (d >= 0 ? rt.importPrice().get(t) : rt.exportPrice().get(t));
        rows.add(new DeviationRow(p.id(), t, position, da.pricePerKwh(), da.net(), position + d, d, price,
            amount[i][t]));
        payment += amount[i][t];
      }
      ParticipantSettlement daCost = dayAhead.settlement().participant(p.id());
      double degradationChange = degradation(p, realized.solution().schedule(p.id()), hours)
          - degradation(p, dayAhead.schedule().schedule(p.id()), hours);
      costs.add(new ParticipantRealtimeCost(p.id(), daCost.baseCost(), daCost.cost(), payment, degradationChange));
    }
    double bill = 0;
    for (int t = 0; t < n; t++) {
      double rootDeviation = (realized.realizedRootKw()[t] - realized.dayAheadRootKw()[t]) * hours;
      bill += rootDeviation >= 0 ? rootDeviation * rt.importPrice().get(t) : rootDeviation * rt.exportPrice().get(t);
    }
    double payments = rows.stream().mapToDouble(DeviationRow::deviationAmount).sum();
    double netting = nettingAlone;
    if (vc.isPresent()) {
      netting = residualNettingSurplus(vc.get(), rt, n);
      check(nettingAlone, netting + vc.get().benefit(), "the operator's netting surplus without VC netting",
          "its netting surplus with it plus the members' netting benefit");
      check(alonePayments - payments, vc.get().benefit(), "what VC netting saves the participants",
          "the members' netting benefit");
    }
    checkBudget(payments, bill, netting);
    return new TwoSettlementResult(rows, costs, dayAhead.settlement(), bill, netting, payments, vc);
  }

  /**
   * Nets deviations inside each community first (docs/realtime.md §3): of its members' shortfalls U
   * and surpluses D, min(U, D) is traded between them at ρ_t = (π^rt,imp + π^rt,exp)/2, every member
   * pro rata to its own deviation (the supply–demand-ratio rationing of the day-ahead game); the
   * rest, the community's residual U − D, is settled with the DSO at the real-time tariff. Members
   * then pay ρ instead of π^rt,imp, or receive ρ instead of π^rt,exp, on the netted share: the
   * spread that the operator would keep as netting surplus goes to them, half to each side.
   *
   * @param amount filled: every participant's deviation payment per interval [money]
   */
  private static VcNettingResult netInsideCommunities(Tariff rt, int n, List<Participant> ps, Grouping grouping,
      double[][] deviation, double[][] amount, double nettingAlone, double alonePayments) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      index.put(ps.get(i).id(), i);
    }
    List<List<Integer>> communities = new ArrayList<>();
    List<String> names = new ArrayList<>();
    java.util.Set<Integer> grouped = new java.util.HashSet<>();
    for (VirtualCommunity c : grouping.communities()) {
      List<Integer> members = c.members().stream().map(index::get).filter(java.util.Objects::nonNull).toList();
      communities.add(members);
      names.add(c.id());
      grouped.addAll(members);
    }
    for (int i = 0; i < ps.size(); i++) {
      if (!grouped.contains(i)) { // not in the grouping: a community of its own
        communities.add(List.of(i));
        names.add(ps.get(i).id());
      }
    }
    List<VcNettingRow> rows = new ArrayList<>();
    double netted = 0;
    double benefit = 0;
    for (int v = 0; v < communities.size(); v++) {
      for (int t = 0; t < n; t++) {
        double imp = rt.importPrice().get(t);
        double exp = rt.exportPrice().get(t);
        double rho = (imp + exp) / 2;
        double u = 0;
        double d = 0;
        for (int i : communities.get(v)) {
          u += Math.max(0, deviation[i][t]);
          d += Math.max(0, -deviation[i][t]);
        }
        double inside = Math.min(u, d);
        for (int i : communities.get(v)) {
          double x = deviation[i][t];
          if (x > 0) {
            double share = x * inside / u;
            amount[i][t] = rho * share + imp * (x - share);
          } else if (x < 0) {
            double share = -x * inside / d;
            amount[i][t] = -(rho * share + exp * (-x - share));
          }
        }
        double residualAmount = imp * (u - inside) - exp * (d - inside);
        rows.add(new VcNettingRow(names.get(v), t, u, d, inside, rho, u - d, residualAmount, inside * (imp - exp)));
        netted += inside;
        benefit += inside * (imp - exp);
      }
    }
    return new VcNettingResult(rows, netted, benefit, nettingAlone, alonePayments);
  }

  /** What the operator keeps when the communities' residuals net at the root: Σ_t spread · min(Σ_v residual shortfalls, Σ_v residual surpluses). */
  private static double residualNettingSurplus(VcNettingResult vc, Tariff rt, int n) {
    double[] shortfall = new double[n];
    double[] surplus = new double[n];
    for (VcNettingRow r : vc.rows()) {
      shortfall[r.interval()] += r.shortfallKwh() - r.nettedKwh();
      surplus[r.interval()] += r.surplusKwh() - r.nettedKwh();
    }
    double netting = 0;
    for (int t = 0; t < n; t++) {
      netting += spread(rt, t) * Math.min(shortfall[t], surplus[t]);
    }
    return netting;
  }

  private static double spread(Tariff rt, int t) {
    return rt.importPrice().get(t) - rt.exportPrice().get(t);
  }

  /** c^deg Δt Σ (c_t + d_t) of the participant's own battery [money]. */
  static double degradation(Participant p, ParticipantSchedule s, double hours) {
    double perKwh = RemainingDay.battery(p).map(b -> b.degradationCostPerKwh()).orElse(0.0);
    double throughput = 0;
    for (int t = 0; t < s.chargeKw().size(); t++) {
      throughput += (s.chargeKw().get(t) + s.dischargeKw().get(t)) * hours;
    }
    return perKwh * throughput;
  }

  private static void check(double a, double b, String what, String against) {
    if (Math.abs(a - b) > IDENTITY_TOLERANCE * (1 + Math.abs(a) + Math.abs(b))) {
      throw new IllegalStateException("the real-time settlement does not balance: " + what + " is " + a + " but "
          + against + " is " + b);
    }
  }

  private static void checkBudget(double payments, double bill, double netting) {
    double scale = 1 + Math.abs(payments) + Math.abs(bill) + Math.abs(netting);
    if (Math.abs(payments - bill - netting) > IDENTITY_TOLERANCE * scale) {
      throw new IllegalStateException("the real-time settlement does not balance: participants pay " + payments
          + " for deviations but the utility's real-time bill " + bill + " plus the netting surplus " + netting
          + " is " + (bill + netting));
    }
  }
}
