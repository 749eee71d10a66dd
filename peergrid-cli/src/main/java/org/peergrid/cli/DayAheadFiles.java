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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.settlement.SettlementRow;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.ThreePhaseDayClearing;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.realtime.DayAheadSchedule;
import org.peergrid.market.scenario.ElectricVehicle;
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
    List<Participant> participants = s.participants();
    double[][][] cols = schedule(dir, participants, s.horizon().intervals(), s.name());
    List<ParticipantSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < participants.size(); i++) {
      double[][] c = cols[i];
      schedules.add(new ParticipantSchedule(participants.get(i).id(), ts(c[0]), ts(c[1]), ts(c[2]), ts(c[3]),
          ts(c[4]), ts(c[5]), ts(c[6]), ts(c[7])));
    }
    return DayAheadSchedule.of(s, schedules, prices(dir.resolve(ClearCommand.PRICES), s), dir.toString());
  }

  /**
   * The DLMP day ahead that {@code peergrid clear} wrote on a three-phase scenario, as real time takes it:
   * each participant's day from schedule.csv at its prices in settlement_intervals.csv, and the DLMP
   * settlement as settlement.csv, settlement_intervals.csv and summary.json hold it (the settlement is
   * read, not computed again: the folder does not hold the prices of the feeder's delta-load ports that
   * the DSO's rent counts). The model is LinDist3Flow built as {@code clear} builds it.
   */
  static ThreePhaseRealtime.Plan readThreePhase(Path dir, ThreePhaseScenario s) {
    Path summaryFile = dir.resolve(ClearCommand.SUMMARY);
    JsonNode summary;
    try {
      summary = new ObjectMapper().readTree(summaryFile.toFile());
    } catch (IOException e) {
      throw new ValidationException(summaryFile.toString(), 0, "cannot read it (" + e.getMessage()
          + "); --dayahead takes a folder that peergrid clear wrote");
    }
    if (!RealtimeCommand.DLMP.equals(summary.path("mechanism").asText())
        || !"OPTIMAL".equals(summary.path("status").asText())) {
      throw new ValidationException(summaryFile.toString(), 0, "mechanism " + summary.path("mechanism").asText("?")
          + ", status " + summary.path("status").asText("?") + ": --dayahead reads a DLMP day ahead that cleared"
          + " (peergrid clear --mechanism dlmp, status OPTIMAL); clear the day so, or drop --dayahead");
    }
    List<Participant> participants = s.participants();
    int n = s.horizon().intervals();
    double[][][] cols = schedule(dir, participants, n, s.name());
    Map<String, Integer> index = index(participants);
    double[][] price = new double[participants.size()][n];
    List<SettlementRow> rows = new ArrayList<>();
    double participantsNet = 0;
    for (Row row : rows(dir.resolve(ClearCommand.SETTLEMENT_INTERVALS), ReportCsv.SETTLEMENT_INTERVALS)) {
      int t = row.interval(n);
      int i = row.participant(index, s.name());
      price[i][t] = row.number("price");
      SettlementRow r = new SettlementRow(participants.get(i).id(), t, row.number("bought_kwh"),
          row.number("sold_kwh"), price[i][t], row.number("paid"), row.number("received"), row.number("transfer"));
      rows.add(r);
      participantsNet += r.net();
    }
    List<ParticipantSettlement> settled = new ArrayList<>();
    for (Row row : rows(dir.resolve(ClearCommand.SETTLEMENT), ReportCsv.SETTLEMENT)) {
      row.participant(index, s.name());
      settled.add(new ParticipantSettlement(row.get("participant"), row.optional("base_cost"), row.number("cost"),
          row.optional("savings"), Boolean.parseBoolean(row.get("individually_rational"))));
    }
    if (settled.size() != participants.size() || rows.size() != participants.size() * n) {
      throw new ValidationException(dir.resolve(ClearCommand.SETTLEMENT).toString(), 0, "holds " + settled.size()
          + " participants and " + rows.size() + " interval rows; the scenario has " + participants.size() + " and "
          + participants.size() * n + "; was this folder cleared from another scenario?");
    }
    SettlementResult settlement = new SettlementResult(rows, settled, money(summary, "utility_bill", summaryFile),
        money(summary, "dso_surplus", summaryFile), participantsNet, money(summary, "base_cost", summaryFile),
        money(summary, "total_cost", summaryFile));
    List<ParticipantDay> days = new ArrayList<>();
    for (int i = 0; i < participants.size(); i++) {
      double[][] c = cols[i];
      double[] net = new double[n];
      for (int t = 0; t < n; t++) {
        net[t] = c[1][t] - c[0][t]; // export − import
      }
      // ParticipantDay: charge, discharge, energy, curtailed, shifted, output, net, price
      days.add(new ParticipantDay(participants.get(i).id(), c[2], c[3], c[4], c[7], c[5], c[6], net, price[i]));
    }
    return ThreePhaseRealtime.Plan.of(s, ThreePhaseDayClearing.model(s), days,
        money(summary, "schedule_cost", summaryFile), settlement, "read from " + dir, Optional.empty());
  }

  private static double money(JsonNode summary, String key, Path file) {
    JsonNode v = summary.get(key);
    if (v == null || !v.isNumber()) {
      throw new ValidationException(file.toString(), 0, "key " + key + " is missing or not a number; --dayahead takes"
          + " a folder that peergrid clear wrote");
    }
    return v.asDouble();
  }

  private static Map<String, Integer> index(List<Participant> participants) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < participants.size(); i++) {
      index.put(participants.get(i).id(), i);
    }
    return index;
  }

  /**
   * schedule.csv's eight value columns per participant (scenario order) and interval; every row once, and an
   * energy for every EV.
   */
  private static double[][][] schedule(Path dir, List<Participant> participants, int n, String scenario) {
    Map<String, Integer> index = index(participants);
    double[][][] cols = new double[participants.size()][8][n];
    Path schedule = dir.resolve(ClearCommand.SCHEDULE);
    boolean[][] seen = new boolean[participants.size()][n];
    for (Row row : rows(schedule, ReportCsv.SCHEDULE)) {
      int t = row.interval(n);
      int i = row.participant(index, scenario);
      if (seen[i][t]) {
        throw row.error("participant", row.get("participant") + " appears twice in interval " + t);
      }
      seen[i][t] = true;
      // An EV's energy is what real time starts the car from (an overnight car's at midnight); a folder that
      // a peergrid clear from before EVs' energies on three-phase feeders wrote leaves it empty, which would
      // read as 0 kWh: the car would have to charge its whole need again.
      if (participants.get(i) instanceof ElectricVehicle && row.get("soc_kwh").isEmpty()) {
        throw row.error("soc_kwh", "EV " + row.get("participant") + " has no energy; this folder was written by an"
            + " older peergrid clear, from which real time would start the car from 0 kWh. Clear the day again"
            + " (peergrid clear --scenario FILE --mechanism dlmp --out DIR) and pass the new folder to --dayahead");
      }
      for (int c = 0; c < 8; c++) {
        cols[i][c][t] = row.number(ReportCsv.SCHEDULE[c + 2]);
      }
    }
    for (int i = 0; i < participants.size(); i++) {
      for (int t = 0; t < n; t++) {
        if (!seen[i][t]) {
          throw new ValidationException(schedule.toString(), 0, "no row for " + participants.get(i).id()
              + " in interval " + t + "; was this folder cleared from another scenario?");
        }
      }
    }
    return cols;
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

    /** An empty cell as empty, else a finite number. */
    java.util.OptionalDouble optional(String column) {
      return get(column).isEmpty() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(number(column));
    }

    /** The participant's index in the scenario. */
    int participant(Map<String, Integer> index, String scenario) {
      Integer i = index.get(get("participant"));
      if (i == null) {
        throw error("participant", "\"" + get("participant") + "\" is not a participant of scenario " + scenario
            + "; was this folder cleared from another scenario?");
      }
      return i;
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
