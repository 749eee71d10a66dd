package org.peergrid.cli;

import static org.peergrid.cli.ReportCsv.csv;
import static org.peergrid.cli.ReportCsv.n;

import org.peergrid.grid.model.Bus;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.realtime.AcTraces;
import org.peergrid.market.realtime.DeviationRow;
import org.peergrid.market.realtime.ParticipantRealtimeCost;
import org.peergrid.market.realtime.RealizedDay;
import org.peergrid.market.realtime.RealtimeInterval;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.realtime.VcNettingResult;
import org.peergrid.market.realtime.VcNettingRow;

/** The CSV files that {@code peergrid realtime} adds to {@link ReportCsv}'s (docs/formats.md). */
public final class RealtimeCsv {
  static final String[] SETTLEMENT = {"interval", "participant", "dayahead_kwh", "dayahead_price", "dayahead_amount",
    "realtime_kwh", "deviation_kwh", "deviation_price", "deviation_amount", "total_amount"};
  static final String[] COSTS = {"participant", "base_cost", "dayahead_cost", "deviation_payment",
    "degradation_change", "deviation_cost", "realtime_cost"};
  static final String[] INTERVALS = {"interval", "redispatched", "network_limits_dropped", "solve_ms",
    "deviation_kw", "dayahead_root_kw", "realtime_root_kw"};
  static final String[] VC_NETTING = {"interval", "vc", "shortfall_kwh", "surplus_kwh", "netted_kwh",
    "internal_price", "residual_kwh", "residual_amount", "benefit"};
  static final String[] VOLTAGE = {"interval", "bus", "vm_pu"};
  static final String[] BRANCH = {"interval", "from_bus", "to_bus", "p_kw", "q_kvar", "kva", "limit_kva",
    "loading_pct"};

  private RealtimeCsv() {}

  static String settlement(TwoSettlementResult s) {
    return csv(SETTLEMENT, out -> {
      for (DeviationRow r : s.rows()) {
        out.printRecord(r.interval(), r.participant(), n(r.dayAheadKwh()), n(r.dayAheadPrice()), n(r.dayAheadAmount()),
            n(r.realtimeKwh()), n(r.deviationKwh()), n(r.deviationPrice()), n(r.deviationAmount()), n(r.totalAmount()));
      }
    });
  }

  /** vc_netting.csv: every community's deviations, what netted inside it, and its residual, per interval. */
  public static String vcNetting(VcNettingResult v) {
    return csv(VC_NETTING, out -> {
      for (VcNettingRow r : v.rows().stream().sorted(java.util.Comparator.comparingInt(VcNettingRow::interval))
          .toList()) {
        out.printRecord(r.interval(), r.community(), n(r.shortfallKwh()), n(r.surplusKwh()), n(r.nettedKwh()),
            n(r.internalPrice()), n(r.residualKwh()), n(r.residualAmount()), n(r.benefit()));
      }
    });
  }

  public static String costs(TwoSettlementResult s) {
    return csv(COSTS, out -> {
      for (ParticipantRealtimeCost c : s.participants()) {
        out.printRecord(c.participant(), c.baseCost().isPresent() ? n(c.baseCost().getAsDouble()) : "",
            n(c.dayAheadCost()), n(c.deviationPayment()), n(c.degradationChange()), n(c.deviationCost()),
            n(c.realtimeCost()));
      }
    });
  }

  static String intervals(RealizedDay day) {
    return csv(INTERVALS, out -> {
      for (RealtimeInterval i : day.intervals()) {
        out.printRecord(i.interval(), i.redispatched(), i.networkLimitsDropped(), n(i.solveMillis()),
            n(i.deviationKw()), n(day.dayAheadRootKw()[i.interval()]), n(day.realizedRootKw()[i.interval()]));
      }
    });
  }

  /** Buses in the case's order, every interval. */
  public static String voltages(AcTraces tr) {
    RadialNetwork radial = tr.network();
    return csv(VOLTAGE, out -> {
      for (int t = 0; t < tr.intervals(); t++) {
        for (Bus bus : radial.feeder().buses()) {
          int k = radial.indexOf(bus.number());
          if (k >= 0) {
            out.printRecord(t, bus.number(), n(tr.voltagePu(t, k)));
          }
        }
      }
    });
  }

  /** Branches by the bus they feed, from the root outwards. */
  static String branches(AcTraces tr) {
    RadialNetwork radial = tr.network();
    return csv(BRANCH, out -> {
      for (int t = 0; t < tr.intervals(); t++) {
        for (int k = 1; k < radial.busCount(); k++) {
          var branch = radial.branchInto(k);
          var limit = tr.limitKva(k);
          out.printRecord(t, branch.fromBus(), branch.toBus(), n(tr.pKw(t, k)), n(tr.qKvar(t, k)), n(tr.kva(t, k)),
              limit.isPresent() ? n(limit.getAsDouble()) : "",
              limit.isPresent() ? n(100 * tr.kva(t, k) / limit.getAsDouble()) : "");
        }
      }
    });
  }
}
