package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;

/**
 * A load forecast error: the load is normal N(μ, σ) with μ the forecast and σ = cv·μ. The normal
 * variable is unbounded; with the default cv of {@value #DEFAULT_CV} a negative draw has probability
 * about 1e-23.
 */
public final class LoadInput implements RandomInput {
  /** Default coefficient of variation σ/μ of a day-ahead load forecast. */
  public static final double DEFAULT_CV = 0.1;

  private final Moments moments;

  /** N(mean, std). */
  public LoadInput(double meanKw, double stdKw) {
    this.moments = Moments.normal(meanKw, stdKw);
  }

  /** N(forecast, cv·forecast). */
  public static LoadInput forecast(double forecastKw, double cv) {
    if (!(cv >= 0)) {
      throw new IllegalArgumentException("cv must be >= 0, got " + cv);
    }
    return new LoadInput(forecastKw, cv * Math.abs(forecastKw));
  }

  /** N(forecast, {@value #DEFAULT_CV}·forecast). */
  public static LoadInput forecast(double forecastKw) {
    return forecast(forecastKw, DEFAULT_CV);
  }

  @Override
  public Moments moments() {
    return moments;
  }

  @Override
  public double sample(RandomGenerator rng) {
    return moments.mean() + moments.std() * rng.nextGaussian();
  }

  @Override
  public String toString() {
    return "LoadInput[N(" + moments.mean() + ", " + moments.std() + ")]";
  }
}
