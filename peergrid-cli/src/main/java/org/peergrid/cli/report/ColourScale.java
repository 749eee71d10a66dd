package org.peergrid.cli.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A perceptually ordered blue–green–yellow–red scale for prices (cheap is cool, dear is hot). A
 * range of zero width is widened a little, so a day with one price everywhere still has a legend.
 */
final class ColourScale implements PaintScale {
  private static final Color[] STOPS = {new Color(0x313695), new Color(0x4575B4), new Color(0x74ADD1),
    new Color(0xABD9E9), new Color(0xFEE090), new Color(0xFDAE61), new Color(0xF46D43), new Color(0xD73027),
    new Color(0xA50026)};
  private final double lower;
  private final double upper;

  ColourScale(double lower, double upper) {
    double pad = upper - lower < 1e-6 ? Math.max(0.01, Math.abs(upper) * 0.01) : 0;
    this.lower = lower - pad;
    this.upper = upper + pad;
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
    int i = Math.min((int) f, STOPS.length - 2);
    double w = f - i;
    Color a = STOPS[i];
    Color b = STOPS[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w),
        mix(a.getBlue(), b.getBlue(), w));
  }

  private static int mix(int a, int b, double w) {
    return (int) Math.round(a + (b - a) * w);
  }
}
