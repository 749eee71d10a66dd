package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The non-cooperative game on the bundled example (issue 14, "Must show"), as properties. */
class VcGameExampleTest {
  private static Scenario scenario;
  private static VcGameClearing result;

  @BeforeAll
  static void play() {
    scenario = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community",
        "scenario.yaml"));
    result = VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults());
  }

  @Test
  void isACertifiedEquilibriumThatPassesTheAcCheck() {
    EquilibriumProperties.assertHold(scenario, result);
  }

  @Test
  void everyPlayersEpsilonIsFoundAgainApartFromTheGameLoop() {
    EquilibriumProperties.assertEpsilonFoundAgain(scenario, result);
  }

  @Test
  void playersTradeInEveryMarket() {
    assertThat(result.kwh("B2B")).isPositive();
    assertThat(result.kwh("B2C") + result.kwh("C2C")).isPositive();
    assertThat(result.equilibrium().orElseThrow().messagesByType()).containsKeys("Bid", "MarketState", "Residual",
        "NetworkCharges");
  }
}
