package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseNetworkSettings;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.PlayerOutcome;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * vc-game's DSO charging for the unbalance limit ({@link ThreePhaseGameFeeder} with the unbalance charge)
 * on examples/ieee13-3ph with {@code unbalance_pu} at 5.3 %: charging for voltages only, the equilibrium's
 * power flow exceeds it; charging for unbalance as well, the final equilibrium is inside it (and the
 * voltage limits), with every player's ε still certified.
 */
class ThreePhaseVcGameUnbalanceTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  private static final double LIMIT = 0.053;

  @Test
  void theUnbalanceChargeBringsTheEquilibriumInsideTheLimit() {
    ThreePhaseScenario example = ScenarioLoader.loadThreePhase(EXAMPLE);
    ThreePhaseNetworkSettings n = example.network();
    ThreePhaseScenario s = new ThreePhaseScenario(example.name(), example.currency(),
        new ThreePhaseNetworkSettings(n.opendss(), n.feeder(), n.vminPu(), n.vmaxPu(), LIMIT, n.backgroundLoad(),
            n.backgroundProfile(), n.acCorrection(), n.lineLimitAmps()),
        example.horizon(), example.tariff(), example.participants(), example.connections(), example.bargaining());

    ThreePhaseVcGame voltagesOnly = ThreePhaseVcGame.clear(s, FormationRules.DEFAULT, NashGameSettings.defaults(),
        false);
    assertThat(voltagesOnly.acCheck().violated()).isEmpty();
    assertThat(largestPvur(voltagesOnly)).isGreaterThan(LIMIT + PhaseLimitCheck.UNBALANCE_TOLERANCE);

    ThreePhaseVcGame charged = ThreePhaseVcGame.clear(s, FormationRules.DEFAULT, NashGameSettings.defaults(), true);
    System.out.printf(Locale.ROOT, "ieee13-3ph at PVUR <= %.1f %%: voltages only %s, PVUR %.3f %%; with the unbalance"
        + " charge %s, PVUR %.3f %%, system cost %.2f (coop under the same limits %.2f)%n", 100 * LIMIT,
        voltagesOnly.played().describe(), 100 * largestPvur(voltagesOnly), charged.played().describe(),
        100 * largestPvur(charged), charged.systemCost(), charged.coopCost().orElse(Double.NaN));
    assertThat(charged.acCheck().converged()).isTrue();
    assertThat(charged.acCheck().passed()).as(charged.played().describe()).isTrue();
    assertThat(charged.acCheck().unbalanced()).isEmpty();
    assertThat(largestPvur(charged)).isLessThanOrEqualTo(LIMIT + PhaseLimitCheck.UNBALANCE_TOLERANCE);
    for (ThreePhaseAcCheck.Report r : charged.acCheck().reports()) {
      assertThat(r.result().vmPu(r.lowestNode())).isGreaterThanOrEqualTo(s.network().vminPu() - 1e-6);
      assertThat(r.result().vmPu(r.highestNode())).isLessThanOrEqualTo(s.network().vmaxPu() + 1e-6);
    }
    assertThat(charged.equilibrium().converged()).isTrue();
    for (PlayerOutcome p : charged.equilibrium().players()) {
      assertThat(p.epsilon()).as(p.id()).isGreaterThanOrEqualTo(-1e-9)
          .isLessThanOrEqualTo(2 * NashGameSettings.defaults().relativeTolerance() * Math.max(1, Math.abs(p.aloneCost())));
    }
  }

  private static double largestPvur(ThreePhaseVcGame game) {
    double largest = 0;
    for (int t = 0; t < game.scenario().horizon().intervals(); t++) {
      largest = Math.max(largest, game.largestUnbalance(t));
    }
    return largest;
  }
}
