package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.bargaining.BargainingAssertions.DELTA_EXACT;
import static org.peergrid.market.bargaining.BargainingAssertions.DELTA_PAYOFF;
import static org.peergrid.market.bargaining.BargainingAssertions.assertKkt;
import static org.peergrid.market.bargaining.BargainingAssertions.assertPayoffs;

import java.util.List;
import org.junit.jupiter.api.Test;

class NashBargainingSolverTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private final NashBargainingSolver solver = new NashBargainingSolver();

  @Test
  void weightsSplitTheSurplusProportionally() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0, 0}, 12)
        .withWeights(new double[] {1, 2, 3});
    assertPayoffs(solver.solve(p), DELTA_EXACT, 2, 4, 6);
  }

  /** Equal split 10/3 would exceed x₀ ≤ 2; water-filling gives (2, 4, 4), λ = 1/4, μ⁺₀ = 1/4. */
  @Test
  void upperBoundBindsAndOthersShareTheRest() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0, 0}, 10)
        .withBounds(new double[] {-INF, -INF, -INF}, new double[] {2, INF, INF});
    BargainingResult r = solver.solve(p);
    assertPayoffs(r, DELTA_EXACT, 2, 4, 4);
    assertKkt(p, r);
    KktMultipliers m = r.multipliers().orElseThrow();
    assertThat(m.budget()).isCloseTo(0.25, within(DELTA_EXACT));
    assertThat(m.upper()).containsExactly(new double[] {0.25, 0, 0}, within(DELTA_EXACT));
  }

  /** Equal split 3 is below x₀ ≥ 5; so (5, 2, 2), λ = 1/2, μ⁻₀ = 1/2 − 1/5. */
  @Test
  void lowerBoundBinds() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0, 0}, 9)
        .withBounds(new double[] {5, -INF, -INF}, new double[] {INF, INF, INF});
    BargainingResult r = solver.solve(p);
    assertPayoffs(r, DELTA_EXACT, 5, 2, 2);
    assertThat(r.multipliers().orElseThrow().lower())
        .containsExactly(new double[] {0.3, 0, 0}, within(DELTA_EXACT));
  }

  @Test
  void boundsThatCannotHoldTheBudgetAreInfeasible() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 10)
        .withBounds(new double[] {-INF, -INF}, new double[] {3, 3});
    assertThat(solver.solve(p).status()).isEqualTo(BargainingStatus.INFEASIBLE);
  }

  @Test
  void negativeSurplusIsNotIndividuallyRational() {
    BargainingResult r = solver.solve(BargainingProblem.of(new double[] {3, 4}, 6));
    assertThat(r.status()).isEqualTo(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL);
    assertThat(r.payoffs()).isEmpty();
    assertThat(r.message()).contains("-1.0");
  }

  @Test
  void capBelowDisagreementIsNotIndividuallyRational() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 1)
        .withBounds(new double[] {-INF, -INF}, new double[] {-1, INF});
    assertThat(solver.solve(p).status()).isEqualTo(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL);
  }

  @Test
  void coreForcingALossIsNotIndividuallyRational() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 10)
        .withCoalitions(List.of(CoalitionConstraint.of(11, 0)));
    assertThat(solver.solve(p).status()).isEqualTo(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL);
  }

  @Test
  void emptyCoreIsInfeasible() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 10)
        .withCoalitions(List.of(CoalitionConstraint.of(6, 0), CoalitionConstraint.of(6, 1)));
    assertThat(solver.solve(p).status()).isEqualTo(BargainingStatus.INFEASIBLE);
  }

  @Test
  void coreLeavingAPlayerNoGainIsDegenerate() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0, 0}, 10)
        .withCoalitions(List.of(CoalitionConstraint.of(10, 0, 1)));
    assertThat(solver.solve(p).status()).isEqualTo(BargainingStatus.DEGENERATE);
  }

  @Test
  void zeroSurplusKeepsTheDisagreementPoint() {
    BargainingProblem p = BargainingProblem.of(new double[] {1, 2}, 3)
        .withCoalitions(List.of(CoalitionConstraint.of(1, 0)));
    assertPayoffs(solver.solve(p), DELTA_EXACT, 1, 2);
  }

  /** Weighted core case: weights (2, 1, 1) on the Churkin core instance. */
  @Test
  void weightedCoreSolutionSatisfiesKkt() {
    BargainingProblem p = ChurkinNashBargainingTest.churkinCore().withWeights(new double[] {2, 1, 1});
    BargainingResult r = solver.solve(p);
    // Unconstrained: d + 3.5·(1/2, 1/4, 1/4) = (3.75, 1.875, 1.375) violates x₂ + x₃ ≥ 4, so again
    // x₁ = 3 and players 2, 3 (equal weights) share 2.5 equally.
    assertPayoffs(r, DELTA_PAYOFF, 3, 2.25, 1.75);
    assertKkt(p, r);
  }

  @Test
  void aTightIterationLimitIsReportedNotHidden() {
    BargainingResult r = new NashBargainingSolver(1e-11, 3)
        .solve(ChurkinNashBargainingTest.churkinCore());
    assertThat(r.status()).isEqualTo(BargainingStatus.MAX_ITERATIONS);
    assertThat(r.payoffs()).isEmpty();
  }
}
