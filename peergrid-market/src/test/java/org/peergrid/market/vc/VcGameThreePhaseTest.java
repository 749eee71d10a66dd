package org.peergrid.market.vc;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * The equilibrium of vc-game on the three-phase example examples/ieee13-3ph checked apart from the game
 * loop, as on a balanced feeder ({@link EquilibriumProperties}): every player's reported ε is found
 * again by a fresh LP of its own against the totals summed from the final schedules, and the trades
 * balance every interval and community. (threephase.ThreePhaseVcGameTest checks the rest.)
 */
class VcGameThreePhaseTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;

  @Test
  void everyPlayersEpsilonIsFoundAgainAndTheTradesBalance() {
    ThreePhaseVcGame game = ThreePhaseVcGame.clear(ScenarioLoader.loadThreePhase(EXAMPLE), FormationRules.DEFAULT,
        NashGameSettings.defaults());
    EquilibriumProperties.assertEpsilonFoundAgain(game.players(), game.equilibrium());
    EquilibriumProperties.assertTradesBalance(game.players(), game.equilibrium(), game.trades());
  }
}
