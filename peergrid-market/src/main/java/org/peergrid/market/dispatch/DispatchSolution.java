package org.peergrid.market.dispatch;

import java.util.List;
import org.peergrid.market.scenario.TimeSeries;

/**
 * An optimal schedule of the day.
 *
 * @param objective the optimal cost [money]: grid energy at the tariffs, DG fuel and battery
 *     degradation, background load included (MODEL.md §2)
 * @param schedules one per participant, in scenario order
 * @param gridImportKw g⁺_t at the root [kW]
 * @param gridExportKw g⁻_t at the root [kW]
 * @param prices DLMPs and their split
 * @param network LinDistFlow flows and voltages
 * @param notes remarks on the schedule that a report should show (e.g. simultaneous charge and discharge)
 */
public record DispatchSolution(
    double objective,
    List<ParticipantSchedule> schedules,
    TimeSeries gridImportKw,
    TimeSeries gridExportKw,
    LocationalPrices prices,
    NetworkState network,
    List<String> notes) {

  public DispatchSolution {
    schedules = List.copyOf(schedules);
    notes = List.copyOf(notes);
  }

  /** The schedule of a participant. */
  public ParticipantSchedule schedule(String id) {
    return schedules.stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no participant " + id));
  }

  /** Σ_t g⁺_t Δt [kWh]. */
  public double gridImportKwh(double hours) {
    return sum(gridImportKw) * hours;
  }

  /** Σ_t g⁻_t Δt [kWh]. */
  public double gridExportKwh(double hours) {
    return sum(gridExportKw) * hours;
  }

  private static double sum(TimeSeries s) {
    double total = 0;
    for (int t = 0; t < s.size(); t++) {
      total += s.get(t);
    }
    return total;
  }
}
