package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * A Weibull(k, c) wind speed [m/s], the shared input behind every turbine of a feeder when the
 * weather is common (docs/uncertainty.md). Its raw moments are E[Vⁿ] = cⁿ·Γ(1 + n/k) (Johnson, Kotz
 * and Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., 1994, ch. 21), and the
 * central moments follow from them.
 */
public final class WindSpeedInput implements RandomInput {
  private final double shape;
  private final double scale;
  private final Moments moments;

  /**
   * @param shape Weibull k &gt; 0
   * @param scale Weibull c &gt; 0 [m/s]
   */
  public WindSpeedInput(double shape, double scale) {
    if (!(shape > 0 && Double.isFinite(shape)) || !(scale > 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("Weibull needs shape > 0 and scale > 0, got " + shape + ", " + scale);
    }
    this.shape = shape;
    this.scale = scale;
    double[] raw = new double[5];
    for (int n = 1; n <= 4; n++) {
      raw[n] = Math.exp(LogGamma.value(1 + n / shape));
    }
    double mu = raw[1];
    double m2 = raw[2] - mu * mu;
    double m3 = raw[3] - 3 * mu * raw[2] + 2 * mu * mu * mu;
    double m4 = raw[4] - 4 * mu * raw[3] + 6 * mu * mu * raw[2] - 3 * mu * mu * mu * mu;
    Moments unit = Moments.fromCentral(mu, m2, m3, m4, 1);
    this.moments = new Moments(scale * unit.mean(), scale * unit.std(), unit.skewness(), unit.kurtosis());
  }

  @Override
  public Moments moments() {
    return moments;
  }

  @Override
  public double sample(RandomGenerator rng) {
    return RandomVariates.weibull(shape, scale, rng);
  }

  public double shape() {
    return shape;
  }

  public double scale() {
    return scale;
  }

  @Override
  public String toString() {
    return "WindSpeedInput[Weibull(k=" + shape + ", c=" + scale + ")]";
  }
}
