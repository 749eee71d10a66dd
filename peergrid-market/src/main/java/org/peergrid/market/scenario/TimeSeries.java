package org.peergrid.market.scenario;

import java.util.Arrays;
import org.peergrid.grid.ValidationException;

/**
 * One value per interval of the horizon, in the unit that the key naming it states (kW, money per
 * kWh, or a plain multiplier). Immutable: the array is copied in and never handed out.
 */
public record TimeSeries(double[] values) {

  public TimeSeries {
    if (values == null || values.length == 0) {
      throw new ValidationException("a time series needs at least one value");
    }
    values = values.clone();
    for (int t = 0; t < values.length; t++) {
      if (!Double.isFinite(values[t])) {
        throw new ValidationException("value " + t + " must be a finite number, got " + values[t]);
      }
    }
  }

  /** The same value in each of {@code intervals} intervals. */
  public static TimeSeries constant(double value, int intervals) {
    double[] v = new double[intervals];
    Arrays.fill(v, value);
    return new TimeSeries(v);
  }

  public double get(int t) {
    return values[t];
  }

  public int size() {
    return values.length;
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  public double min() {
    return Arrays.stream(values).min().orElseThrow();
  }

  public double max() {
    return Arrays.stream(values).max().orElseThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TimeSeries" + Arrays.toString(values);
  }
}
