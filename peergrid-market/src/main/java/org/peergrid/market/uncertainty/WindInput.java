package org.peergrid.market.uncertainty;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Wind power from a Weibull(k, c) wind speed through a {@link WindTurbineCurve} (Atwa et al., IEEE
 * Trans. Power Systems 25(1), 2010).
 *
 * <p>The power has point masses at 0, P(P = 0) = F(v_ci) + 1 − F(v_co), and at P_r,
 * P(P = P_r) = F(v_co) − F(v_r), with F(v) = 1 − exp(−(v/c)^k), and a continuous part on the linear
 * segment. E[g(P)] is the point masses plus the integral of g(P(v))·f(v) over [v_ci, v_r] by
 * composite Gauss–Legendre quadrature ({@value #PANELS} panels × {@value #NODES} nodes), cut at the
 * speed c·40^{1/k} beyond which the Weibull tail holds less than e^{−40} of the probability. The
 * mean is computed first and the central moments then integrate (P − μ)^j directly.
 */
public final class WindInput implements RandomInput {
  /** Default Weibull shape k (the Rayleigh distribution). */
  public static final double DEFAULT_SHAPE = 2;

  static final int PANELS = 48;
  static final int NODES = 16;
  private static final GaussLegendre RULE = new GaussLegendre(NODES);
  private static final double TAIL_EXPONENT = 40;

  private final double shape;
  private final double scale;
  private final WindTurbineCurve curve;
  private final Moments moments;

  /**
   * @param shape Weibull k &gt; 0
   * @param scale Weibull c &gt; 0 [m/s]
   */
  public WindInput(double shape, double scale, WindTurbineCurve curve) {
    if (!(shape > 0 && Double.isFinite(shape)) || !(scale > 0 && Double.isFinite(scale)) || curve == null) {
      throw new IllegalArgumentException("Weibull needs shape > 0 and scale > 0, got " + shape + ", " + scale);
    }
    this.shape = shape;
    this.scale = scale;
    this.curve = curve;
    double mean = expectation(p -> p);
    double m2 = expectation(p -> Math.pow(p - mean, 2));
    double m3 = expectation(p -> Math.pow(p - mean, 3));
    double m4 = expectation(p -> Math.pow(p - mean, 4));
    this.moments = Moments.fromCentral(mean, m2, m3, m4, curve.ratedKw());
  }

  /**
   * The input with shape k whose mean power equals {@code forecastKw}; c is found by
   * {@link WeibullScaleFit}. A forecast of 0 gives a {@link FixedInput}.
   *
   * @throws IllegalArgumentException if no c reaches the forecast (it exceeds the largest mean power
   *     that a Weibull speed with this k can give through the curve)
   */
  public static RandomInput fitted(double forecastKw, WindTurbineCurve curve, double shape) {
    if (!(forecastKw >= 0)) {
      throw new IllegalArgumentException("wind forecast must be >= 0, got " + forecastKw);
    }
    if (forecastKw == 0) {
      return new FixedInput(0);
    }
    return new WindInput(shape, WeibullScaleFit.scaleForMeanPower(forecastKw, curve, shape), curve);
  }

  /** {@link #fitted(double, WindTurbineCurve, double)} with k = {@value #DEFAULT_SHAPE}. */
  public static RandomInput fitted(double forecastKw, WindTurbineCurve curve) {
    return fitted(forecastKw, curve, DEFAULT_SHAPE);
  }

  /** E[g(P)], the point masses plus the quadrature of the linear segment. */
  double expectation(DoubleUnaryOperator g) {
    return expectation(g, shape, scale, curve);
  }

  static double expectation(DoubleUnaryOperator g, double shape, double scale, WindTurbineCurve curve) {
    double zero = cdf(curve.cutIn(), shape, scale) + 1 - cdf(curve.cutOut(), shape, scale);
    double full = cdf(curve.cutOut(), shape, scale) - cdf(curve.rated(), shape, scale);
    double sum = zero * g.applyAsDouble(0) + full * g.applyAsDouble(curve.ratedKw());
    double upper = Math.min(curve.rated(), scale * Math.pow(TAIL_EXPONENT, 1 / shape));
    if (upper > curve.cutIn()) {
      sum += RULE.integrate(v -> g.applyAsDouble(curve.power(v)) * pdf(v, shape, scale), curve.cutIn(), upper, PANELS);
    }
    return sum;
  }

  /** P(P = 0). */
  public double probabilityZero() {
    return cdf(curve.cutIn(), shape, scale) + 1 - cdf(curve.cutOut(), shape, scale);
  }

  /** P(P = P_r). */
  public double probabilityRated() {
    return cdf(curve.cutOut(), shape, scale) - cdf(curve.rated(), shape, scale);
  }

  static double cdf(double v, double shape, double scale) {
    return -Math.expm1(-Math.pow(v / scale, shape));
  }

  static double pdf(double v, double shape, double scale) {
    double x = v / scale;
    return shape / scale * Math.pow(x, shape - 1) * Math.exp(-Math.pow(x, shape));
  }

  /** The turbine curve: power at wind speed v. */
  public double power(double speed) {
    return curve.power(speed);
  }

  @Override
  public Moments moments() {
    return moments;
  }

  @Override
  public double sample(RandomGenerator rng) {
    return curve.power(RandomVariates.weibull(shape, scale, rng));
  }

  public double shape() {
    return shape;
  }

  public double scale() {
    return scale;
  }

  public WindTurbineCurve curve() {
    return curve;
  }

  @Override
  public String toString() {
    return "WindInput[Weibull(k=" + shape + ", c=" + scale + "), " + curve + "]";
  }
}
