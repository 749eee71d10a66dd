package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.testing.WorkedExamples;

/**
 * LMP-based sharing on the 3-peer congested-line case derived by hand in docs/mechanisms.md
 * (worked/lmp3.yaml): A2 with 600 kW of PV and B2 with 400 kW of load at bus 2, C3 with 1200 kW at
 * bus 3 behind the 1000 kVA line 2–3, and a DG at bus 3 at 8 per kWh; tariffs 5 and 2.
 */
class LmpSharingMechanismTest {
  /** The LP's prices and energies are exact to about 1e-9 of their size; these are sums of a few. */
  private static final double EXACT = 1e-6;

  private final CooperativeDay day = CooperativeDay.solve(ScenarioLoader.load(WorkedExamples.folder().resolve("lmp3.yaml")));
  private final CooperativeOutcome outcome = day.outcome().orElseThrow();

  @Test
  void theLineMakesBus3DearAndItsRentIsWhatTheTradesPayAboveTheRoot() {
    // Line 2–3 carries 1000 of C3's 1200 kW; the DG makes the other 200 at 8. One more kW at bus 3
    // comes from the DG (8), at bus 2 from the grid (5). Rent: 1000 kW × (8 − 5) on the line, which
    // is C3's 1200 × 3 less G3's 200 × 3.
    Map<String, CommunityMember> m = members();
    assertThat(m.get("A2").dlmp(0)).isCloseTo(5, within(EXACT));
    assertThat(m.get("C3").dlmp(0)).isCloseTo(8, within(EXACT));
    assertThat(m.get("G3").sold(0)).isCloseTo(200, within(EXACT));
    assertThat(outcome.networkRent()).isCloseTo(3000, within(EXACT));
    assertThat(outcome.dlmpDsoSurplus()).isCloseTo(3000, within(EXACT));
    assertThat(outcome.baseCost()).isCloseTo(6800, within(EXACT));
  }

  @Test
  void everyBuildingIsAtLeastAsWellOffAndTheSharesAreTheHandDerivedOnes() {
    // B = 8600 at DLMPs, less the rent 3000: 5600, so S = 6800 − 5600 = 1200. DLMP savings
    // v = (1800, 0, −3600); S < Σ v⁺ = 1800, so u = v⁺ · 1200/1800 = (1200, 0, 0).
    SettlementResult s = new LmpSharingMechanism().settle(outcome).settlement().orElseThrow();

    assertThat(s.totalCost()).isCloseTo(5600, within(EXACT));
    assertThat(s.participant("A2").cost()).isCloseTo(-2400, within(EXACT));
    assertThat(s.participant("B2").cost()).isCloseTo(2000, within(EXACT));
    assertThat(s.participant("C3").cost()).isCloseTo(6000, within(EXACT));
    assertThat(s.participant("G3").cost()).isCloseTo(-1600, within(EXACT));
    assertThat(s.dsoSurplus()).isCloseTo(0, within(EXACT));
    assertThat(s.participants()).allSatisfy(p -> assertThat(p.individuallyRational()).isTrue());
  }

  @Test
  void withTheRentKeptTheCommunitySavesNothingAndNoSplitIsReported() {
    // On the DLMP basis B = 8600 > 6800: the network is paid twice and S = −1800.
    MechanismOutcome kept = new LmpSharingMechanism().settle(outcome.withBill(CommunityBill.DLMP));

    assertThat(kept.status()).isEqualTo(SettlementStatus.NO_SPLIT);
    assertThat(kept.message()).contains("dlmp bill").contains("-1800.00");
  }

  @Test
  void nashOnTheSameBasisSplitsTheSameSavingEqually() {
    // S = 1200, 400 each, inside every payment bound.
    SettlementResult s = new NashBargainingMechanism().settle(outcome).settlement().orElseThrow();

    assertThat(s.participant("A2").cost()).isCloseTo(-1600, within(EXACT));
    assertThat(s.participant("B2").cost()).isCloseTo(1600, within(EXACT));
    assertThat(s.participant("C3").cost()).isCloseTo(5600, within(EXACT));
  }

