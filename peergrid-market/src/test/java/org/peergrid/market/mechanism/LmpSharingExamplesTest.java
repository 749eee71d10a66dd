package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.SettlementResult;

/**
 * LMP-based sharing on the bundled examples as {@code run} clears them (AC correction on, the rent
 * returned): every building at least as well off as alone, the community saving > 0. Figures
 * measured on branch lmp-sharing (issue 15), then on lmp-finish with the generator price rule
 * (DGs paid their DLMP less half the gain over max(fuel, export tariff)), which added 1560.00 to both.
 */
class LmpSharingExamplesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"ieee33-community, 4146.84", "ieee33-congested, 5482.92"})
  void everyBuildingSavesAndTheCommunityToo(String example, double saving) {
    CooperativeDay day = CooperativeDay.solve(ScenarioLoader.load(
        Path.of(System.getProperty("peergrid.root.dir"), "examples", example, "scenario.yaml")));
    MechanismOutcome out = new LmpSharingMechanism().settle(day.outcome().orElseThrow());
    SettlementResult s = out.settlement().orElseThrow(() -> new AssertionError(out.message()));

    assertThat(s.baseCost() - s.totalCost()).isPositive().isCloseTo(saving, within(0.01));
    assertThat(s.participants()).filteredOn(p -> p.savings().isPresent()).hasSize(32)
        .allSatisfy(p -> assertThat(p.savings().getAsDouble()).as(p.participant()).isGreaterThanOrEqualTo(0));
    assertThat(day.acCheck().orElseThrow().violations()).isEmpty();
  }
}
