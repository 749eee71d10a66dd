package org.peergrid.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcInterval;
import org.peergrid.market.accheck.AcViolation;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.settlement.SettlementRow;

/** The CSV files of {@code peergrid clear}; docs/formats.md gives every column's unit and sign. */
public final class ReportCsv {
  static final String[] PRICES = {"interval", "bus", "dlmp", "energy", "voltage", "congestion"};
  static final String[] SCHEDULE = {"interval", "participant", "import_kw", "export_kw", "charge_kw", "discharge_kw",
    "soc_kwh", "shifted_kw", "generation_kw", "curtailed_kw"};
  static final String[] SETTLEMENT = {"participant", "base_cost", "cost", "savings", "individually_rational"};
  static final String[] SETTLEMENT_INTERVALS = {"interval", "participant", "bought_kwh", "sold_kwh", "price",
    "paid", "received", "transfer", "net"};
  static final String[] AC_CHECK = {"interval", "status", "iterations", "losses_kw", "losses_kwh", "source_kw",
    "vmin_pu", "vmin_bus", "vmax_pu", "vmax_bus", "max_loading_branch", "max_loading_kva", "max_loading_limit_kva",
    "max_loading_pct"};
  static final String[] VIOLATIONS = {"interval", "kind", "element", "value", "limit", "excess", "unit"};

  /** Prints the rows of a CSV file. */
  @FunctionalInterface
  public interface Rows {
    void print(CsvText out) throws IOException;
  }

  private ReportCsv() {}

  /** A CSV text with the header and the rows, as every report file writes it. */
  public static String csv(String[] header, Rows rows) {
    CsvText text = new CsvText(header);
    try {
      rows.print(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Buses in the case's order, every interval. */
  public static String prices(Scenario s, DispatchSolution sol) {
    RadialNetwork radial = s.network().radial();
    LocationalPrices p = sol.prices();
    return csv(PRICES, out -> {
      for (int t = 0; t < s.horizon().intervals(); t++) {
        for (Bus bus : radial.feeder().buses()) {
          int k = radial.indexOf(bus.number());
          if (k >= 0) {
            out.printRecord(t, bus.number(), n(p.dlmp().get(t, k)), n(p.energy().get(t, k)),
                n(p.voltage().get(t, k)), n(p.congestion().get(t, k)));
          }
        }
      }
    });
  }

  public static String schedule(Scenario s, DispatchSolution sol) {
    return schedule(s.participants(), s.horizon().intervals(), sol.schedules());
  }

  /** schedule.csv of these participants' schedules (in any order) over {@code intervals}. */
  public static String schedule(List<Participant> participants, int intervals, List<ParticipantSchedule> schedules) {
    // By id once, not DispatchSolution.schedule's search per row (quadratic in the participants).
    java.util.Map<String, ParticipantSchedule> byId = new java.util.HashMap<>();
    schedules.forEach(x -> byId.putIfAbsent(x.id(), x));
    return csv(SCHEDULE, out -> {
      for (int t = 0; t < intervals; t++) {
        for (Participant p : participants) {
          ParticipantSchedule x = byId.get(p.id());
          if (x == null) {
            throw new IllegalArgumentException("no participant " + p.id());
          }
          out.printRecord(t, p.id(), n(x.importKw().get(t)), n(x.exportKw().get(t)), n(x.chargeKw().get(t)),
              n(x.dischargeKw().get(t)), hasBattery(p) ? n(x.socKwh().get(t)) : "", n(x.shiftedKw().get(t)),
              n(x.generationKw().get(t)), n(x.curtailedKw().get(t)));
        }
      }
    });
  }

  public static String settlement(SettlementResult settlement) {
    return csv(SETTLEMENT, out -> {
      for (ParticipantSettlement p : settlement.participants()) {
        out.printRecord(p.participant(), p.baseCost().isPresent() ? n(p.baseCost().getAsDouble()) : "", n(p.cost()),
            p.savings().isPresent() ? n(p.savings().getAsDouble()) : "", p.individuallyRational());
      }
    });
  }

  /** One row per participant and interval, participants in scenario order. */
  public static String settlementIntervals(SettlementResult settlement) {
    return csv(SETTLEMENT_INTERVALS, out -> {
      for (SettlementRow r : settlement.rows()) {
        out.printRecord(r.interval(), r.participant(), n(r.boughtKwh()), n(r.soldKwh()), n(r.pricePerKwh()),
            n(r.paid()), n(r.received()), n(r.transfer()), n(r.net()));
      }
    });
  }

  public static String acCheck(AcCheckResult ac) {
    return csv(AC_CHECK, out -> {
      for (AcInterval i : ac.intervals()) {
        var loading = i.mostLoaded();
        out.printRecord(i.interval(), i.status(), i.iterations(), n(i.lossesKw()), n(i.lossesKwh()),
            n(i.sourceKw()), n(i.vmin().pu()), i.vmin().bus(), n(i.vmax().pu()), i.vmax().bus(),
            loading.map(b -> b.element()).orElse(""), loading.map(b -> n(b.kva())).orElse(""),
            loading.map(b -> n(b.limitKva())).orElse(""), loading.map(b -> n(b.percent())).orElse(""));
      }
    });
  }

  public static String violations(AcCheckResult ac) {
    return csv(VIOLATIONS, out -> {
      for (AcViolation v : ac.violations()) {
        out.printRecord(v.interval(), v.kind(), v.element(), n(v.value()), n(v.limit()), n(v.excess()),
            v.kind().unit());
      }
    });
  }

  /** Whether schedule.csv has a soc_kwh for the participant: a battery's or an EV's energy (0 while away). */
  static boolean hasBattery(Participant p) {
    return p instanceof CommunityBattery || p instanceof ElectricVehicle || p instanceof Building b && b.battery().isPresent();
  }

  public static String n(double value) {
    return Numbers.plain(value);
  }
}
