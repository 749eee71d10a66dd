package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.mechanism.CommunityBill;
import org.peergrid.market.testing.WorkedExamples;

/** The optional {@code bargaining} block: the bill basis and the coalitions (docs/formats.md). */
class BargainingBlockTest {
  @TempDir Path dir;

  private static final String HEAD = """
      network: {matpower: toy3.m}
      horizon: {intervals: 1}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: 10}
        - {id: B3, type: building, bus: 3, load_kw: 10, pv_kw: 30}
        - {id: C3, type: building, bus: 3, load_kw: 20}
        - {id: G3, type: generator, bus: 3, max_kw: 10, cost_per_kwh: 4}
      """;

  private Scenario load(String text) {
    return ScenarioLoader.load(WorkedExamples.write(dir, "s.yaml", text));
  }

  @Test
  void withoutTheBlockTheRentIsReturnedAndNoCoalitionIsAsked() {
    BargainingSpec b = load(HEAD).bargaining();
    assertThat(b.bill()).isEqualTo("dlmp-less-rent");
    assertThat(b.hasCoalitions()).isFalse();
  }

  @Test
  void theBillSpellingsAreTheMechanismsBases() {
    assertThat(BargainingSpec.BILLS).isEqualTo(CommunityBill.keys());
    assertThat(CommunityBill.byKey(BargainingSpec.DEFAULT.bill())).contains(CommunityBill.DEFAULT);
  }

  @Test
  void coalitionsAreListedOrEveryPair() {
    BargainingSpec listed = load(HEAD + "bargaining: {bill: dlmp, coalitions: [[B2, B3], [B3, C3]]}\n").bargaining();
    assertThat(listed.bill()).isEqualTo("dlmp");
    assertThat(listed.coalitionsOf(List.of("B2", "B3", "C3"))).containsExactly(List.of("B2", "B3"), List.of("B3", "C3"));
    BargainingSpec pairs = load(HEAD + "bargaining: {coalitions: pairs}\n").bargaining();
    assertThat(pairs.coalitionsOf(List.of("B2", "B3", "C3")))
        .containsExactly(List.of("B2", "B3"), List.of("B2", "C3"), List.of("B3", "C3"));
  }

  @Test
  void theNetworkPartGoesWithTheBasisThatKeepsTheRentInItsPlace() {
    BargainingSpec b = load(HEAD + "bargaining: {bill: dlmp-rent-for-network, network_part: 1.25}\n").bargaining();
    assertThat(b.bill()).isEqualTo("dlmp-rent-for-network");
    assertThat(b.networkPart()).isEqualTo(1.25);
    assertThat(load(HEAD + "bargaining: {bill: dlmp-rent-for-network}\n").bargaining().networkPart()).isZero();
    // A case variant or coalition keeps it.
    Scenario s = load(HEAD + "bargaining: {bill: dlmp-rent-for-network, network_part: 1.25}\n");
    assertThat(s.subset("two", s.participants().subList(0, 2)).bargaining().networkPart()).isEqualTo(1.25);
  }

  @Test
  void networkPartErrorsNameTheKey() {
    assertThatThrownBy(() -> load(HEAD + "bargaining: {network_part: 1}\n"))
        .hasMessageContaining(":9: bargaining.network_part: is read only with bill: dlmp-rent-for-network");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {bill: dlmp-rent-for-network, network_part: 6}\n"))
        .hasMessageContaining("bargaining.network_part: the network part of the import tariff must be from 0 to the"
            + " lowest import tariff, 5.0 per kWh; got 6.0");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {bill: dlmp-rent-for-network, network_part: -1}\n"))
        .hasMessageContaining("bargaining.network_part: the network part");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {bill: dlmp-rent-for-network, network_part: lots}\n"))
        .hasMessageContaining("bargaining.network_part: expected a number, got");
  }

  @Test
  void everyKeyIsRefusedWithItsPathAndHowToFixIt() {
    assertThatThrownBy(() -> load(HEAD + "bargaining: {bil: dlmp}\n"))
        .hasMessageContaining(":9: bargaining.bil: unknown key; did you mean bill?");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {bill: lmp}\n"))
        .hasMessageContaining("bargaining.bill: unknown bill basis \"lmp\"; use one of [dlmp-less-rent, dlmp, net-metered,"
            + " dlmp-rent-for-network, dlmp-rent-by-import]");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: triples}\n"))
        .hasMessageContaining("bargaining.coalitions: expected \"pairs\" or a list of coalitions");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: {B2: B3}}\n"))
        .hasMessageContaining("bargaining.coalitions: expected a list");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: [[B2, B9]]}\n"))
        .hasMessageContaining("bargaining.coalitions[0][1]: \"B9\" is not a building or EV of the scenario");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: [[B2, G3]]}\n"))
        .hasMessageContaining("bargaining.coalitions[0][1]: \"G3\" is not a building or EV");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: [[B2, B3], [B3, B3]]}\n"))
        .hasMessageContaining("bargaining.coalitions[1][1]: \"B3\" is listed twice");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: [[B2]]}\n"))
        .hasMessageContaining("bargaining.coalitions[0]: a coalition has 2 to 2 members");
    assertThatThrownBy(() -> load(HEAD + "bargaining: {coalitions: [[B2, B3, C3]]}\n"))
        .hasMessageContaining("bargaining.coalitions[0]: a coalition has 2 to 2 members (one alone is its base case,"
            + " all of them the whole community), got 3");
  }
}
