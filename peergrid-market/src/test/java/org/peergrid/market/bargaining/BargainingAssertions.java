package org.peergrid.market.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/** Domain assertions for bargaining outcomes, with named tolerances. */
final class BargainingAssertions {
  /** Payoff tolerance for published reference values. */
  static final double DELTA_PAYOFF = 1e-6;
  /** Tolerance for exact (closed-form) solutions: rounding only. */
  static final double DELTA_EXACT = 1e-9;
  /** Relative tolerance on KKT stationarity and complementarity for the interior-point solve. */
  static final double DELTA_KKT = 1e-6;

  private BargainingAssertions() {}

  static double[] assertSolved(BargainingResult r) {
    assertThat(r.status()).as(r.message()).isEqualTo(BargainingStatus.SOLVED);
    return r.payoffs();
  }

  static void assertPayoffs(BargainingResult r, double delta, double... expected) {
    double[] x = assertSolved(r);
    assertThat(x).containsExactly(expected, within(delta));
  }

  /**
   * Checks the KKT conditions of max Σ w ln(x − d) s.t. Σx = v, lo ≤ x ≤ hi, core: primal
   * feasibility, dual feasibility (μ ≥ 0), stationarity and complementary slackness, relative to
   * the size of the marginals.
   */
  static void assertKkt(BargainingProblem p, BargainingResult r) {
    double[] x = assertSolved(r);
    assertThat(r.multipliers()).isPresent();
    KktMultipliers m = r.multipliers().orElseThrow();
    double[] d = p.disagreement();
    double[] w = p.weights();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    List<CoalitionConstraint> cs = p.coalitions();
    double scale = Math.abs(p.totalValue()) + 1;
    double sum = 0;
    for (double xi : x) {
      sum += xi;
    }
    assertThat(sum).as("budget").isCloseTo(p.totalValue(), within(DELTA_KKT * scale));
    double[] coalition = m.coalition();
    for (int c = 0; c < cs.size(); c++) {
      double slack = cs.get(c).sum(x) - cs.get(c).value();
      assertThat(slack).as("core " + cs.get(c)).isGreaterThanOrEqualTo(-DELTA_KKT * scale);
      assertThat(coalition[c]).as("μ_C ≥ 0").isGreaterThanOrEqualTo(0);
      assertThat(coalition[c] * slack).as("complementarity " + cs.get(c))
          .isCloseTo(0, within(DELTA_KKT * Math.max(1, m.budget() * scale)));
    }
    for (int i = 0; i < x.length; i++) {
      double marginal = w[i] / (x[i] - d[i]);
      double rhs = m.budget() - m.lower()[i] + m.upper()[i];
      for (int c = 0; c < cs.size(); c++) {
        if (cs.get(c).contains(i)) {
          rhs -= coalition[c];
        }
      }
      assertThat(x[i]).as("x_%d > d_%d", i, i).isGreaterThan(d[i]);
      assertThat(x[i]).as("bounds of %d", i)
          .isBetween(lo[i] - DELTA_KKT * scale, hi[i] + DELTA_KKT * scale);
      assertThat(m.lower()[i]).isGreaterThanOrEqualTo(0);
      assertThat(m.upper()[i]).isGreaterThanOrEqualTo(0);
      assertThat(rhs).as("stationarity of player %d", i)
          .isCloseTo(marginal, within(DELTA_KKT * Math.max(1, marginal)));
      if (Double.isFinite(lo[i])) {
        assertThat(m.lower()[i] * (x[i] - lo[i])).as("complementarity lo_%d", i)
            .isCloseTo(0, within(DELTA_KKT * Math.max(1, m.budget() * scale)));
      }
      if (Double.isFinite(hi[i])) {
        assertThat(m.upper()[i] * (hi[i] - x[i])).as("complementarity hi_%d", i)
            .isCloseTo(0, within(DELTA_KKT * Math.max(1, m.budget() * scale)));
      }
    }
  }
}
