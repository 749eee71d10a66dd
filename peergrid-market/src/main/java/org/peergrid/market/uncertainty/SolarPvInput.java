package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * PV power from a Beta-distributed irradiance (Atwa et al., IEEE Trans. Power Systems 25(1),
 * 2010): the irradiance is G = G_max·s with s ~ Beta(α, β) on [0, 1], and the PV curve is linear up
 * to the rated irradiance G_r and flat above it, P = P_r·min(G/G_r, 1) = P_r·min(ρ·s, 1) with
 * ρ = G_max/G_r ≥ 1. With ρ = 1 (the default) the power is P_r·s; with ρ &gt; 1 it has a point mass
 * P(s ≥ 1/ρ) at P_r.
 *
 * <p>The power's moments are exact up to rounding: E[Pⁿ] = P_rⁿ·(ρⁿ·E[sⁿ; s &lt; 1/ρ] + P(s ≥ 1/ρ))
 * with E[sⁿ; s &lt; x] = I_x(α + n, β)·∏_{r&lt;n}(α + r)/(α + β + r), I the regularized incomplete
 * beta function; central moments follow from the raw moments of P/P_r ∈ [0, 1].
 */
public final class SolarPvInput implements RandomInput {
  /** Default coefficient of variation σ/μ of the PV power around its day-ahead forecast. */
  public static final double DEFAULT_CV = 0.2;

  private final double ratedKw;
  private final double alpha;
  private final double beta;
  private final double irradianceRatio;
  private final Moments moments;

  /**
   * @param ratedKw P_r, the power at or above the rated irradiance
   * @param alpha Beta shape α &gt; 0
   * @param beta Beta shape β &gt; 0
   * @param irradianceRatio ρ = G_max/G_r ≥ 1
   */
  public SolarPvInput(double ratedKw, double alpha, double beta, double irradianceRatio) {
    if (!(ratedKw > 0) || !(alpha > 0) || !(beta > 0) || !(irradianceRatio >= 1)
        || !Double.isFinite(ratedKw * alpha * beta * irradianceRatio)) {
      throw new IllegalArgumentException("PV needs rated > 0, alpha > 0, beta > 0 and irradiance ratio >= 1, got "
          + ratedKw + ", " + alpha + ", " + beta + ", " + irradianceRatio);
    }
    this.ratedKw = ratedKw;
    this.alpha = alpha;
    this.beta = beta;
    this.irradianceRatio = irradianceRatio;
    this.moments = computeMoments();
  }

  /**
   * The input whose power has mean {@code forecastKw} and standard deviation cv·forecastKw, with
   * ρ = 1: s ~ Beta(α, β) with mean μ_s = forecast/P_r and variance v = (cv·μ_s)², so
   * α = μ_s·(μ_s(1 − μ_s)/v − 1) and β = (1 − μ_s)·(μ_s(1 − μ_s)/v − 1). A forecast of 0, P_r or a cv
   * of 0 gives a {@link FixedInput}.
   *
   * @throws IllegalArgumentException if the forecast is outside [0, P_r] or cv² ≥ (1 − μ_s)/μ_s (no
   *     Beta distribution has that spread)
   */
  public static RandomInput fitted(double forecastKw, double ratedKw, double cv) {
    if (!(ratedKw > 0) || !(forecastKw >= 0 && forecastKw <= ratedKw) || !(cv >= 0)) {
      throw new IllegalArgumentException("PV forecast must be in [0, rated] and cv >= 0, got forecast "
          + forecastKw + ", rated " + ratedKw + ", cv " + cv);
    }
    double m = forecastKw / ratedKw;
    if (m == 0 || m == 1 || cv == 0) {
      return new FixedInput(forecastKw);
    }
    double variance = cv * m * cv * m;
    double common = m * (1 - m) / variance - 1;
    if (!(common > 0)) {
      throw new IllegalArgumentException("no Beta distribution has mean " + forecastKw + " kW and cv " + cv
          + " for rated " + ratedKw + " kW: cv must be below " + Math.sqrt((1 - m) / m));
    }
    return new SolarPvInput(ratedKw, m * common, (1 - m) * common, 1);
  }

  /** {@link #fitted(double, double, double)} with cv = {@value #DEFAULT_CV}. */
  public static RandomInput fitted(double forecastKw, double ratedKw) {
    return fitted(forecastKw, ratedKw, DEFAULT_CV);
  }

  /** The PV curve: power at irradiance fraction s = G/G_max ∈ [0, 1]. */
  public double power(double irradianceFraction) {
    return ratedKw * Math.min(irradianceRatio * irradianceFraction, 1);
  }

  /** P(P = P_r) = 1 − I_{1/ρ}(α, β), zero for ρ = 1. */
  public double probabilityRated() {
    return irradianceRatio == 1 ? 0 : 1 - RegularizedBeta.value(1 / irradianceRatio, alpha, beta);
  }

  @Override
  public Moments moments() {
    return moments;
  }

  @Override
  public double sample(RandomGenerator rng) {
    return power(RandomVariates.beta(alpha, beta, rng));
  }

  public double ratedKw() {
    return ratedKw;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  public double irradianceRatio() {
    return irradianceRatio;
  }

  private Moments computeMoments() {
    double x = 1 / irradianceRatio;
    double massRated = probabilityRated();
    double[] raw = new double[5];
    double betaRatio = 1;
    for (int n = 1; n <= 4; n++) {
      betaRatio *= (alpha + n - 1) / (alpha + beta + n - 1);
      double partial = irradianceRatio == 1 ? 1 : RegularizedBeta.value(x, alpha + n, beta);
      raw[n] = Math.pow(irradianceRatio, n) * betaRatio * partial + massRated;
    }
    double mu = raw[1];
    double m2 = raw[2] - mu * mu;
    double m3 = raw[3] - 3 * mu * raw[2] + 2 * mu * mu * mu;
    double m4 = raw[4] - 4 * mu * raw[3] + 6 * mu * mu * raw[2] - 3 * mu * mu * mu * mu;
    Moments unit = Moments.fromCentral(mu, m2, m3, m4, 1);
    return new Moments(ratedKw * unit.mean(), ratedKw * unit.std(), unit.skewness(), unit.kurtosis());
  }

  @Override
  public String toString() {
    return "SolarPvInput[rated=" + ratedKw + " kW, Beta(" + alpha + ", " + beta + "), rho=" + irradianceRatio + "]";
  }
}
