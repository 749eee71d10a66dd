package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import org.peergrid.cli.report.Report;
import org.peergrid.cli.report.ReportSection;
import org.peergrid.cli.report.RunResults;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.variants.VariantResult;

/**
 * summary.json of {@code peergrid run} (docs/formats.md): the run's key figures for scripts. It
 * nests what {@code clear} and {@code compare} write, so a script reads the same keys everywhere.
 */
final class RunSummaryJson {
  private RunSummaryJson() {}

  /** @param sections the report's sections: the stages' add their figures under their own keys */
  static String of(RunResults run, List<ReportSection> sections, List<String> files) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", run.scenario().name());
    root.put("currency", run.scenario().currency());
    root.put("status", run.day().dispatch().status().name());
    root.put("diagnosis", run.scheduled() ? null : run.day().dispatch().message());
    root.put("report", Report.HTML);
    putInterval(root, "peak_interval", run.peakInterval());
    putInterval(root, "voltage_profile_interval", run.profileInterval());
    ObjectNode clearing = SummaryJson.node(run.scenario(), run.day().clearWith(new DlmpMechanism()));
    root.set("clearing", clearing);
    root.set("mechanisms", CompareReport.mechanisms(run.mechanisms()));
    ArrayNode variants = root.putArray("variants");
    double base = run.variants().isEmpty() ? 0 : run.variants().get(0).netCost().orElse(0);
    for (VariantResult v : run.variants()) {
      ObjectNode n = variants.addObject();
      n.put("variant", v.variant().label());
      n.put("case", v.variant().title());
      n.put("participants", v.participants());
      n.put("status", v.status().name());
      put(n, "net_cost", v.netCost());
      put(n, "reduction", v.reduction(base));
      put(n, "reduction_pct", v.reductionPct(base));
      put(n, "grid_import_kwh", v.gridImportKwh());
      put(n, "dg_profit", v.dgProfit());
      n.put("diagnosis", v.diagnosis().orElse(null));
    }
    sections.forEach(s -> s.summarize(root));
    ArrayNode written = root.putArray("files");
    files.forEach(written::add);
    return mapper.writeValueAsString(root) + "\n";
  }

  private static void putInterval(ObjectNode node, String key, int interval) {
    if (interval >= 0) {
      node.put(key, interval);
    } else {
      node.putNull(key);
    }
  }

  private static void put(ObjectNode node, String key, OptionalDouble v) {
    if (v.isPresent()) {
      node.put(key, Numbers.clean(v.getAsDouble()));
    } else {
      node.putNull(key);
    }
  }
}
