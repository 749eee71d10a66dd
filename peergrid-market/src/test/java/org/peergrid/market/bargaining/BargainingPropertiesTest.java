package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.bargaining.BargainingAssertions.assertKkt;
import static org.peergrid.market.bargaining.BargainingAssertions.assertSolved;
import static org.peergrid.market.bargaining.RandomBargainingProblems.generate;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of both solvers on seeded random instances (see {@link RandomBargainingProblems}):
 * budget balance, individual rationality, bounds and core, symmetry, Pareto optimality, and for
 * Nash the KKT conditions and agreement of the interior-point solve with the exact water-filling.
 */
class BargainingPropertiesTest {
  /** Absolute payoff tolerance; payoffs are O(100). */
  private static final double DELTA = 1e-8;

  private final NashBargainingSolver nash = new NashBargainingSolver();
  private final KalaiSmorodinskySolver ks = new KalaiSmorodinskySolver();

  static java.util.stream.LongStream seeds() {
    return RandomBargainingProblems.seeds();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nashWithBoundsIsFeasibleRationalParetoAndKkt(long seed) {
    BargainingProblem p = generate(seed, true, false, false);
    BargainingResult r = nash.solve(p);
    assertFeasibleRationalPareto(p, assertSolved(r));
    assertKkt(p, r);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nashWithCoreIsFeasibleRationalParetoAndKkt(long seed) {
    BargainingProblem p = generate(seed, true, true, false);
    BargainingResult r = nash.solve(p);
    assertFeasibleRationalPareto(p, assertSolved(r));
    assertKkt(p, r);
    assertNoFeasiblePairwiseTransferRaisesNashProduct(p, r.payoffs());
  }

  /** A core constraint that never binds forces the interior-point path; compare with the exact. */
  @ParameterizedTest
  @MethodSource("seeds")
  void interiorPointAgreesWithWaterFilling(long seed) {
    BargainingProblem box = generate(seed, true, false, false);
    BargainingProblem viaBarrier =
        box.withCoalitions(List.of(CoalitionConstraint.of(-1e6, 0)));
    BargainingResult barrier = nash.solve(viaBarrier);
    assertThat(barrier.iterations()).isPositive();
    assertThat(assertSolved(barrier))
        .containsExactly(assertSolved(nash.solve(box)), within(DELTA));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void identicalPlayersGetIdenticalPayoffs(long seed) {
    BargainingProblem box = generate(seed, true, false, true);
    BargainingProblem core = generate(seed, true, true, true);
    for (BargainingResult r : List.of(nash.solve(box), nash.solve(core), ks.solve(box))) {
      double[] x = assertSolved(r);
      assertThat(x[1]).isCloseTo(x[0], within(DELTA));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void ksWithBoundsIsFeasibleRationalParetoAndLexicographic(long seed) {
    BargainingProblem p = generate(seed, true, false, false);
    double[] x = assertSolved(ks.solve(p));
    assertFeasibleRationalPareto(p, x);
    double[] u = KalaiSmorodinskySolver.idealGains(p, KalaiSmorodinskySolver.IdealPoint.CAPPED_BY_BOUNDS);
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    double level = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      boolean atBound = Math.abs(x[i] - lo[i]) <= DELTA || Math.abs(x[i] - hi[i]) <= DELTA;
      if (!atBound && u[i] > 0) {
        double ratio = (x[i] - d[i]) / u[i];
        if (Double.isNaN(level)) {
          level = ratio;
        }
        assertThat(ratio).as("equal relative gains off the bounds").isCloseTo(level, within(DELTA));
      }
    }
    for (int i = 0; i < x.length && !Double.isNaN(level); i++) {
      if (Math.abs(x[i] - hi[i]) <= DELTA && u[i] > 0) {
        assertThat((x[i] - d[i]) / u[i]).as("capped players are below the level")
            .isLessThanOrEqualTo(level + DELTA);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void ksWithCoreEitherSolvesOrShowsTheBoxPathViolatesTheCore(long seed) {
    BargainingProblem p = generate(seed, true, true, false);
    BargainingResult r = ks.solve(p);
    if (r.isSolved()) {
      assertFeasibleRationalPareto(p, r.payoffs());
    } else {
      assertThat(r.status()).isEqualTo(BargainingStatus.PATH_LEAVES_CORE);
      double[] boxOnly = assertSolved(ks.solve(p.withCoalitions(List.of())));
      assertThat(p.coalitions()).anyMatch(c -> c.sum(boxOnly) < c.value());
    }
  }

  static void assertFeasibleRationalPareto(BargainingProblem p, double[] x) {
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    double sum = Arrays.stream(x).sum();
    assertThat(sum).as("budget balance").isCloseTo(p.totalValue(), within(DELTA));
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as("individual rationality of %d", i).isGreaterThanOrEqualTo(d[i] - DELTA);
      assertThat(x[i]).as("bounds of %d", i).isBetween(lo[i] - DELTA, hi[i] + DELTA);
      // Pareto: the most i could get with everyone else kept at their payoff is x_i itself.
      double best = Math.min(hi[i], p.totalValue() - (sum - x[i]));
      assertThat(best - x[i]).as("Pareto improvement for %d", i).isLessThanOrEqualTo(DELTA);
    }
    for (CoalitionConstraint c : p.coalitions()) {
      assertThat(c.sum(x)).as("core " + c).isGreaterThanOrEqualTo(c.value() - DELTA);
    }
  }

  /** Moving ε from j to i, where feasible, never raises Σ w ln(x − d) (the optimality oracle). */
  private static void assertNoFeasiblePairwiseTransferRaisesNashProduct(
      BargainingProblem p, double[] x) {
    double eps = 1e-4;
    double best = nashWelfare(p, x);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        if (i == j) {
          continue;
        }
        double[] y = x.clone();
        y[i] += eps;
        y[j] -= eps;
        if (feasible(p, y)) {
          assertThat(nashWelfare(p, y)).as("transfer %d→%d", j, i).isLessThanOrEqualTo(best);
        }
      }
    }
  }

  private static boolean feasible(BargainingProblem p, double[] y) {
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    for (int i = 0; i < y.length; i++) {
      if (y[i] <= d[i] || y[i] < lo[i] || y[i] > hi[i]) {
        return false;
      }
    }
    return p.coalitions().stream().allMatch(c -> c.sum(y) >= c.value());
  }

  private static double nashWelfare(BargainingProblem p, double[] x) {
    double[] d = p.disagreement();
    double[] w = p.weights();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * Math.log(x[i] - d[i]);
    }
    return s;
  }
}
