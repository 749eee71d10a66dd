package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.testing.WorkedExamples;

/**
 * Core constraints from a scenario's coalitions (worked/lmp3-core.yaml, derived in
 * docs/bargaining.md, "Coalitions from a scenario"): the pair {A2, B2} at bus 2 saves 1200 alone,
 * the equal Nash split of the whole community's 1600 gives it 1066.67.
 */
class CoalitionCoreTest {
  private static final double EXACT = 1e-6;

  private final CooperativeOutcome outcome =
      CooperativeDay.solve(ScenarioLoader.load(WorkedExamples.folder().resolve("lmp3-core.yaml"))).outcome().orElseThrow();

  @Test
  void thePairClearedAloneSavesWhatItsOwnPvIsWorthAtBus2() {
    // Alone, A2's 600 kW cover B2's 400 and 200 go to the grid at 2: B = −400 against
    // C⁰ = −1200 + 2000 = 800, so v({A2, B2}) = 1200.
    assertThat(outcome.coalitions()).singleElement().satisfies(c -> {
      assertThat(c.members()).containsExactly("A2", "B2");
      assertThat(c.value().getAsDouble()).isCloseTo(1200, within(EXACT));
    });
    // The whole community: B = 5·(1000) + (6 − 5)·200 = 5200 against 6800, S = 1600.
    assertThat(outcome.baseCost() - outcome.bill().of(outcome)).isCloseTo(1600, within(EXACT));
  }

  @Test
  void nashGivesThePairExactlyItsValueAndTheRestToTheThird() {
    // Unconstrained 1600/3 each leaves the pair 1066.67 < 1200. With the constraint binding the
    // pair splits 1200 equally (symmetric weights, no bound binds): u = (600, 600, 400).
    SettlementResult unconstrained = new NashBargainingMechanism().settle(outcome.withCoalitions(List.of()))
        .settlement().orElseThrow();
    assertThat(unconstrained.participant("A2").savings().getAsDouble()
        + unconstrained.participant("B2").savings().getAsDouble()).isCloseTo(3200.0 / 3, within(EXACT));

    SettlementResult s = new NashBargainingMechanism().settle(outcome).settlement().orElseThrow();
    assertThat(s.participant("A2").savings().getAsDouble()).isCloseTo(600, within(EXACT));
    assertThat(s.participant("B2").savings().getAsDouble()).isCloseTo(600, within(EXACT));
    assertThat(s.participant("C3").savings().getAsDouble()).isCloseTo(400, within(EXACT));
    assertThat(outcome.coalitions().get(0).binds(s)).isTrue();
    assertThat(outcome.coalitions().get(0).binds(unconstrained)).isFalse();
  }

  @Test
  void anEmptyCoreIsReportedNotCrashed() {
    // Every pair asking 1100: adding the three constraints, 2 Σ u ≥ 3300, so Σ u ≥ 1650 > S = 1600.
    CooperativeOutcome greedy = outcome.withCoalitions(List.of(
        new CoalitionValue(List.of("A2", "B2"), OptionalDouble.of(1100), ""),
        new CoalitionValue(List.of("A2", "C3"), OptionalDouble.of(1100), ""),
        new CoalitionValue(List.of("B2", "C3"), OptionalDouble.of(1100), "")));

    MechanismOutcome nash = new NashBargainingMechanism().settle(greedy);
    assertThat(nash.status()).isEqualTo(SettlementStatus.NO_SPLIT);
    assertThat(nash.message()).contains("the core is empty").contains("{A2, B2}, {A2, C3}, {B2, C3}");
  }

  @Test
  void ksChecksItsPathAgainstTheCoreAndSaysWhenItLeavesIt() {
    // Capped ideal points (1600, 1200, 1600): t = 1600/4400 gives the pair 1018.18 < 1200.
    MechanismOutcome ks = new KalaiSmorodinskyMechanism().settle(outcome);
    assertThat(ks.status()).isEqualTo(SettlementStatus.NO_SPLIT);
    assertThat(ks.message()).contains("{A2, B2}").contains("less than it saves alone");
  }
}
