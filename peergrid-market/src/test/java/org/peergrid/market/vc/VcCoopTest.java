package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;

/** The game against the central optimum, and its independence of the thread count. */
class VcCoopTest {
  private static final GameSettings SETTINGS = GameSettings.defaults();

  /**
   * With loose voltage limits and no thermal limit nothing in the network binds: every DLMP is the
   * root's price, the game is a pure exchange, and its equilibrium is the central optimum (LP
   * duality). The stopping rule proves the gap is within the dual tolerance; the central LP checks it.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void withoutBindingLimitsTheGameReachesTheCentralOptimum(long seed) {
    Scenario s = SmallCommunities.of(seed, 9, 6, 0.5);
    VcCoopResult game = VcCoop.play(s, VcFormation.form(s, new FormationRules(2, 4, 2, 20, 4)), SETTINGS);
    double central = LinDistFlowDispatch.solve(s).optimal().objective();
    assertThat(game.converged()).isTrue();
    assertThat(game.solution().objective()).isCloseTo(central, within(SETTINGS.dualTolerance() * Math.abs(central)));
    assertThat(game.solution().prices().dlmp().max() - game.solution().prices().dlmp().min())
        .isLessThanOrEqualTo(maxTariffSpread(s));
  }

  /** With a binding voltage limit the game still ends at the central cost: the DSO's master keeps the network. */
  @ParameterizedTest
  @ValueSource(longs = {5, 6})
  void withABindingVoltageLimitTheGapIsWithinTheTolerance(long seed) {
    Scenario s = SmallCommunities.of(seed, 12, 4, 0.97);
    var central = LinDistFlowDispatch.solve(s);
    VcCoopResult game = VcCoop.play(s, VcFormation.form(s, FormationRules.DEFAULT), SETTINGS);
    double c = central.optimal().objective();
    assertThat(game.converged()).isTrue();
    assertThat(game.solution().objective()).isCloseTo(c, within(SETTINGS.dualTolerance() * Math.abs(c)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void theSameDayGivesTheSameScheduleOnAnyNumberOfThreads(int threads) {
    Scenario s = SmallCommunities.of(7, 14, 6, 0.9);
    Grouping g = VcFormation.form(s, FormationRules.DEFAULT);
    VcCoopResult one = VcCoop.play(s, g, SETTINGS.withThreads(1));
    VcCoopResult many = VcCoop.play(s, g, SETTINGS.withThreads(threads));
    DispatchSolution a = one.solution();
    DispatchSolution b = many.solution();
    assertThat(many.iterations()).isEqualTo(one.iterations());
    assertThat(many.messages()).isEqualTo(one.messages());
    assertThat(b.objective()).isEqualTo(a.objective());
    assertThat(b.schedules()).isEqualTo(a.schedules());
    assertThat(b.prices()).isEqualTo(a.prices());
  }

  private static double maxTariffSpread(Scenario s) {
    double spread = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      spread = Math.max(spread, s.tariff().importPrice().get(t) - s.tariff().exportPrice().get(t));
    }
    return spread;
  }
}
