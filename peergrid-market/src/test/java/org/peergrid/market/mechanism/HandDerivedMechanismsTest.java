package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peergrid.market.mechanism.AbstractInternalPriceMechanism.InternalPrices;
import org.peergrid.market.settlement.SettlementResult;

/**
 * The pricing rules and the incentive rule on three buildings, derived by hand.
 *
 * <p>One interval of 1 h, π^buy = 5, π^sell = 2. A sells 6 kWh, B buys 4, C buys 8: supply S = 6,
 * demand D = 12, SDR = 0.5. Base costs: A −12 (6 × 2), B 20, C 40; Σ C⁰ = 48. The community
 * imports 6 kWh: bill 30, saving 18.
 *
 * <ul>
 *   <li>SDR: p_sell = 2·5 / ((5 − 2)·0.5 + 2) = 10/3.5 = 20/7; p_buy = (20/7)·0.5 + 5·0.5 = 55/14.
 *       A gets 6·20/7 = 120/7, B pays 4·55/14 = 110/7, C pays 220/7; buyers 330/7 = 120/7 + 30.
 *   <li>MMR: p_mm = 3.5; shortfall, so sellers get 3.5 and buyers pay (3.5·6 + 5·6)/12 = 4.25:
 *       A −21, B 17, C 34.
 *   <li>Bill sharing: buyers share the import bill by consumption, 5·6/12 = 2.5 per kWh, the seller
 *       gets nothing: A 0, B 10, C 20 (A pays 12 more than alone: bill sharing is not IR).
 * </ul>
 */
class HandDerivedMechanismsTest {
  static final double DELTA = 1e-9;

  static CooperativeOutcome threeBuildings() {
    return CopperPlate.of(1, new double[] {5}, new double[] {2}).building("A", -6).building("B", 4)
        .building("C", 8).build("three");
  }

  static SettlementResult settle(MarketMechanism m, CooperativeOutcome o) {
    return m.settle(o).settlement().orElseThrow();
  }

  @Test
  void supplyDemandRatio() {
    InternalPrices p = new SupplyDemandRatioMechanism().prices(6, 12, 5, 2);
    assertThat(p.sell()).isCloseTo(20.0 / 7, within(DELTA));
    assertThat(p.buy()).isCloseTo(55.0 / 14, within(DELTA));

    SettlementResult s = settle(new SupplyDemandRatioMechanism(), threeBuildings());
    assertThat(s.participant("A").cost()).isCloseTo(-120.0 / 7, within(DELTA));
    assertThat(s.participant("B").cost()).isCloseTo(110.0 / 7, within(DELTA));
    assertThat(s.participant("C").cost()).isCloseTo(220.0 / 7, within(DELTA));
    assertThat(s.totalCost()).isCloseTo(30, within(DELTA));
  }

  @Test
  void supplyDemandRatioAtAndAboveOneIsTheExportTariff() {
    // SDR = 1: p_sell = 2·5/(3 + 2) = 2 and p_buy = 2 + 0, the same as the surplus branch: continuous.
    assertThat(new SupplyDemandRatioMechanism().prices(5, 5, 5, 2)).isEqualTo(new InternalPrices(2, 2));
    assertThat(new SupplyDemandRatioMechanism().prices(9, 3, 5, 2)).isEqualTo(new InternalPrices(2, 2));
    assertThat(new SupplyDemandRatioMechanism().prices(4.999999, 5, 5, 2).sell()).isCloseTo(2, within(1e-5));
  }

  @Test
  void midMarketRate() {
    SettlementResult s = settle(new MidMarketRateMechanism(), threeBuildings());
    assertThat(s.participant("A").cost()).isCloseTo(-21, within(DELTA));
    assertThat(s.participant("B").cost()).isCloseTo(17, within(DELTA));
    assertThat(s.participant("C").cost()).isCloseTo(34, within(DELTA));
    // Surplus side: S = 10, D = 6 → buyers 3.5, sellers (3.5·6 + 2·4)/10 = 2.9.
    assertThat(new MidMarketRateMechanism().prices(10, 6, 5, 2)).isEqualTo(new InternalPrices(3.5, 2.9));
  }

  @Test
  void billSharing() {
    SettlementResult s = settle(new BillSharingMechanism(), threeBuildings());
    assertThat(s.participant("A").cost()).isZero();
    assertThat(s.participant("A").individuallyRational()).isFalse();
    assertThat(s.participant("B").cost()).isCloseTo(10, within(DELTA));
    assertThat(s.participant("C").cost()).isCloseTo(20, within(DELTA));
    // Surplus side: S = 10, D = 6 → export revenue 2·4 = 8 shared by generation, 0.8 per kWh.
    assertThat(new BillSharingMechanism().prices(10, 6, 5, 2)).isEqualTo(new InternalPrices(0, 0.8));
  }

