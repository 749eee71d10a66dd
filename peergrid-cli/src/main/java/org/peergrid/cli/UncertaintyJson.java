package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.peergrid.market.probabilistic.DayOutputs;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.ScenarioInputs;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.uncertainty.UncertaintyComparison;

/**
 * uncertainty.json of {@code peergrid uncertainty} (docs/formats.md). Statistics that do not exist
 * (an estimate that lost an evaluation to an infeasible day) are null, never NaN, which JSON lacks.
 */
public final class UncertaintyJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private UncertaintyJson() {}

  /** One run: its figures at the top level. */
  static String single(UncertaintyHeading scenario, String mechanism, DayUncertainty run, int threads, List<String> files)
      throws JsonProcessingException {
    ObjectNode root = header(scenario, mechanism, run.method().key(), run.inputs(), threads);
    figures(root, run);
    root.putPOJO("files", files);
    return MAPPER.writeValueAsString(root) + "\n";
  }

  /** A comparison: each run's figures under {@code results}, each estimate's errors under {@code errors}. */
  static String comparison(UncertaintyHeading scenario, String mechanism, List<DayUncertainty> estimates, DayUncertainty reference,
      int threads, List<String> files) throws JsonProcessingException {
    ObjectNode root = header(scenario, mechanism, "compare", reference.inputs(), threads);
    List<DayUncertainty> all = new java.util.ArrayList<>(estimates);
    all.add(reference);
    root.put("evaluations", all.stream().mapToInt(r -> r.result().evaluations()).sum());
    root.put("wall_ms", all.stream().mapToLong(DayUncertainty::wallMillis).sum());
    var results = root.putArray("results");
    all.forEach(r -> figures(results.addObject(), r));
    var errors = root.putArray("errors");
    for (DayUncertainty e : estimates) {
      ObjectNode node = errors.addObject();
      node.put("method", e.method().key());
      node.put("reference", reference.method().key());
      if (UncertaintyCsv.comparable(e, reference)) {
        errors(node, e.layout(), UncertaintyComparison.of(e.result(), reference.result()));
      }
    }
    root.putPOJO("files", files);
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private static ObjectNode header(UncertaintyHeading scenario, String mechanism, String method, ScenarioInputs inputs,
      int threads) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", scenario.name());
    root.put("mechanism", mechanism);
    root.put("currency", scenario.currency());
    root.put("method", method);
    root.put("random_inputs", inputs.size());
    ObjectNode byQuantity = root.putObject("random_inputs_by_quantity");
    for (RandomQuantity q : RandomQuantity.values()) {
      byQuantity.put(q.key(), inputs.count(q));
    }
    root.put("correlation", scenario.correlation().key());
    root.put("threads", threads);
    return root;
  }

  /** One run's figures (method, evaluations, wall time, total cost and Vmin statistics) into {@code node}. */
  public static void figures(ObjectNode node, DayUncertainty run) {
    node.put("method", run.method().key());
    node.put("evaluations", run.result().evaluations());
    node.put("failed_evaluations", run.result().failedEvaluations());
    node.put("failure", run.firstFailure().orElse(null));
    boolean mc = run.samples() > 0;
    putInt(node, "samples", mc, run.samples());
    if (mc) {
      node.put("seed", run.seed());
    } else {
      node.putNull("seed");
    }
    node.put("wall_ms", run.wallMillis());
    put(node, "ms_per_evaluation", run.millisPerEvaluation());
    put(node, "total_cost_mean", run.totalCostMean());
    put(node, "total_cost_std", run.totalCostStd());
    put(node, "vmin_mean", run.vminMean());
    put(node, "vmin_std", run.vminStd());
    node.put("clipped_input_values", run.clippedValues());
    node.put("ac_nonconverged_evaluations", run.acNotConverged());
  }

  private static void errors(ObjectNode node, DayOutputs o, UncertaintyComparison c) {
    put(node, "total_cost_mean_error", c.output(DayOutputs.TOTAL_COST).meanError());
    put(node, "total_cost_std_error", c.output(DayOutputs.TOTAL_COST).stdError());
    put(node, "total_cost_relative_mean_error", c.output(DayOutputs.TOTAL_COST).relativeMeanError());
    put(node, "total_cost_relative_std_error", c.output(DayOutputs.TOTAL_COST).relativeStdError());
    put(node, "total_cost_mean_error_in_standard_errors",
        c.output(DayOutputs.TOTAL_COST).meanErrorInStandardErrors());
    put(node, "vmin_mean_error", c.output(DayOutputs.VMIN).meanError());
    put(node, "vmin_std_error", c.output(DayOutputs.VMIN).stdError());
    int participants = o.participants().size();
    put(node, "cost_max_abs_mean_error", max(participants, p -> Math.abs(c.output(o.cost(p)).meanError())));
    put(node, "cost_max_abs_std_error", max(participants, p -> Math.abs(c.output(o.cost(p)).stdError())));
    int prices = o.intervals() * o.buses().length;
    int first = o.dlmp(0, 0);
    put(node, "dlmp_max_abs_mean_error", max(prices, j -> Math.abs(c.output(first + j).meanError())));
    put(node, "dlmp_max_abs_std_error", max(prices, j -> Math.abs(c.output(first + j).stdError())));
  }

  private static double max(int n, IntToDoubleFunction f) {
    return IntStream.range(0, n).mapToDouble(f).max().orElse(0);
  }

  private static void put(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, Numbers.clean(value));
    } else {
      node.putNull(key);
    }
  }

  private static void putInt(ObjectNode node, String key, boolean present, int value) {
    if (present) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
