package org.peergrid.market.dispatch;

import java.util.Arrays;

/**
 * A value per interval and bus, buses by the network's internal index (0 = root). Immutable: the
 * arrays are copied in.
 */
public record BusSeries(double[][] values) {

  public BusSeries {
    values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
  }

  public double get(int t, int k) {
    return values[t][k];
  }

  public int intervals() {
    return values.length;
  }

  public int buses() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /** The smallest value over all intervals and buses. */
  public double min() {
    return Arrays.stream(values).flatMapToDouble(Arrays::stream).min().orElse(Double.NaN);
  }

  /** The largest value over all intervals and buses. */
  public double max() {
    return Arrays.stream(values).flatMapToDouble(Arrays::stream).max().orElse(Double.NaN);
  }

  @Override
  public double[][] values() {
    return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusSeries other && Arrays.deepEquals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return "BusSeries" + Arrays.deepToString(values);
  }
}
