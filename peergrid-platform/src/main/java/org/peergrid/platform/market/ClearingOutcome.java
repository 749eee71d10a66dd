package org.peergrid.platform.market;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.platform.store.DayState;

/**
 * How a clearing ended: the day's new state and, when it is infeasible, the offers that the day
 * clears without, each as the answer's JSON fields (participant, bus, receipt, peak_kw,
 * clears_without_it_alone).
 */
public record ClearingOutcome(DayState state, List<Map<String, Object>> infeasibleOffers) {

  static ClearingOutcome of(DayState state, List<InfeasibleOffers.Blamed> blamed) {
    return new ClearingOutcome(state, blamed.stream().map(ClearingOutcome::describe).toList());
  }

  static Map<String, Object> describe(InfeasibleOffers.Blamed b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("participant", b.participant());
    out.put("bus", b.bus());
    out.put("receipt", b.receipt());
    out.put("peak_kw", b.peakKw());
    out.put("clears_without_it_alone", b.alone());
    return out;
  }
}