  /**
   * Two intervals so that the incentive rule differs from MMR (on one interval both give each
   * shared kWh the same gain). Interval 0 as above; interval 1 has π^buy = 8, π^sell = 2, A sells 2
   * and B buys 2. Base costs: A −12 − 4 = −16, B 20 + 16 = 36, C 40; Σ 60. The DLMP bill: 5·6 in
   * interval 0, and nothing crosses the root in interval 1 (price 2 there): B = 30, S = 30. Energy
   * shared: A 6 + 2 = 8 (all its supply reaches peers), B 4·(6/12) + 2 = 4, C 8·(6/12) = 4; Σ 16.
   * Payments C⁰ − 30·e/16: A −16 − 15 = −31, B 36 − 7.5 = 28.5, C 40 − 7.5 = 32.5 (Σ 30). A's rows
   * trade at the DLMP (−30 and −4) and carry its transfer −31 − (−34) = 3 by energy, 6/8 and 2/8:
   * nets −27.75 and −3.25.
   */
  @Test
  void incentiveSplitsTheSavingByEnergyShared() {
    CooperativeOutcome o = CopperPlate.of(1, new double[] {5, 8}, new double[] {2, 2}).building("A", -6, -2)
        .building("B", 4, 2).building("C", 8, 0).build("two intervals");

    SettlementResult s = settle(new IncentiveMechanism(), o);

    assertThat(s.participant("A").cost()).isCloseTo(-31, within(DELTA));
    assertThat(s.participant("B").cost()).isCloseTo(28.5, within(DELTA));
    assertThat(s.participant("C").cost()).isCloseTo(32.5, within(DELTA));
    assertThat(s.rows().get(0).net()).isCloseTo(-27.75, within(DELTA));
    assertThat(s.rows().get(0).transfer()).isCloseTo(2.25, within(DELTA));
    assertThat(s.rows().get(1).net()).isCloseTo(-3.25, within(DELTA));
    // MMR on the same day: interval 0 as before (A −21, B 17, C 34); interval 1 at 5 each way (A −10, B 10).
    SettlementResult mmr = settle(new MidMarketRateMechanism(), o);
    assertThat(mmr.participant("B").cost()).isCloseTo(27, within(DELTA));
  }

  /**
   * Nash with equal weights on the one-interval community: S = 18, six each, p = (−18, 14, 34).
   * The payment bounds (A in [−30, −12], B in [8, 20], C in [16, 40]) do not bind. With the
   * contribution weights (6, 2, 4)/12 the split is 9, 3, 6: p = (−21, 17, 34), the MMR outcome.
   */
  @Test
  void nashEqualAndContributionWeights() {
    SettlementResult equal = settle(new NashBargainingMechanism(), threeBuildings());
    assertThat(equal.participant("A").cost()).isCloseTo(-18, within(1e-7));
    assertThat(equal.participant("B").cost()).isCloseTo(14, within(1e-7));
    assertThat(equal.participant("C").cost()).isCloseTo(34, within(1e-7));

    SettlementResult weighted = settle(new NashBargainingMechanism(CommunityBill.DLMP,
        NashBargainingMechanism.Weighting.ENERGY_CONTRIBUTION), threeBuildings());
    assertThat(weighted.participant("A").cost()).isCloseTo(-21, within(1e-7));
    assertThat(weighted.participant("B").cost()).isCloseTo(17, within(1e-7));
  }

  /**
   * KS with ideal points capped by the bounds: u* = min(hi_b, S − Σ others' lower) = (18, 12, 18)
   * (A's hi 18, B's hi 12, C's 24 capped by S = 18); KS gives u = 18·u* / 48 = (6.75, 4.5, 6.75).
   */
  @Test
  void kalaiSmorodinskyWithCappedIdealPoints() {
    SettlementResult s = settle(new KalaiSmorodinskyMechanism(), threeBuildings());
    assertThat(s.participant("A").savings().getAsDouble()).isCloseTo(6.75, within(1e-9));
    assertThat(s.participant("B").savings().getAsDouble()).isCloseTo(4.5, within(1e-9));
    assertThat(s.participant("C").savings().getAsDouble()).isCloseTo(6.75, within(1e-9));
  }

  @Test
  void jainIndexOfEqualUnequalAndNegativeSavings() {
    assertThat(JainIndex.of(new double[] {3, 3, 3})).isEqualTo(1);
    assertThat(JainIndex.of(new double[] {9, 0, 0})).isCloseTo(1.0 / 3, within(DELTA));
    // (−2, 0, 4) shifted by 2 → (0, 2, 6): 64 / (3 · 40).
    assertThat(JainIndex.of(new double[] {-2, 0, 4})).isCloseTo(64.0 / 120, within(DELTA));
    assertThat(JainIndex.of(new double[] {-5, -5})).isEqualTo(1);
  }
}
