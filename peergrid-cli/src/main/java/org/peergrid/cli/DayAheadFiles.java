package org.peergrid.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.realtime.DayAheadSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/**
 * Reads the day-ahead schedule and prices that {@code peergrid clear} wrote ({@link ReportCsv}'s
 * schedule.csv and prices.csv) and checks that they belong to the scenario: the same participants,
 * intervals and buses, every row once, and a schedule that balances with the scenario's forecasts.
 */
final class DayAheadFiles {
  private DayAheadFiles() {}

  static DispatchSolution read(Path dir, Scenario s) {
    int n = s.horizon().intervals();
    List<Participant> participants = s.participants();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < participants.size(); i++) {
      index.put(participants.get(i).id(), i);
    }
    double[][][] cols = new double[participants.size()][8][n];
    Path schedule = dir.resolve(ClearCommand.SCHEDULE);
    boolean[][] seen = new boolean[participants.size()][n];
    for (Row row : rows(schedule, ReportCsv.SCHEDULE)) {
      int t = row.interval(n);
      Integer i = index.get(row.get("participant"));
      if (i == null) {
        throw row.error("participant", "\"" + row.get("participant") + "\" is not a participant of scenario "
            + s.name() + "; was this folder cleared from another scenario?");
      }
      if (seen[i][t]) {
        throw row.error("participant", row.get("participant") + " appears twice in interval " + t);
      }
      seen[i][t] = true;
      for (int c = 0; c < 8; c++) {
        cols[i][c][t] = row.number(ReportCsv.SCHEDULE[c + 2]);
      }
    }
    List<ParticipantSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < participants.size(); i++) {
      for (int t = 0; t < n; t++) {
        if (!seen[i][t]) {
          throw new ValidationException(schedule.toString(), 0, "no row for " + participants.get(i).id()
              + " in interval " + t + "; was this folder cleared from another scenario?");
        }
      }
      double[][] c = cols[i];
      schedules.add(new ParticipantSchedule(participants.get(i).id(), ts(c[0]), ts(c[1]), ts(c[2]), ts(c[3]),
          ts(c[4]), ts(c[5]), ts(c[6]), ts(c[7])));
    }
    return DayAheadSchedule.of(s, schedules, prices(dir.resolve(ClearCommand.PRICES), s), dir.toString());
  }

  private static LocationalPrices prices(Path file, Scenario s) {
    RadialNetwork radial = s.network().radial();
    int n = s.horizon().intervals();
    double[][][] p = new double[4][n][radial.busCount()];
    boolean[][] seen = new boolean[n][radial.busCount()];
    for (Row row : rows(file, ReportCsv.PRICES)) {
      int t = row.interval(n);
      int k;
      try {
        k = radial.indexOf(Integer.parseInt(row.get("bus")));
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < 0) {
        throw row.error("bus", "\"" + row.get("bus") + "\" is not a bus of feeder " + radial.feeder().name()
            + "; was this folder cleared from another scenario?");
      }
      seen[t][k] = true;
      for (int c = 0; c < 4; c++) {
        p[c][t][k] = row.number(ReportCsv.PRICES[c + 2]);
      }
    }
    for (int t = 0; t < n; t++) {
      for (int k = 0; k < radial.busCount(); k++) {
        if (!seen[t][k]) {
          throw new ValidationException(file.toString(), 0, "no price for bus " + radial.busNumber(k) + " in interval "
              + t + "; was this folder cleared from another scenario?");
        }
      }
    }
    return new LocationalPrices(new BusSeries(p[0]), new BusSeries(p[1]), new BusSeries(p[2]), new BusSeries(p[3]));
  }

  private static TimeSeries ts(double[] v) {
    return new TimeSeries(v);
  }

  /** A CSV record with its file and line, for messages. */
  private record Row(String file, int line, CSVRecord record) {
    String get(String column) {
      return record.get(column);
    }

    /** A number; an empty cell is 0 (schedule.csv leaves soc_kwh empty where there is no battery). */
    double number(String column) {
      String text = get(column);
      if (text.isEmpty()) {
        return 0;
      }
      try {
        double v = Double.parseDouble(text);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(column, "\"" + text + "\" is not a finite number");
    }

    int interval(int intervals) {
      try {
        int t = Integer.parseInt(get("interval"));
        if (t >= 0 && t < intervals) {
          return t;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error("interval", "\"" + get("interval") + "\" is not an interval of the scenario's day (0 to "
          + (intervals - 1) + "); was this folder cleared from another scenario?");
    }

    ValidationException error(String column, String detail) {
      return new ValidationException(file, line, "column " + column + ": " + detail);
    }
  }

  private static List<Row> rows(Path file, String[] header) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(Files.readString(file), format)) {
      if (!parser.getHeaderNames().equals(Arrays.asList(header))) {
        throw new ValidationException(file.toString(), 1, "the header must be " + String.join(",", header)
            + " as peergrid clear writes it");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (r.size() != header.length) {
          throw new ValidationException(file.toString(), (int) r.getRecordNumber() + 1, "expected " + header.length
              + " values, got " + r.size());
        }
        rows.add(new Row(file.toString(), (int) r.getRecordNumber() + 1, r));
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new ValidationException(file.toString(), 0, "does not exist; --dayahead takes a folder that peergrid clear "
          + "wrote");
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read it: " + e.getMessage());
    }
  }
}
