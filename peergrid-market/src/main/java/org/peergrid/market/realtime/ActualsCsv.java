package org.peergrid.market.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * Reads an actuals file: CSV with the header {@code interval,participant,load_kw,pv_kw,wind_kw}, one
 * row per building and interval whose values differ from the forecast. A missing row means "as
 * forecast", and so does an empty cell (only that value is as forecast). Every error names the
 * file, the line and the column, and says what would be accepted.
 */
public final class ActualsCsv {
  static final List<String> HEADER = List.of("interval", "participant", "load_kw", "pv_kw", "wind_kw");

  private ActualsCsv() {}

  /** The actual day: the forecast scenario with the file's values in place of the forecast's. */
  public static Scenario read(Path file, Scenario forecast) {
    return ActualDay.of(forecast, read(file, forecast.name(), forecast.participants(), forecast.horizon().intervals()));
  }

  /** The same on a three-phase feeder. */
  public static ThreePhaseScenario read(Path file, ThreePhaseScenario forecast) {
    return ActualDay.of(forecast, read(file, forecast.name(), forecast.participants(), forecast.horizon().intervals()));
  }

  private static Map<String, ActualDay.Series> read(Path file, String scenario, List<Participant> participants,
      int intervals) {
    String name = file.toString();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    try {
      String text = Files.readString(file);
      try (CSVParser parser = CSVParser.parse(text, format)) {
        if (!parser.getHeaderNames().equals(HEADER)) {
          throw new ValidationException(name, 1, "the header must be " + String.join(",", HEADER) + ", got "
              + String.join(",", parser.getHeaderNames()));
        }
        return rows(name, text, parser.getRecords(), scenario, participants, intervals);
      }
    } catch (NoSuchFileException e) {
      throw new ValidationException(name, 0, "the actuals file does not exist");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ValidationException(name, 0, "cannot read the actuals file: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ValidationException(name, 0, "not a valid CSV file: " + e.getMessage());
    }
  }

  private static Map<String, ActualDay.Series> rows(String file, String text, List<CSVRecord> records,
      String scenario, List<Participant> participants, int intervals) {
    Map<String, Building> buildings = new HashMap<>();
    participants.stream().filter(Building.class::isInstance).map(Building.class::cast)
        .forEach(b -> buildings.put(b.id(), b));
    Map<String, ActualDay.Series> actual = new LinkedHashMap<>();
    Map<String, Long> seen = new HashMap<>();
    for (CSVRecord row : records) {
      int line = lineOf(text, row.getCharacterPosition());
      if (row.size() != HEADER.size()) {
        throw new ValidationException(file, line, "expected " + HEADER.size() + " values (" + String.join(",", HEADER)
            + "), got " + row.size());
      }
      int t = interval(file, line, row.get(0), intervals);
      String id = row.get(1);
      Building b = buildings.get(id);
      if (b == null) {
        throw new ValidationException(file, line, "column participant: " + unknown(id, scenario, participants));
      }
      Long earlier = seen.put(t + "/" + id, (long) line);
      if (earlier != null) {
        throw new ValidationException(file, line, "interval " + t + " of " + id + " is given twice (first on line "
            + earlier + "); keep one row");
      }
      ActualDay.Series s = actual.computeIfAbsent(id, k -> ActualDay.forecastOf(b));
      set(s.loadKw(), t, file, line, "load_kw", row.get(2));
      set(s.pvKw(), t, file, line, "pv_kw", row.get(3));
      set(s.windKw(), t, file, line, "wind_kw", row.get(4));
    }
    return actual;
  }

  /**
   * The 1-based line of the record that starts at a character offset (record numbers skip blank
   * lines, lines do not); the parser puts that offset before the blank lines it skipped.
   */
  private static int lineOf(String text, long offset) {
    int start = (int) Math.min(offset, text.length());
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int line = 1;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int interval(String file, int line, String text, int intervals) {
    try {
      int t = Integer.parseInt(text);
      if (t >= 0 && t < intervals) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException(file, line, "column interval: \"" + text + "\" is not an interval of the day; use a "
        + "whole number from 0 to " + (intervals - 1));
  }

  private static String unknown(String id, String scenario, List<Participant> participants) {
    for (Participant p : participants) {
      if (p.id().equals(id)) {
        return id + " is a " + p.typeName() + "; actuals are given for buildings only";
      }
    }
    return "\"" + id + "\" is not a building of scenario " + scenario + "; its buildings are "
        + String.join(", ", participants.stream().filter(Building.class::isInstance).map(Participant::id).toList());
  }

  /** An empty cell keeps the forecast. */
  private static void set(double[] values, int t, String file, int line, String column, String text) {
    if (text.isEmpty()) {
      return;
    }
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new ValidationException(file, line, "column " + column + ": \"" + text + "\" is not a number (kW); "
          + "leave the cell empty to keep the forecast");
    }
    if (!Double.isFinite(v) || v < 0) {
      throw new ValidationException(file, line, "column " + column + ": " + text + " must be a finite number ≥ 0 (kW)");
    }
    values[t] = v;
  }
}
