package org.peergrid.cli;

import static org.peergrid.cli.SummaryJson.put;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.realtime.VcNettingResult;
import org.peergrid.market.scenario.Scenario;

/**
 * summary.json of {@code peergrid realtime} (docs/formats.md): the day-ahead and real-time costs
 * side by side, the money flows of both settlements, timing, and the AC figures of the real-time
 * day under the same keys as {@code peergrid clear}'s. Every key is always present, null where the
 * day has no value (a day-ahead market that could not clear).
 */
public final class RealtimeSummaryJson {
  private RealtimeSummaryJson() {}

  static String of(Scenario s, String mechanism, String status, String diagnosis, String actuals,
      String dayAheadSource, Optional<RealtimeResult> result, List<String> files) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", s.name());
    root.put("mechanism", mechanism);
    root.setAll(node(s, status, diagnosis, actuals, dayAheadSource, result));
    ArrayNode written = root.putArray("files");
    files.forEach(written::add);
    return mapper.writeValueAsString(root) + "\n";
  }

  /** The figures without the scenario name and the file list: what {@code peergrid run}'s summary nests. */
  public static ObjectNode node(Scenario s, String status, String diagnosis, String actuals, String dayAheadSource,
      Optional<RealtimeResult> result) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("status", status);
    root.put("diagnosis", diagnosis);
    root.put("currency", s.currency());
    root.put("intervals", s.horizon().intervals());
    root.put("interval_minutes", s.horizon().intervalMinutes());
    root.put("actuals", actuals);
    root.put("dayahead", dayAheadSource);
    Optional<TwoSettlementResult> st = result.map(RealtimeResult::settlement);
    put(root, "dayahead_cost", st.map(TwoSettlementResult::dayAheadCost));
    put(root, "realtime_cost", st.map(TwoSettlementResult::realtimeCost));
    put(root, "deviation_cost", st.map(TwoSettlementResult::deviationCost));
    put(root, "base_cost", st.map(x -> x.dayAhead().baseCost()));
    put(root, "dayahead_utility_bill", st.map(x -> x.dayAhead().utilityBill()));
    put(root, "dayahead_dso_surplus", st.map(x -> x.dayAhead().dsoSurplus()));
    put(root, "deviation_payments", st.map(TwoSettlementResult::deviationPayments));
    put(root, "realtime_utility_bill", st.map(TwoSettlementResult::realtimeUtilityBill));
    put(root, "netting_surplus", st.map(TwoSettlementResult::nettingSurplus));
    // Netting inside virtual communities (vc-game, vc-coop day ahead): null with a DLMP day ahead,
    // where what the operator keeps without VC netting is the netting surplus itself.
    Optional<VcNettingResult> vc = st.flatMap(TwoSettlementResult::vcNetting);
    put(root, "netting_surplus_alone", st.map(x -> x.vcNetting().map(VcNettingResult::nettingSurplusAlone)
        .orElse(x.nettingSurplus())));
    put(root, "vc_netting_kwh", vc.map(VcNettingResult::nettedKwh));
    put(root, "vc_netting_benefit", vc.map(VcNettingResult::benefit));
    put(root, "realtime_dispatch_cost", result.map(r -> r.realized().solution().objective()));
    SummaryJson.putInt(root, "redispatched_intervals", result.map(r -> (int) r.realized().redispatched()));
    SummaryJson.putInt(root, "network_limits_dropped_intervals", result.map(r -> (int) r.realized().intervals()
        .stream().filter(i -> i.networkLimitsDropped()).count()));
    put(root, "interval_solve_ms_mean", result.map(r -> r.realized().meanSolveMillis()));
    put(root, "interval_solve_ms_max", result.map(r -> r.realized().maxSolveMillis()));
    SummaryJson.putInt(root, "realtime_setup_ms", result.map(r -> (int) r.realized().setupMillis()));
    SummaryJson.putInt(root, "realtime_ms", result.map(r -> (int) r.millis()));
    SummaryJson.putAcCheck(root, result.map(RealtimeResult::acCheck));
    return root;
  }

  /** The summary of a day whose day-ahead market could not clear. */
  static String failed(Scenario s, String mechanism, DispatchResult dayAhead, String actuals, List<String> files)
      throws JsonProcessingException {
    return of(s, mechanism, dayAhead.status().name(), dayAhead.message(), actuals, "cleared now", Optional.empty(),
        files);
  }
}
