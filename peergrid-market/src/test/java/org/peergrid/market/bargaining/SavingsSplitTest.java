package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.bargaining.BargainingAssertions.DELTA_EXACT;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SavingsSplitTest {
  private static final double[] BASE = {100, 60};
  private static final double[] NO_MIN = {0, 0};
  private static final double[] WIDE_MAX = {200, 200};

  private final SavingsSplit nash = new SavingsSplit(new NashBargainingSolver());
  private final SavingsSplit ks = new SavingsSplit(new KalaiSmorodinskySolver());

  /** S = 160 − 130 = 30, shared equally: u = (15, 15), p = (85, 45). */
  @Test
  void nashSharesTheSavingEqually() {
    SavingsSplitResult r = nash.split(BASE, 130, NO_MIN, WIDE_MAX, BargainingWeights.equal(2));
    assertThat(r.totalSaving()).isEqualTo(30);
    assertThat(r.payments()).containsExactly(new double[] {85, 45}, within(DELTA_EXACT));
    assertThat(r.utilities()).containsExactly(new double[] {15, 15}, within(DELTA_EXACT));
    assertThat(r.individuallyRational()).containsExactly(true, true);
  }

  /** p₀ ≥ 90 caps u₀ at 10; the other takes the remaining 20: p = (90, 40). */
  @Test
  void paymentBoundBinds() {
    SavingsSplitResult r =
        nash.split(BASE, 130, new double[] {90, 0}, WIDE_MAX, BargainingWeights.equal(2));
    assertThat(r.payments()).containsExactly(new double[] {90, 40}, within(DELTA_EXACT));
  }

  /** Weights from energy contributions 1 : 3 give u = 30·(1/4, 3/4) = (7.5, 22.5). */
  @Test
  void energyContributionWeights() {
    SavingsSplitResult r = nash.split(BASE, 130, NO_MIN, WIDE_MAX,
        BargainingWeights.proportional(new double[] {10, 30}));
    assertThat(r.payments()).containsExactly(new double[] {92.5, 37.5}, within(DELTA_EXACT));
  }

  /**
   * KS with p₀ ≥ 90: hi₀ = 10, lo₁ = 60 − 200 &lt; 0, so ideals u*₀ = min(10, 30 − 0) = 10 and
   * u*₁ = min(60, 30 − 0) = 30; then 40t = 30, t = 3/4, u = (7.5, 22.5), p = (92.5, 37.5).
   */
  @Test
  void kalaiSmorodinskyWithPaymentBound() {
    SavingsSplitResult r =
        ks.split(BASE, 130, new double[] {90, 0}, WIDE_MAX, BargainingWeights.equal(2));
    assertThat(r.payments()).containsExactly(new double[] {92.5, 37.5}, within(DELTA_EXACT));
  }

  @Test
  void negativeSavingIsReportedNotSplit() {
    SavingsSplitResult r = nash.split(BASE, 170, NO_MIN, WIDE_MAX, BargainingWeights.equal(2));
    assertThat(r.status()).isEqualTo(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL);
    assertThat(r.totalSaving()).isEqualTo(-10);
    assertThat(r.payments()).isEmpty();
  }

  @Test
  void billOutsidePaymentBoundsIsInfeasible() {
    SavingsSplitResult r =
        nash.split(BASE, 130, NO_MIN, new double[] {50, 50}, BargainingWeights.equal(2));
    assertThat(r.status()).isEqualTo(BargainingStatus.INFEASIBLE);
  }

  static java.util.stream.LongStream seeds() {
    return RandomBargainingProblems.seeds();
  }

  /** Random communities with S ≥ 0 and bounds around a rational split. */
  @ParameterizedTest
  @MethodSource("seeds")
  void bothMethodsBalanceTheBillWithinBoundsAndRationally(long seed) {
    Random rnd = new Random(seed);
    int n = 2 + rnd.nextInt(10);
    double[] base = new double[n];
    double[] pMin = new double[n];
    double[] pMax = new double[n];
    double[] p0 = new double[n];
    for (int b = 0; b < n; b++) {
      base[b] = 20 + 200 * rnd.nextDouble();
      p0[b] = base[b] - 15 * rnd.nextDouble();
      pMin[b] = p0[b] - 40 * rnd.nextDouble();
      pMax[b] = p0[b] + 40 * rnd.nextDouble();
    }
    double bill = Arrays.stream(p0).sum();
    for (SavingsSplit s : new SavingsSplit[] {nash, ks}) {
      SavingsSplitResult r = s.split(base, bill, pMin, pMax, BargainingWeights.equal(n));
      assertThat(r.status()).isEqualTo(BargainingStatus.SOLVED);
      double[] p = r.payments();
      assertThat(Arrays.stream(p).sum()).isCloseTo(bill, within(1e-9 * bill));
      for (int b = 0; b < n; b++) {
        assertThat(p[b]).isBetween(pMin[b] - 1e-9, pMax[b] + 1e-9);
        assertThat(p[b]).isLessThanOrEqualTo(base[b] + 1e-9);
        assertThat(r.individuallyRational()[b]).isTrue();
      }
    }
  }
}
