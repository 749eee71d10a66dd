package org.peergrid.cli.report;

import java.util.function.IntToDoubleFunction;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.data.xy.XYSeries;

/** Helpers for charts over the day: x in hours from the start, values held over each interval. */
final class DaySeries {
  private DaySeries() {}

  /**
   * A step series: the value of interval t from t·Δt to (t+1)·Δt, with a last point at the end of
   * the day so the final interval is drawn as wide as the others.
   */
  static XYSeries steps(String name, RunResults run, IntToDoubleFunction value) {
    XYSeries s = new XYSeries(name, false, true);
    double h = run.scenario().horizon().hours();
    int n = run.scenario().horizon().intervals();
    for (int t = 0; t < n; t++) {
      s.add(t * h, value.applyAsDouble(t));
    }
    s.add(n * h, value.applyAsDouble(n - 1));
    return s;
  }

  /** A series of values at the end of each interval (battery energy), starting from {@code initial}. */
  static XYSeries endOfInterval(String name, RunResults run, double initial, IntToDoubleFunction value) {
    XYSeries s = new XYSeries(name, false, true);
    double h = run.scenario().horizon().hours();
    s.add(0, initial);
    for (int t = 0; t < run.scenario().horizon().intervals(); t++) {
      s.add((t + 1) * h, value.applyAsDouble(t));
    }
    return s;
  }

  /** The time axis: hours of the day, ticks every 2 h for a day (fewer for longer horizons). */
  static NumberAxis hoursAxis(RunResults run) {
    return hoursAxis(run.scenario().horizon());
  }

  static NumberAxis hoursAxis(org.peergrid.market.scenario.Horizon horizon) {
    NumberAxis axis = new NumberAxis("hour of the day");
    double end = horizon.intervals() * horizon.hours();
    axis.setRange(0, end);
    axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(end / 12))));
    return axis;
  }
}
