package org.peergrid.cli.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The 1-minute voltage envelope of {@code peergrid realtime --validate-minutes} as a PNG
 * (minute_voltage_envelope.png): the lowest and highest phase-node voltage of every minute, the same of
 * every interval's power flow as steps, and the limits dashed. {@code realtime} writes no HTML report,
 * so the figure is a file of its own, in the report's chart style.
 */
public final class MinuteEnvelopeChart {
  private MinuteEnvelopeChart() {}

  /**
   * @param minuteMin the lowest voltage of each minute [p.u.] (NaN where the power flow did not converge)
   * @param minuteMax the highest
   * @param intervalMin the lowest of each interval's own power flow (NaN where it did not converge)
   * @param intervalMax the highest
   * @param intervalMinutes minutes per interval
   */
  public static byte[] png(double[] minuteMin, double[] minuteMax, double[] intervalMin, double[] intervalMax,
      int intervalMinutes, double vmin, double vmax) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("lowest, each minute", minuteMin, 1, false));
    data.addSeries(series("highest, each minute", minuteMax, 1, false));
    data.addSeries(series("lowest, each interval", intervalMin, intervalMinutes, true));
    data.addSeries(series("highest, each interval", intervalMax, intervalMinutes, true));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < 4; i++) {
      r.setSeriesPaint(i, Charts.colour(i % 2));
      r.setSeriesStroke(i, i < 2 ? Charts.THIN : Charts.LINE);
    }
    NumberAxis hours = new NumberAxis("hour of the day");
    NumberAxis volts = new NumberAxis("phase-node voltage [p.u.]");
    volts.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, hours, volts, r);
    for (double limit : new double[] {vmin, vmax}) {
      ValueMarker m = new ValueMarker(limit, Charts.MUTED, Charts.DASHED);
      plot.addRangeMarker(m);
    }
    return Charts.png(Charts.styled(new JFreeChart("1-minute voltage envelope", Charts.BASE, plot, true)), 1300, 420);
  }

  /** Per minute a point; per interval a step over its minutes. */
  private static XYSeries series(String name, double[] values, int minutes, boolean steps) {
    XYSeries s = new XYSeries(name, false, true);
    for (int i = 0; i < values.length; i++) {
      double v = Double.isFinite(values[i]) ? values[i] : Double.NaN;
      Double y = Double.isNaN(v) ? null : v;
      s.add(i * minutes / 60.0, y);
      if (steps) {
        s.add((i + 1) * minutes / 60.0, y);
      }
    }
    return s;
  }
}
