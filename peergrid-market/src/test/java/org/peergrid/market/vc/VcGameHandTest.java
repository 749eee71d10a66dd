package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * The one-interval games of docs/vc-game.md §4, derived there by hand. Tariffs 8 and 2, so every peer
 * trade is at m = 5; a building needs 10 kWh.
 */
class VcGameHandTest {
  private static final double TOL = 1e-6;
  /** Tight enough that a player whose gain is linear in its distance to the equilibrium stops within 1e-8. */
  private static final NashGameSettings TIGHT = new NashGameSettings(300, 0.5, 1e-8, 1, true);

  private static Scenario day(String file) {
    return ScenarioLoader.load(Path.of("src/test/resources/vc", file));
  }

  /**
   * Game 1: GA (6 kW, fuel 4 < m) sells all it can, 6 kWh; GB (fuel 6 > m) would earn at most m = 5
   * per kWh from peers, so it stays off, although the cooperative optimum runs it for the 4 kWh the
   * building still imports at 8. Equilibrium system cost 6·4 + 4·8 = 56, cooperative 6·4 + 4·6 = 48:
   * price of anarchy 7/6.
   */
  @Test
  void cheapAndDearGeneratorsMatchTheHandDerivation() {
    Scenario s = day("cheap-and-dear-generators.yaml");
    VcGameClearing c = VcGameClearing.clear(s, Grouping.none(s), TIGHT);
    VcEquilibrium e = c.equilibrium().orElseThrow();
    assertThat(e.converged()).isTrue();
    assertThat(e.schedules().get(1).generationKw().get(0)).isCloseTo(6, within(TOL));
    assertThat(e.schedules().get(2).generationKw().get(0)).isCloseTo(0, within(TOL));
    assertThat(e.player("B2").cost()).isCloseTo(6 * 5 + 4 * 8, within(TOL));
    assertThat(e.player("B2").aloneCost()).isCloseTo(80, within(TOL));
    assertThat(e.player("GA").cost()).isCloseTo(6 * 4 - 6 * 5, within(TOL));
    assertThat(e.player("GB").cost()).isCloseTo(0, within(TOL));
    assertThat(c.clearing().dispatch().optimal().objective()).isCloseTo(56, within(TOL));
    assertThat(c.coopCost().getAsDouble()).isCloseTo(48, within(TOL));
    assertThat(c.priceOfAnarchy().getAsDouble()).isCloseTo(56.0 / 48, within(TOL));
    assertThat(c.kwh("B2C")).isCloseTo(6, within(TOL));
    assertThat(c.kwh("GRID_IMPORT")).isCloseTo(4, within(TOL));
    assertThat(e.largestEpsilon()).isLessThan(TOL);
  }

  /**
   * Game 2: two generators of fuel 2.5 compete for the building's 10 kWh. Against s', a generator's
   * revenue from s ≥ 10 − s' is 2s + 3·10s/(s + s'), whose derivative 2 + 30s'/(s + s')² equals 2.5
   * where (s + s')² = 60s'; symmetric: s = s' = 15. Each sells 5 kWh at 5 and 10 at 2 for fuel 37.5:
   * profit 7.5. The race makes 30 kWh where 10 would do: system cost 75 − 40 = 35 against 25.
   * The payoff is smooth at this equilibrium, so a gain ε leaves a player up to √(60ε) kWh from it
   * (its payoff falls as δ²/60); the test holds the schedule to that bound and the money to 1e-6.
   */
  @Test
  void twoGeneratorsRaceToTheHandDerivedEquilibrium() {
    Scenario s = day("two-generators.yaml");
    VcGameClearing c = VcGameClearing.clear(s, Grouping.none(s), TIGHT);
    VcEquilibrium e = c.equilibrium().orElseThrow();
    assertThat(e.converged()).isTrue();
    double slack = Math.sqrt(60 * Math.max(e.largestEpsilon(), 1e-12)) + TOL;
    double a = e.schedules().get(1).generationKw().get(0);
    double b = e.schedules().get(2).generationKw().get(0);
    assertThat(a).isCloseTo(15, within(slack));
    assertThat(b).isCloseTo(15, within(slack));
    assertThat(e.player("B2").cost()).isCloseTo(50, within(TOL));
    assertThat(e.player("G3a").cost()).isCloseTo(-7.5, within(10 * slack));
    assertThat(c.priceOfAnarchy().getAsDouble()).isGreaterThan(1.3);
  }
}
