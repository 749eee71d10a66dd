package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.testing.WorkedExamples;
import org.peergrid.market.variants.CaseVariants;
import org.peergrid.market.variants.VariantResult;

/**
 * The generator price p = DLMP − ½(DLMP − r)⁺, r = max(fuel, export tariff), on worked/dg3.yaml,
 * derived by hand in docs/mechanisms.md ("Generators in the market"): A2 (bus 2, 400 kW) and C3
 * (bus 3, 600 kW) on toy3, a DG G3 at bus 3 (300 kW at 4 per kWh), tariffs 5 / 2, one hour.
 */
class GeneratorPriceTest {
  private static final double EXACT = 1e-6;

  private final CooperativeDay day = CooperativeDay.solve(ScenarioLoader.load(WorkedExamples.folder().resolve("dg3.yaml")));
  private final CooperativeOutcome outcome = day.outcome().orElseThrow();

  @Test
  void theDgIsPaidItsDlmpLessHalfTheGainAndTheBuildingsGetTheOtherHalf() {
    // Alone: 400 × 5 + 600 × 5 = 5000. G3 (4 < 5) runs at 300; no limit binds, so the grid is the
    // marginal supplier everywhere and every DLMP is 5. B at DLMPs = 1000 × 5 = 5000, rent 0.
    // r = max(4, 2) = 4, p = 5 − ½(5 − 4) = 4.5: B = 5000 − 300 × 0.5 = 4850, S = 150.
    CommunityMember g = outcome.members().stream().filter(m -> m.id().equals("G3")).findFirst().orElseThrow();
    assertThat(g.sold(0)).isCloseTo(300, within(EXACT));
    assertThat(g.dlmp(0)).isCloseTo(5, within(EXACT));
    SavingsSharing sharing = new SavingsSharing(outcome, null);
    assertThat(sharing.generatorPrice(g, 0)).isCloseTo(4.5, within(EXACT));
    assertThat(outcome.baseCost()).isCloseTo(5000, within(EXACT));
    assertThat(CommunityBill.DEFAULT.of(outcome)).isCloseTo(4850, within(EXACT));
    // G3: 300 × 4.5 − 300 × 4 = 150; alone it would not run (export 2 < fuel 4): 0.
    assertThat(CommunityBill.DEFAULT.generatorProfit(outcome)).isCloseTo(150, within(EXACT));
    assertThat(g.aloneProfit().getAsDouble()).isCloseTo(0, within(EXACT));
  }

  @Test
  void lmpSharingAndNashSplitTheBuyersHalfEquallyAndTheDsoKeepsNothing() {
    // v = (0, 0) at DLMPs, S = 150: 75 each. Utility 700 × 5 = 3500 = 1925 + 2925 − 1350.
    for (MarketMechanism m : List.of(new LmpSharingMechanism(), new NashBargainingMechanism())) {
      SettlementResult s = m.settle(outcome).settlement().orElseThrow();
      assertThat(s.participant("A2").cost()).as(m.name()).isCloseTo(1925, within(EXACT));
      assertThat(s.participant("C3").cost()).as(m.name()).isCloseTo(2925, within(EXACT));
      assertThat(s.participant("G3").cost()).as(m.name()).isCloseTo(-1350, within(EXACT));
      assertThat(s.dsoSurplus()).as(m.name()).isCloseTo(0, within(EXACT));
      ComparisonRow row = ComparisonRow.of(outcome, m.settle(outcome), 0);
      assertThat(row.generators()).singleElement().satisfies(p -> assertThat(p.gain()).isCloseTo(150, within(EXACT)));
    }
  }

  @Test
  void caseDWithTheDgInTheMarketCostsLessThanCaseC() {
    // (b) = (c) = 5000 (no battery; without G3 the buildings import all at 5); (d) = 4850.
    List<VariantResult> r = CaseVariants.run(day, v -> { });
    assertThat(r.stream().mapToDouble(v -> v.netCost().getAsDouble()).toArray())
        .containsExactly(new double[] {5000, 5000, 5000, 4850}, within(EXACT));
    assertThat(r.stream().mapToDouble(v -> v.dgProfit().getAsDouble()).toArray())
        .containsExactly(new double[] {0, 0, 0, 150}, within(EXACT));
  }

  @Test
  void noGainNoDiscount() {
    // A DLMP at or below r (energy leaving at the root at the export tariff, or a DG at its fuel
    // cost behind a congested line) leaves p = DLMP. One interval, DLMP 2 = export tariff 2, fuel 1.
    CommunityMember g = new CommunityMember("G", Role.GENERATOR, new double[] {0}, new double[] {100},
        new double[] {2}, new double[] {0}, new double[] {100}, OptionalDouble.empty(), OptionalDouble.of(100));
    CooperativeOutcome o = new CooperativeOutcome("x", 1, new double[] {5}, new double[] {2}, List.of(g), -200, 0);
    SavingsSharing sharing = new SavingsSharing(o, null);
    assertThat(sharing.generatorPrice(g, 0)).isEqualTo(2);
    assertThat(sharing.generatorDiscount()).isZero();
    // Above the export tariff the reserve is the larger of fuel and export: DLMP 5, fuel 1, export 2: 3.5.
    CooperativeOutcome dear = new CooperativeOutcome("y", 1, new double[] {5}, new double[] {2}, List.of(
        new CommunityMember("G", Role.GENERATOR, new double[] {0}, new double[] {100}, new double[] {5},
            new double[] {0}, new double[] {100}, OptionalDouble.empty(), OptionalDouble.of(100))), -200, 0);
    assertThat(new SavingsSharing(dear, null).generatorPrice(dear.members().get(0), 0)).isCloseTo(3.5, within(1e-12));
  }
}
