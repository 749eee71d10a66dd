package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.bargaining.BargainingAssertions.DELTA_EXACT;
import static org.peergrid.market.bargaining.BargainingAssertions.assertPayoffs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.market.bargaining.KalaiSmorodinskySolver.IdealPoint;

class KalaiSmorodinskySolverTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  /**
   * Two players, d = (1, 2), v(N) = 10, player 0 capped at x₀ ≤ 4. Surplus S = 7.
   *
   * <p>Ideal gains capped by the bounds: u*₀ = min(4, 10 − 2) − 1 = 3 and u*₁ = min(∞, 10 − 1) − 2
   * = 7. The KS point is on x₀ + x₁ = 10 with (x₀ − 1)/3 = (x₁ − 2)/7 = t, so 10t = 7, t = 0.7
   * and x = (1 + 2.1, 2 + 4.9) = (3.1, 6.9). (The Nash solution with equal weights would give
   * (4.5, 5.5), capped to (4, 6): the two solutions differ.)
   */
  @Test
  void twoPlayerCappedIdealByHand() {
    BargainingProblem p = BargainingProblem.of(new double[] {1, 2}, 10)
        .withBounds(new double[] {-INF, -INF}, new double[] {4, INF});
    assertThat(KalaiSmorodinskySolver.idealGains(p, IdealPoint.CAPPED_BY_BOUNDS))
        .containsExactly(new double[] {3, 7}, within(DELTA_EXACT));
    assertPayoffs(new KalaiSmorodinskySolver().solve(p), DELTA_EXACT, 3.1, 6.9);
    assertPayoffs(new NashBargainingSolver().solve(p), DELTA_EXACT, 4, 6);
  }

  /**
   * Same problem, ideal = the whole surplus (7, 7): equal gains 3.5 each would put x₀ = 4.5 above
   * its cap, so player 0 is frozen at 4 and player 1 takes the rest, 6.
   */
  @Test
  void wholeSurplusIdealFreezesCappedPlayerAndContinues() {
    BargainingProblem p = BargainingProblem.of(new double[] {1, 2}, 10)
        .withBounds(new double[] {-INF, -INF}, new double[] {4, INF});
    assertPayoffs(new KalaiSmorodinskySolver(IdealPoint.WHOLE_SURPLUS).solve(p), DELTA_EXACT, 4, 6);
  }

  /** Unbounded, the KS ideal is S for everyone and KS is the equal-gain split. */
  @Test
  void withoutBoundsKsSplitsGainsEqually() {
    BargainingProblem p = BargainingProblem.of(new double[] {2, 1, 0}, 30);
    assertPayoffs(new KalaiSmorodinskySolver().solve(p), DELTA_EXACT, 11, 10, 9);
  }

  /**
   * Three players, d = 0, v = 12, hi = (2, 5, ∞). Capped ideals: (2, 5, 12). Ray: 19t = 12 gives
   * t = 12/19 and x = (24/19, 60/19, 144/19), all within the caps.
   */
  @Test
  void threePlayersProportionalToCappedIdeals() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0, 0}, 12)
        .withBounds(new double[] {-INF, -INF, -INF}, new double[] {2, 5, INF});
    assertPayoffs(new KalaiSmorodinskySolver().solve(p), DELTA_EXACT, 24.0 / 19, 60.0 / 19,
        144.0 / 19);
  }

  /**
   * The Churkin core case: with the whole surplus as ideal, KS gives equal gains 3.5/3, which
   * violate x₂ + x₃ ≥ 4 (3.833); the path cannot satisfy the core.
   */
  @Test
  void reportsWhenThePathLeavesTheCore() {
    BargainingResult r = new KalaiSmorodinskySolver(IdealPoint.WHOLE_SURPLUS)
        .solve(ChurkinNashBargainingTest.churkinCore());
    assertThat(r.status()).isEqualTo(BargainingStatus.PATH_LEAVES_CORE);
    assertThat(r.payoffs()).isEmpty();
  }

  @Test
  void coreSatisfiedOnThePathIsSolved() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 10)
        .withCoalitions(List.of(CoalitionConstraint.of(4, 1)));
    assertPayoffs(new KalaiSmorodinskySolver().solve(p), DELTA_EXACT, 5, 5);
  }

  @Test
  void negativeSurplusIsNotIndividuallyRational() {
    BargainingResult r = new KalaiSmorodinskySolver()
        .solve(BargainingProblem.of(new double[] {3, 4}, 6));
    assertThat(r.status()).isEqualTo(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL);
  }
}