  @Test
  void aSavingAboveTheDlmpGainsMakesTheLosersWholeAndSharesTheRestEqually() {
    // v = (30, −10, 0), S = 50 ≥ Σ v⁺ = 30: u = v⁺ + (50 − 30)/3.
    assertThat(LmpSharingMechanism.savings(new double[] {30, -10, 0}, 50))
        .containsExactly(new double[] {30 + 20.0 / 3, 20.0 / 3, 20.0 / 3}, within(1e-12));
    // S = 15 < 30: the gains are scaled to it and the losers are made whole at 0.
    assertThat(LmpSharingMechanism.savings(new double[] {30, -10, 0}, 15))
        .containsExactly(new double[] {15, 0, 0}, within(1e-12));
    // Nobody gains at DLMPs and S is a rounding error below 0: shared equally, no 0/0.
    assertThat(LmpSharingMechanism.savings(new double[] {0, -10}, -1e-12))
        .containsExactly(new double[] {-0.5e-12, -0.5e-12}, within(1e-15));
  }

  @Test
  void withTheRentKeptInPlaceOfTheTariffsNetworkPartTheCommunityIsBilledNuLessPerImportedKwh(@TempDir Path dir)
      throws java.io.IOException {
    // bill: dlmp-rent-for-network, ν = 2.5. The participants import D − S = 1600 − 800 = 800 kWh:
    // B = 8600 − 2.5 × 800 = 6600, S = 200. v = (1800, 0, −3600), S < Σ v⁺: u = (200, 0, 0).
    // The DSO keeps the rent 3000 less the waived 2000 = 1000 (6600 − 1600 to G3 − 4000 to the utility).
    String lmp3 = java.nio.file.Files.readString(WorkedExamples.folder().resolve("lmp3.yaml"));
    CooperativeOutcome o = CooperativeDay.solve(ScenarioLoader.load(WorkedExamples.write(dir, "lmp3-nu.yaml",
        lmp3 + "bargaining: {bill: dlmp-rent-for-network, network_part: 2.5}\n"))).outcome().orElseThrow();
    SettlementResult s = new LmpSharingMechanism().settle(o).settlement().orElseThrow();

    assertThat(o.netImportKwh()).isCloseTo(800, within(EXACT));
    assertThat(s.totalCost()).isCloseTo(6600, within(EXACT));
    assertThat(s.participant("A2").cost()).isCloseTo(-1400, within(EXACT));
    assertThat(s.participant("B2").cost()).isCloseTo(2000, within(EXACT));
    assertThat(s.participant("C3").cost()).isCloseTo(6000, within(EXACT));
    assertThat(s.dsoSurplus()).isCloseTo(1000, within(EXACT));
    // ν = 0 is the dlmp basis: the network paid twice, no split.
    assertThat(new LmpSharingMechanism().settle(outcome.withBill(CommunityBill.DLMP_RENT_FOR_NETWORK)).status())
        .isEqualTo(SettlementStatus.NO_SPLIT);
  }

  @Test
  void theRentReturnedByImportedEnergyIsOwedBeforeThePoolIsShared() {
    // dlmp-rent-by-import: B = 5600 as with the rent returned, S = 1200. Withdrawn energy A2 0,
    // B2 400, C3 1200: rent shares 3000 × (0, 400, 1200)/1600 = (0, 750, 2250). v = (1800, 0, −3600)
    // + those = (1800, 750, −1350); S < Σ v⁺ = 2550: u = (1800, 750, 0) · 1200/2550.
    CooperativeOutcome byImport = outcome.withBill(CommunityBill.DLMP_RENT_BY_IMPORT);
    assertThat(LmpSharingMechanism.rentByImport(byImport)).containsExactly(new double[] {0, 750, 2250},
        within(EXACT));
    SettlementResult s = new LmpSharingMechanism().settle(byImport).settlement().orElseThrow();

    assertThat(s.totalCost()).isCloseTo(5600, within(EXACT));
    assertThat(s.participant("A2").cost()).isCloseTo(-1200 - 1800 * 1200.0 / 2550, within(EXACT));
    assertThat(s.participant("B2").cost()).isCloseTo(2000 - 750 * 1200.0 / 2550, within(EXACT));
    assertThat(s.participant("C3").cost()).isCloseTo(6000, within(EXACT));
    assertThat(s.dsoSurplus()).isCloseTo(0, within(EXACT));
    // Nash splits S without keys: the same as with the rent in the pool.
    assertThat(new NashBargainingMechanism().settle(byImport).settlement().orElseThrow().participant("B2").cost())
        .isCloseTo(1600, within(EXACT));
  }

  private Map<String, CommunityMember> members() {
    return outcome.members().stream().collect(java.util.stream.Collectors.toMap(CommunityMember::id, x -> x));
  }
}
