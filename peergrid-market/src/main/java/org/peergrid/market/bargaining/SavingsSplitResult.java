package org.peergrid.market.bargaining;

/**
 * How a community bill is split.
 *
 * @param status the bargaining status; payments are present only when SOLVED
 * @param totalSaving S = Σ C⁰_b − B [currency], also when negative
 * @param payments p_b [currency], Σ p_b = B; empty unless solved
 * @param utilities u_b = C⁰_b − p_b [currency]; empty unless solved
 * @param individuallyRational per participant, u_b ≥ 0 (up to rounding); empty unless solved
 * @param message why the status is not SOLVED, or empty
 */
public record SavingsSplitResult(
    BargainingStatus status,
    double totalSaving,
    double[] payments,
    double[] utilities,
    boolean[] individuallyRational,
    String message) {

  public SavingsSplitResult {
    payments = payments.clone();
    utilities = utilities.clone();
    individuallyRational = individuallyRational.clone();
  }

  @Override
  public double[] payments() {
    return payments.clone();
  }

  @Override
  public double[] utilities() {
    return utilities.clone();
  }

  @Override
  public boolean[] individuallyRational() {
    return individuallyRational.clone();
  }
}
