package org.peergrid.market.mechanism.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.market.mechanism.AbstractBargainingMechanism;
import org.peergrid.market.mechanism.CommunityMember;
import org.peergrid.market.mechanism.Role;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.LmpSharingMechanism;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.mechanism.RandomCommunities;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.settlement.SettlementRow;

/**
 * The properties every mechanism keeps (STYLE.md §8), over seeded random communities: budget
 * balance, one row per participant and interval adding up to its cost, symmetry and determinism;
 * individual rationality and Pareto optimality (the whole saving is handed out) for bargaining.
 * Each registered mechanism has an empty subclass named {@code <Mechanism>ContractTest}.
 */
public abstract class AbstractMechanismContractTest {
  static final double DELTA_MONEY = 1e-7;

  /** The mechanism under test, by the registry's name for it. */
  protected MarketMechanism mechanism() {
    String simple = getClass().getSimpleName().replace("ContractTest", "");
    return Mechanisms.all().stream().filter(m -> m.getClass().getSimpleName().equals(simple)).findFirst()
        .orElseThrow(() -> new AssertionError("no registered mechanism of class " + simple));
  }

  static LongStream seeds() {
    return RandomCommunities.seeds();
  }

  /** Bargaining and LMP-based sharing promise that no building pays more than alone when the community saves. */
  private boolean bargains() {
    return mechanism() instanceof AbstractBargainingMechanism || mechanism() instanceof LmpSharingMechanism;
  }

  private SettlementResult settled(CooperativeOutcome o) {
    MechanismOutcome out = mechanism().settle(o);
    assertThat(out.status()).as(out.message()).isEqualTo(SettlementStatus.SETTLED);
    assertThat(out.mechanism()).isEqualTo(mechanism().name());
    return out.settlement().orElseThrow();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void budgetBalancesAndRowsAddUpToCosts(long seed) {
    CooperativeOutcome o = RandomCommunities.of(seed);
    SettlementResult s = settled(o);

    assertThat(s.rows()).hasSize(o.members().size() * o.intervals());
    double rowsNet = s.rows().stream().mapToDouble(SettlementRow::net).sum();
    assertThat(rowsNet).isCloseTo(s.participantsNet(), within(DELTA_MONEY));
    assertThat(rowsNet).isCloseTo(o.utilityBill() + s.dsoSurplus(), within(DELTA_MONEY));
    for (CommunityMember m : o.members()) {
      double net = s.rows().stream().filter(r -> r.participant().equals(m.id())).mapToDouble(SettlementRow::net).sum();
      assertThat(net + m.degradation()).as(m.id()).isCloseTo(s.participant(m.id()).cost(), within(DELTA_MONEY));
    }
    double buildings = o.buildings().stream().mapToDouble(b -> s.participant(b.id()).cost()).sum();
    assertThat(s.totalCost()).isCloseTo(buildings, within(DELTA_MONEY));
    assertThat(s.baseCost()).isCloseTo(o.baseCost(), within(DELTA_MONEY));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void identicalBuildingsGetIdenticalOutcomes(long seed) {
    SettlementResult s = settled(RandomCommunities.of(seed));
    ParticipantSettlement twin0 = s.participant("B0");
    ParticipantSettlement twin1 = s.participant("B1");

    assertThat(twin1.cost()).isCloseTo(twin0.cost(), within(DELTA_MONEY));
    List<SettlementRow> rows0 = s.rows().stream().filter(r -> r.participant().equals("B0")).toList();
    List<SettlementRow> rows1 = s.rows().stream().filter(r -> r.participant().equals("B1")).toList();
    for (int t = 0; t < rows0.size(); t++) {
      assertThat(rows1.get(t).net()).isCloseTo(rows0.get(t).net(), within(DELTA_MONEY));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameInputSameSettlement(long seed) {
    assertThat(mechanism().settle(RandomCommunities.of(seed))).isEqualTo(mechanism().settle(RandomCommunities.of(seed)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bargainingIsIndividuallyRationalAndHandsOutTheWholeSaving(long seed) {
    if (!bargains()) {
      return;
    }
    CooperativeOutcome o = RandomCommunities.of(seed);
    SettlementResult s = settled(o);

    assertThat(s.participants()).allSatisfy(p -> assertThat(p.individuallyRational()).as(p.participant()).isTrue());
    for (CommunityMember b : o.buildings()) {
      assertThat(s.participant(b.id()).savings().getAsDouble()).as(b.id()).isGreaterThanOrEqualTo(-DELTA_MONEY);
    }
    // Pareto: with transferable utility, a split is Pareto optimal exactly when the buildings pay
    // their bill B and no more; by default B is their trade at the DLMPs less the network rent,
    // which a copper plate does not have, less the buyers' half of each generator's gain over
    // max(fuel, export tariff) (docs/mechanisms.md, "Generators in the market").
    assertThat(o.networkRent()).isZero();
    double bill = 0;
    for (CommunityMember b : o.buildings()) {
      for (int t = 0; t < o.intervals(); t++) {
        bill += b.dlmp(t) * (b.bought(t) - b.sold(t));
      }
    }
    for (CommunityMember g : o.members()) {
      for (int t = 0; g.role() == Role.GENERATOR && t < o.intervals(); t++) {
        double gain = g.dlmp(t) - Math.max(g.fuelPerKwh(t), o.exportPrice(t));
        bill -= 0.5 * Math.max(0, gain) * g.sold(t);
      }
    }
    assertThat(s.totalCost()).isCloseTo(bill, within(DELTA_MONEY));
  }
}
