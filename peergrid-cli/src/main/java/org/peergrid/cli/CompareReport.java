package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.GeneratorProfit;

/**
 * The three views of {@code peergrid compare}: the console table, compare.csv and compare.json
 * (docs/formats.md). Empty cells / nulls where a mechanism could not settle.
 */
public final class CompareReport {
  static final String[] CSV_HEADER = {"mechanism", "status", "community_cost", "savings", "savings_pct",
    "min_saving", "max_saving", "worse_off", "jain_index", "dg_profit", "dg_alone_profit", "dso_surplus", "run_ms",
    "message"};

  private CompareReport() {}

  public static String csv(List<ComparisonRow> rows) {
    StringWriter text = new StringWriter();
    try (CSVPrinter out = new CSVPrinter(text,
        CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).setRecordSeparator('\n').get())) {
      for (ComparisonRow r : rows) {
        boolean dg = !r.generators().isEmpty();
        out.printRecord(r.mechanism(), r.outcome().status(), cell(r.communityCost()), cell(r.savings()),
            cell(r.savingsPct()), cell(r.minSaving()), cell(r.maxSaving()), cell(r.worseOff()), cell(r.jainIndex()),
            dg ? Numbers.plain(dgProfit(r)) : "", dg ? Numbers.plain(dgAlone(r)) : "", cell(r.dsoSurplus()),
            Numbers.plain(r.runMillis()), r.outcome().message());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static String json(CooperativeDay day, List<ComparisonRow> rows, List<String> files) throws JsonProcessingException {
    return json(day.scenario().name(), day.scenario().currency(), day.dispatch().status().name(),
        day.outcome().isPresent() ? null : day.dispatch().message(), day.outcome(), day.dispatch().solveMillis(), rows,
        files);
  }

  /**
   * compare.json of any schedule (a three-phase day's too).
   *
   * @param diagnosis why there is no schedule; null when there is one
   */
  static String json(String scenario, String currency, String status, String diagnosis,
      java.util.Optional<CooperativeOutcome> outcome, long solveMillis, List<ComparisonRow> rows, List<String> files)
      throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", scenario);
    root.put("currency", currency);
    root.put("status", status);
    root.put("diagnosis", diagnosis);
    put(root, "base_cost", outcome.map(o -> OptionalDouble.of(o.baseCost())).orElse(OptionalDouble.empty()));
    put(root, "utility_bill", outcome.map(o -> OptionalDouble.of(o.utilityBill())).orElse(OptionalDouble.empty()));
    root.put("solve_ms", solveMillis);
    root.set("mechanisms", mechanisms(rows));
    ArrayNode written = root.putArray("files");
    files.forEach(written::add);
    return mapper.writeValueAsString(root) + "\n";
  }

  /** compare.json's {@code mechanisms}: one object per row with compare.csv's keys and the generators. */
  public static ArrayNode mechanisms(List<ComparisonRow> rows) {
    ArrayNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (ComparisonRow r : rows) {
      ObjectNode m = list.addObject();
      m.put("mechanism", r.mechanism());
      m.put("status", r.outcome().status().name());
      m.put("message", r.outcome().message().isEmpty() ? null : r.outcome().message());
      put(m, "community_cost", r.communityCost());
      put(m, "savings", r.savings());
      put(m, "savings_pct", r.savingsPct());
      put(m, "min_saving", r.minSaving());
      put(m, "max_saving", r.maxSaving());
      if (r.worseOff().isPresent()) {
        m.put("worse_off", r.worseOff().getAsInt());
      } else {
        m.putNull("worse_off");
      }
      put(m, "jain_index", r.jainIndex());
      put(m, "dso_surplus", r.dsoSurplus());
      ArrayNode dgs = m.putArray("generators");
      for (GeneratorProfit g : r.generators()) {
        dgs.addObject().put("id", g.generator()).put("profit", Numbers.clean(g.profit()))
            .put("alone_profit", Numbers.clean(g.aloneProfit())).put("gain", Numbers.clean(g.gain()));
      }
      m.put("run_ms", Numbers.clean(r.runMillis()));
    }
    return list;
  }

  static void print(PrintWriter out, CooperativeDay day, List<ComparisonRow> rows) {
    print(out, day.scenario().name(), day.scenario().currency(), day.scenario().horizon().intervalMinutes(),
        day.outcome().orElseThrow(), rows);
  }

  /** The table of any schedule's comparison (a three-phase day's too). */
  static void print(PrintWriter out, String scenario, String currency, int intervalMinutes, CooperativeOutcome o,
      List<ComparisonRow> rows) {
    String money = currency.isEmpty() ? "" : " (" + currency + ")";
    out.printf(Locale.ROOT, "Compared %d mechanisms on %s: %d participants, %d x %d min; base cost %.2f%s%n",
        rows.size(), scenario, o.members().size(), o.intervals(), intervalMinutes, o.baseCost(), money);
    out.printf(Locale.ROOT, "%-13s %10s %8s %10s %10s %5s %6s %11s %11s %8s%n", "mechanism", "cost", "saved%",
        "min_save", "max_save", "worse", "jain", "dg_gain", "dso", "ms");
    for (ComparisonRow r : rows) {
      if (r.communityCost().isEmpty()) {
        out.printf(Locale.ROOT, "%-13s %s%n", r.mechanism(), r.outcome().status() + ": " + r.outcome().message());
        continue;
      }
      out.printf(Locale.ROOT, "%-13s %10.2f %8s %10.2f %10.2f %5d %6.3f %11s %11.2f %8.3f%n", r.mechanism(),
          r.communityCost().getAsDouble(), r.savingsPct().isPresent()
              ? String.format(Locale.ROOT, "%.2f", r.savingsPct().getAsDouble()) : "n/a",
          r.minSaving().getAsDouble(), r.maxSaving().getAsDouble(), r.worseOff().getAsInt(),
          r.jainIndex().getAsDouble(), r.generators().isEmpty() ? "-"
              : String.format(Locale.ROOT, "%.2f", Numbers.clean(dgProfit(r) - dgAlone(r))), Numbers.clean(r.dsoSurplus().getAsDouble()),
          r.runMillis());
    }
  }

  private static double dgProfit(ComparisonRow r) {
    return r.generators().stream().mapToDouble(GeneratorProfit::profit).sum();
  }

  private static double dgAlone(ComparisonRow r) {
    return r.generators().stream().mapToDouble(GeneratorProfit::aloneProfit).sum();
  }

  private static String cell(OptionalDouble v) {
    return v.isPresent() ? Numbers.plain(v.getAsDouble()) : "";
  }

  private static String cell(OptionalInt v) {
    return v.isPresent() ? Integer.toString(v.getAsInt()) : "";
  }

  private static void put(ObjectNode node, String key, OptionalDouble v) {
    if (v.isPresent()) {
      node.put(key, Numbers.clean(v.getAsDouble()));
    } else {
      node.putNull(key);
    }
  }
}
