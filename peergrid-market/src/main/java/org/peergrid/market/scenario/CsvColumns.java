package org.peergrid.market.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peergrid.grid.ValidationException;

/**
 * Reads numeric columns of CSV files with a header row and one row per interval, each file once
 * per scenario load, from where {@link ScenarioFiles} allows. Where the files are not the user's own,
 * messages name the file as the scenario wrote it and never quote its header or cells.
 */
final class CsvColumns {
  private static final String WHAT = "CSV file";

  private final ScenarioFiles files;
  private final Map<Path, CsvTable> tables = new HashMap<>();
  // a 1,000-building scenario names one file ~2,000 times: it is looked for on disk once
  private final Map<String, Path> located = new HashMap<>();

  CsvColumns(ScenarioFiles files) {
    this.files = files;
  }

  /** {@code columns}: each header name's position, so that finding a column is not a search of the header. */
  private record CsvTable(List<String> header, Map<String, Integer> columns, List<CSVRecord> rows) {}

  /**
   * The named column as numbers.
   *
   * @param reference the file as the scenario names it
   * @param at the scenario value that names the file, for errors about the reference itself
   */
  double[] column(String reference, String column, ScenarioNode at) {
    Path file = located.get(reference);
    if (file == null) {
      file = files.locate(reference, at, WHAT);
      located.put(reference, file);
    }
    String name = files.describe(file, reference);
    CsvTable table = tables.computeIfAbsent(file, f -> load(f, reference, at));
    Integer index = table.columns().get(column);
    if (index == null) {
      throw at.error("column \"" + column + "\" is not in " + (files.quotesContents() ? file.getFileName()
          + "; its columns are " + String.join(", ", table.header()) : reference));
    }
    double[] values = new double[table.rows().size()];
    for (int i = 0; i < values.length; i++) {
      CSVRecord row = table.rows().get(i);
      String text = row.isSet(index) ? row.get(index).trim() : "";
      try {
        values[i] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new ValidationException(name, (int) row.getRecordNumber() + 1,
            "column " + column + ": " + cell(text) + " is not a number");
      }
      if (!Double.isFinite(values[i])) {
        throw new ValidationException(name, (int) row.getRecordNumber() + 1,
            "column " + column + ": " + cell(text) + " is not a finite number");
      }
    }
    return values;
  }

  private String cell(String text) {
    return files.quotesContents() ? "\"" + text + "\"" : "the cell";
  }

  private CsvTable load(Path file, String reference, ScenarioNode at) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    String name = files.describe(file, reference);
    try (CSVParser parser = CSVParser.parse(files.read(file, reference, at, WHAT), format)) {
      List<CSVRecord> rows = new ArrayList<>(parser.getRecords());
      // the parser's own name -> position map, the one that CSVRecord.get(name) looks a column up in
      return new CsvTable(List.copyOf(parser.getHeaderNames()), parser.getHeaderMap(), rows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationException v) {
        throw v;
      }
      // the parser's own message may quote the file's text
      throw at.error("cannot read CSV file " + name + (files.quotesContents() ? ": " + e.getMessage()
          : ": not CSV with a header row"));
    }
  }
}
