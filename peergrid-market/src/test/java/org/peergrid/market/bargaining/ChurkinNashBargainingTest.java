package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.bargaining.BargainingAssertions.DELTA_PAYOFF;
import static org.peergrid.market.bargaining.BargainingAssertions.assertKkt;
import static org.peergrid.market.bargaining.BargainingAssertions.assertPayoffs;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Nash bargaining test cases published by Churkin et al. with the ForecastVal-E code
 * (x_i are payoffs including the disagreement payoff d_i; equal bargaining powers).
 */
class ChurkinNashBargainingTest {
  private final NashBargainingSolver solver = new NashBargainingSolver();

  @Test
  void twoPlayersFromZeroSplitEqually() {
    BargainingProblem p = BargainingProblem.of(new double[] {0, 0}, 10);
    assertPayoffs(solver.solve(p), DELTA_PAYOFF, 5, 5);
  }

  @Test
  void twoPlayersSplitSurplusAboveDisagreement() {
    BargainingProblem p = BargainingProblem.of(new double[] {2, 1}, 10);
    assertPayoffs(solver.solve(p), DELTA_PAYOFF, 5.5, 4.5);
  }

  @Test
  void threePlayersSplitSurplusEqually() {
    BargainingProblem p = BargainingProblem.of(new double[] {2, 1, 0}, 30);
    assertPayoffs(solver.solve(p), DELTA_PAYOFF, 11, 10, 9);
  }

  /**
   * Unconstrained the split would be d + 3.5/3 = [3.1667, 2.1667, 1.6667], which violates
   * x₂ + x₃ ≥ 4; with that constraint binding, x₁ = 3 and players 2, 3 share 4 − 1.5 equally.
   */
  @Test
  void threePlayersWithCoreConstraints() {
    BargainingProblem p = churkinCore();
    BargainingResult r = solver.solve(p);
    assertPayoffs(r, DELTA_PAYOFF, 3, 2.25, 1.75);
    assertKkt(p, r);
    assertThat(r.iterations()).isBetween(1, 200);
    assertThat(r.tolerance()).isPositive().isLessThanOrEqualTo(NashBargainingSolver.DEFAULT_TOLERANCE);
  }

  @Test
  void coreCaseBindsOnlyCoalitionTwoThreeWithMultiplierOneFifth() {
    // w/(x−d) = [1, 0.8, 0.8]; λ = 1 from player 1 (in no binding coalition), μ_{2,3} = 0.2.
    BargainingResult r = solver.solve(churkinCore());
    KktMultipliers m = r.multipliers().orElseThrow();
    assertThat(m.budget()).isCloseTo(1, within(DELTA_PAYOFF));
    assertThat(m.coalition())
        .containsExactly(new double[] {0, 0, 0, 0, 0, 0.2}, within(DELTA_PAYOFF));
  }

  static BargainingProblem churkinCore() {
    return BargainingProblem.of(new double[] {2, 1, 0.5}, 7)
        .withCoalitions(List.of(
            CoalitionConstraint.of(2, 0),
            CoalitionConstraint.of(5, 0, 1),
            CoalitionConstraint.of(4, 0, 2),
            CoalitionConstraint.of(1, 1),
            CoalitionConstraint.of(0.5, 2),
            CoalitionConstraint.of(4, 1, 2)));
  }
}
