package org.peergrid.market.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.CommunityBill;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.NashBargainingMechanism;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The cases (a)–(d) on examples/scenarios/community33.yaml (5 buildings, DG22, CB6, 4 × 6 h). */
class CaseVariantsTest {
  static Scenario community33() {
    return ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples", "scenarios",
        "community33.yaml"));
  }

  @Test
  void casesRemoveTheCommunityBatteryAndTheGenerators() {
    Scenario s = community33();
    assertThat(ids(CaseVariant.SHARING.derive(s))).containsExactly("B06", "B12", "B18", "B25", "B30");
    assertThat(ids(CaseVariant.SHARING_WITH_BATTERY.derive(s))).containsExactly("B06", "B12", "B18", "B25", "B30",
        "CB6");
    assertThat(CaseVariant.WITH_GENERATORS.derive(s)).isSameAs(s);
    assertThat(CaseVariant.SHARING.derive(s).name()).isEqualTo("community33 (b)");
  }

  /**
   * README's compare table on this scenario: base cost 14240.43 and Nash's community cost 8994.16 (DG22 paid its DLMP less half its gain: 600.00 less than at its DLMP);
   * Nash settles exactly the bill B, which is case (d)'s net cost. (b) and (c) are their own LPs:
   * each net cost is B of that case's schedule.
   */
  @Test
  void netCostsAgainstTheBaseCase() {
    CooperativeDay day = CooperativeDay.solve(community33());
    List<CaseVariant> solved = new ArrayList<>();
    List<VariantResult> r = CaseVariants.run(day, solved::add);

    assertThat(solved).containsExactly(CaseVariant.SHARING, CaseVariant.SHARING_WITH_BATTERY);
    assertThat(r).extracting(VariantResult::variant).containsExactly(CaseVariant.values());
    double base = r.get(0).netCost().getAsDouble();
    assertThat(base).isCloseTo(14240.43, within(0.005));
    assertThat(r.get(0).reduction(base).getAsDouble()).isZero();
    VariantResult d = r.get(3);
    assertThat(d.netCost().getAsDouble()).isCloseTo(8994.16, within(0.005));
    double nash = new NashBargainingMechanism().settle(day.outcome().orElseThrow()).settlement().orElseThrow()
        .totalCost();
    assertThat(d.netCost().getAsDouble()).isCloseTo(nash, within(1e-6));
    assertThat(d.reductionPct(base).getAsDouble()).isCloseTo(100 * (14240.43 - 8994.16) / 14240.43, within(1e-3));
    assertThat(d.participants()).isEqualTo(7);
    for (VariantResult v : r.subList(1, 3)) {
      assertThat(v.status()).isEqualTo(DispatchStatus.OPTIMAL);
      CooperativeDay own = CooperativeDay.solve(v.variant().derive(day.scenario()));
      assertThat(v.netCost().getAsDouble()).isCloseTo(CommunityBill.DEFAULT.of(own.outcome().orElseThrow()),
          within(1e-6));
      assertThat(v.gridImportKwh()).isPresent();
    }
  }

  private static List<String> ids(Scenario s) {
    return s.participants().stream().map(Participant::id).toList();
  }
}
