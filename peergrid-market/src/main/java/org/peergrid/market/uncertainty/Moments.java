package org.peergrid.market.uncertainty;

/**
 * The first four moments of a random variable, in the form the point estimate method uses.
 *
 * @param mean μ
 * @param std σ ≥ 0
 * @param skewness λ3 = E[(X−μ)³]/σ³
 * @param kurtosis λ4 = E[(X−μ)⁴]/σ⁴, the raw (Pearson) kurtosis: 3 for a normal variable, not the
 *     excess kurtosis
 */
public record Moments(double mean, double std, double skewness, double kurtosis) {
  /** Relative slack for Pearson's inequality λ4 ≥ λ3² + 1, for moments computed in floating point. */
  private static final double PEARSON_SLACK = 1e-9;

  public Moments {
    if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0) {
      throw new IllegalArgumentException("mean must be finite and std finite and >= 0, got " + mean + ", " + std);
    }
    if (!Double.isFinite(skewness) || !Double.isFinite(kurtosis)) {
      throw new IllegalArgumentException("skewness and kurtosis must be finite");
    }
    if (std > 0 && kurtosis < (skewness * skewness + 1) * (1 - PEARSON_SLACK)) {
      throw new IllegalArgumentException("kurtosis " + kurtosis + " violates Pearson's inequality "
          + "kurtosis >= skewness^2 + 1 (skewness " + skewness + "); kurtosis is the raw, not the excess, kurtosis");
    }
  }

  /** A constant: σ = 0, with the conventional (and unused) shape values λ3 = 0 and λ4 = 3. */
  public static Moments constant(double value) {
    return new Moments(value, 0, 0, 3);
  }

  /** Moments of a normal variable N(μ, σ). */
  public static Moments normal(double mean, double std) {
    return new Moments(mean, std, 0, 3);
  }

  /**
   * From the mean and the central moments E[(X−μ)^j], j = 2, 3, 4. A variance at or below 1e-14 of
   * the scale² (rounding noise) gives a constant.
   *
   * @param scale a typical magnitude of the variable (e.g. its range), to judge rounding noise
   */
  static Moments fromCentral(double mean, double m2, double m3, double m4, double scale) {
    if (m2 <= 1e-14 * scale * scale) {
      return constant(mean);
    }
    return new Moments(mean, Math.sqrt(m2), m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
  }

  /** λ4 − 3, zero for a normal variable. */
  public double excessKurtosis() {
    return kurtosis - 3;
  }

  public double variance() {
    return std * std;
  }
}
