package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementRow;

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
 */
public final class TwoSettlement {
  /** Relative tolerance of the budget identity (sums of the LP's values, exact to about 1e-9). */
  static final double IDENTITY_TOLERANCE = 1e-7;

  private TwoSettlement() {}

  /** @throws IllegalStateException when the budget identity fails (a defect, not an input error) */
  public static TwoSettlementResult settle(Scenario forecast, DayAhead dayAhead, RealizedDay realized) {
    double hours = forecast.horizon().hours();
    int n = forecast.horizon().intervals();
    Tariff rt = forecast.realtimeTariff();
    Map<String, SettlementRow> dayAheadRows = new HashMap<>();
    dayAhead.settlement().rows().forEach(r -> dayAheadRows.put(r.participant() + "/" + r.interval(), r));
    List<DeviationRow> rows = new ArrayList<>();
    List<ParticipantRealtimeCost> costs = new ArrayList<>();
    double[] shortfall = new double[n];
    double[] surplus = new double[n];
    for (Participant p : forecast.participants()) {
      ParticipantSchedule actual = realized.solution().schedule(p.id());
      double payment = 0;
      for (int t = 0; t < n; t++) {
        SettlementRow da = dayAheadRows.get(p.id() + "/" + t);
        double position = da.boughtKwh() - da.soldKwh();
        double realtime = (actual.importKw().get(t) - actual.exportKw().get(t)) * hours;
        double deviation = realtime - position;
        double price = deviation >= 0 ? rt.importPrice().get(t) : rt.exportPrice().get(t);
        DeviationRow row = new DeviationRow(p.id(), t, position, da.pricePerKwh(), da.net(), realtime, deviation,
            price, deviation * price);
        rows.add(row);
        payment += row.deviationAmount();
        shortfall[t] += Math.max(0, deviation);
        surplus[t] += Math.max(0, -deviation);
      }
      ParticipantSettlement daCost = dayAhead.settlement().participant(p.id());
      double degradationChange = degradation(p, actual, hours) - degradation(p, dayAhead.schedule().schedule(p.id()),
          hours);
      costs.add(new ParticipantRealtimeCost(p.id(), daCost.baseCost(), daCost.cost(), payment, degradationChange));
    }
    double bill = 0;
    double netting = 0;
    for (int t = 0; t < n; t++) {
      double rootDeviation = (realized.realizedRootKw()[t] - realized.dayAheadRootKw()[t]) * hours;
      bill += rootDeviation >= 0 ? rootDeviation * rt.importPrice().get(t) : rootDeviation * rt.exportPrice().get(t);
      netting += (rt.importPrice().get(t) - rt.exportPrice().get(t)) * Math.min(shortfall[t], surplus[t]);
    }
    double payments = rows.stream().mapToDouble(DeviationRow::deviationAmount).sum();
    checkBudget(payments, bill, netting);
    return new TwoSettlementResult(rows, costs, dayAhead.settlement(), bill, netting, payments);
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

  private static void checkBudget(double payments, double bill, double netting) {
    double scale = 1 + Math.abs(payments) + Math.abs(bill) + Math.abs(netting);
    if (Math.abs(payments - bill - netting) > IDENTITY_TOLERANCE * scale) {
      throw new IllegalStateException("the real-time settlement does not balance: participants pay " + payments
          + " for deviations but the utility's real-time bill " + bill + " plus the netting surplus " + netting
          + " is " + (bill + netting));
    }
  }
}
