package org.peergrid.market.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hong's point estimate method (H. P. Hong, "An efficient point estimate method for probabilistic
 * analysis", Reliability Engineering &amp; System Safety 59(3), 1998) in the 2m and 2m+1 schemes of
 * Morales and Pérez-Ruiz ("Point estimate schemes to solve the probabilistic power flow", IEEE
 * Trans. Power Systems 22(4), 2007, doi:10.1109/TPWRS.2007.907515).
 *
 * <p>For each random input k with mean μ_k, standard deviation σ_k, skewness λ_{k,3} and raw
 * kurtosis λ_{k,4}, the model is evaluated at x_{k,i} = μ_k + ξ_{k,i}·σ_k with every other input at
 * its mean, and E[Y^j] ≈ Σ_k Σ_i w_{k,i}·Y(x_{k,i})^j. With m random inputs:
 *
 * <ul>
 *   <li>2m: ξ_{k,1,2} = λ_{k,3}/2 ± √(m + (λ_{k,3}/2)²), w_{k,1} = −ξ_{k,2}/(m(ξ_{k,1} − ξ_{k,2})),
 *       w_{k,2} = ξ_{k,1}/(m(ξ_{k,1} − ξ_{k,2})); 2m evaluations.
 *   <li>2m+1: ξ_{k,1,2} = λ_{k,3}/2 ± √(λ_{k,4} − 3λ_{k,3}²/4), ξ_{k,3} = 0,
 *       w_{k,1} = 1/(ξ_{k,1}(ξ_{k,1} − ξ_{k,2})), w_{k,2} = −1/(ξ_{k,2}(ξ_{k,1} − ξ_{k,2})),
 *       w_{k,3} = 1/m − 1/(λ_{k,4} − λ_{k,3}²). The m points ξ_{k,3} = 0 coincide (all inputs at
 *       their means), so they are evaluated once with weight Σ_k w_{k,3}: 2m + 1 evaluations.
 * </ul>
 *
 * <p>Inputs with σ = 0 are held at their value and are not counted in m: they cost no evaluations.
 * With no random input at all the model is evaluated once, at the means. For 2m+1 the root
 * √(λ4 − 3λ3²/4) is real for every distribution, since Pearson's inequality λ4 ≥ λ3² + 1 (checked by
 * {@link Moments}) gives λ4 − 3λ3²/4 ≥ 1 + λ3²/4. Both schemes give the exact mean and standard
 * deviation of a model linear in its inputs; 2m+1 also matches the fourth moment of each input and
 * is exact for a quadratic in one normal input. The 2m points lie √m standard deviations from the
 * mean, so for many inputs they can leave the inputs' support (e.g. a negative PV power): the
 * model must accept that, or use 2m+1, whose points do not move with m.
 *
 * <p>Inputs are assumed independent. The model runs in parallel and must be thread-safe; results
 * are summed in point order, so they do not depend on the number of threads. A model that returns
 * {@code null} at a point (it cannot be evaluated there, e.g. an infeasible market day) makes every
 * statistic NaN: the weights are a quadrature rule, and dropping a point would bias the estimate by
 * an unknown amount. {@link UncertaintyResult#failedEvaluations()} counts such points.
 */
public final class PointEstimateMethod {

  /** The point estimate scheme. */
  public enum Scheme {
    /** Two points per random input. */
    TWO_M,
    /** Two points per random input plus one shared point at the means. */
    TWO_M_PLUS_ONE
  }

  private final Scheme scheme;
  private final ParallelEvaluator evaluator;

  public PointEstimateMethod(Scheme scheme, ParallelEvaluator evaluator) {
    if (scheme == null || evaluator == null) {
      throw new IllegalArgumentException("scheme and evaluator are required");
    }
    this.scheme = scheme;
    this.evaluator = evaluator;
  }

  /** Evaluations on all cores. */
  public PointEstimateMethod(Scheme scheme) {
    this(scheme, ParallelEvaluator.allCores());
  }

  public Scheme scheme() {
    return scheme;
  }

  public UncertaintyResult estimate(List<? extends RandomInput> inputs, Function<double[], double[]> model) {
    return estimate(inputs, model, ProgressListener.NONE);
  }

  public UncertaintyResult estimate(
      List<? extends RandomInput> inputs, Function<double[], double[]> model, ProgressListener progress) {
    return estimateFromMoments(inputs.stream().map(RandomInput::moments).toList(), model, progress);
  }

  /** As {@link #estimate} but from the inputs' moments alone. */
  public UncertaintyResult estimateFromMoments(
      List<Moments> inputs, Function<double[], double[]> model, ProgressListener listener) {
    EstimationPoints points = points(inputs);
    Progress progress = new Progress(listener, points.size());
    List<double[]> outputs = evaluator.map(points.size(), i -> {
      double[] y = model.apply(points.point(i));
      progress.add(1);
      return y;
    });
    return combine(points, outputs);
  }

  /** The points and weights of this scheme for the given inputs. */
  public EstimationPoints points(List<Moments> inputs) {
    double[] means = inputs.stream().mapToDouble(Moments::mean).toArray();
    List<Integer> random = new ArrayList<>();
    for (int k = 0; k < inputs.size(); k++) {
      if (inputs.get(k).std() > 0) {
        random.add(k);
      }
    }
    int m = random.size();
    List<double[]> points = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (m == 0 || scheme == Scheme.TWO_M_PLUS_ONE) {
      points.add(means.clone());
      weights.add(m == 0 ? 1.0 : centralWeight(inputs, random));
    }
    for (int k : random) {
      Moments input = inputs.get(k);
      double[] xi = locations(input, m);
      double[] w = weights(input, xi, m);
      for (int i = 0; i < 2; i++) {
        double[] point = means.clone();
        point[k] = input.mean() + xi[i] * input.std();
        points.add(point);
        weights.add(w[i]);
      }
    }
    return new EstimationPoints(points.toArray(double[][]::new), weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private double[] locations(Moments input, int m) {
    double half = input.skewness() / 2;
    double spread = scheme == Scheme.TWO_M
        ? m + half * half
        : input.kurtosis() - 3 * half * half;
    if (!(spread > 0)) {
      throw new IllegalArgumentException("kurtosis " + input.kurtosis() + " and skewness " + input.skewness()
          + " give no real 2m+1 locations (kurtosis - 3 skewness^2/4 <= 0)");
    }
    double root = Math.sqrt(spread);
    return new double[] {half + root, half - root};
  }

  private double[] weights(Moments input, double[] xi, int m) {
    double gap = xi[0] - xi[1];
    if (scheme == Scheme.TWO_M) {
      return new double[] {-xi[1] / (m * gap), xi[0] / (m * gap)};
    }
    return new double[] {1 / (xi[0] * gap), -1 / (xi[1] * gap)};
  }

  private static double centralWeight(List<Moments> inputs, List<Integer> random) {
    double w = 0;
    for (int k : random) {
      Moments input = inputs.get(k);
      w += 1.0 / random.size() - 1 / (input.kurtosis() - input.skewness() * input.skewness());
    }
    return w;
  }

  private static UncertaintyResult combine(EstimationPoints points, List<double[]> outputs) {
    int failed = (int) outputs.stream().filter(y -> y == null).count();
    int n = outputs.stream().filter(y -> y != null).findFirst().map(y -> y.length).orElse(0);
    for (double[] y : outputs) {
      if (y != null && y.length != n) {
        throw new IllegalArgumentException("the model returned outputs of different lengths: " + n + " and " + y.length);
      }
    }
    List<OutputStatistics> stats = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      if (failed > 0) {
        stats.add(new OutputStatistics(Double.NaN, Double.NaN));
        continue;
      }
      double mean = 0;
      for (int i = 0; i < points.size(); i++) {
        mean += points.weight(i) * outputs.get(i)[j];
      }
      double variance = 0;
      for (int i = 0; i < points.size(); i++) {
        double d = outputs.get(i)[j] - mean;
        variance += points.weight(i) * d * d;
      }
      stats.add(new OutputStatistics(mean, variance));
    }
    return new UncertaintyResult(stats, points.size(), failed);
  }
}
