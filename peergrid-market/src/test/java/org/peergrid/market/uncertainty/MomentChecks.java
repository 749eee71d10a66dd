package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an input's moments against a large seeded sample of it: the sample mean within five
 * standard errors σ/√n, and each sample central moment m_j (j = 2, 3, 4) within five standard
 * errors √((μ_2j − μ_j²)/n), μ the input's central moments (μ_2j estimated from the sample).
 */
final class MomentChecks {
  private MomentChecks() {}

  static void assertMatchesSample(RandomInput input, int n, long seed) {
    double[] x = new double[n];
    java.util.random.RandomGenerator rng = new java.util.SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      x[i] = input.sample(rng);
    }
    Moments m = input.moments();
    double sampleMean = 0;
    for (double v : x) {
      sampleMean += v;
    }
    sampleMean /= n;
    assertThat(Math.abs(sampleMean - m.mean())).as("mean of " + input).isLessThanOrEqualTo(5 * m.std() / Math.sqrt(n));
    double[] central = new double[9];
    for (double v : x) {
      double d = v - m.mean();
      double p = 1;
      for (int j = 1; j <= 8; j++) {
        p *= d;
        central[j] += p / n;
      }
    }
    double s = m.std();
    double[] exact = {1, 0, s * s, m.skewness() * s * s * s, m.kurtosis() * s * s * s * s};
    for (int j = 2; j <= 4; j++) {
      double se = Math.sqrt((central[2 * j] - exact[j] * exact[j]) / n);
      assertThat(Math.abs(central[j] - exact[j])).as("central moment " + j + " of " + input).isLessThanOrEqualTo(5 * se);
    }
  }
}
