package org.peergrid.market.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * per scenario load.
 */
final class CsvColumns {
  private final Map<Path, CsvTable> tables = new HashMap<>();

  private record CsvTable(List<String> header, List<CSVRecord> rows) {}

  /**
   * The named column as numbers.
   *
   * @param at the scenario value that names the file, for errors about the reference itself
   */
  double[] column(Path file, String column, ScenarioNode at) {
    CsvTable table = tables.computeIfAbsent(file, f -> load(f, at));
    if (!table.header().contains(column)) {
      throw at.error("column \"" + column + "\" is not in " + file.getFileName() + "; its columns are "
          + String.join(", ", table.header()));
    }
    double[] values = new double[table.rows().size()];
    for (int i = 0; i < values.length; i++) {
      CSVRecord row = table.rows().get(i);
      String text = row.isSet(column) ? row.get(column).trim() : "";
      try {
        values[i] = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new ValidationException(file.toString(), (int) row.getRecordNumber() + 1,
            "column " + column + ": \"" + text + "\" is not a number");
      }
      if (!Double.isFinite(values[i])) {
        throw new ValidationException(file.toString(), (int) row.getRecordNumber() + 1,
            "column " + column + ": " + text + " is not a finite number");
      }
    }
    return values;
  }

  private static CsvTable load(Path file, ScenarioNode at) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
      List<CSVRecord> rows = new ArrayList<>(parser.getRecords());
      return new CsvTable(List.copyOf(parser.getHeaderNames()), rows);
    } catch (NoSuchFileException e) {
      throw at.error("CSV file " + file + " does not exist (paths are relative to the scenario file)");
    } catch (IOException | RuntimeException e) {
      throw at.error("cannot read CSV file " + file + ": " + e.getMessage());
    }
  }
}
