package org.peergrid.market.bargaining;

/** Outcome of a bargaining solve. Only {@link #SOLVED} carries payoffs. */
public enum BargainingStatus {
  /** Payoffs found within the stated tolerance. */
  SOLVED,
  /**
   * The feasible set {Σ x = v(N), lo ≤ x ≤ hi, core constraints} is empty: the bounds or the
   * coalition values ask for more (or less) than v(N).
   */
  INFEASIBLE,
  /**
   * Feasible splits exist but none gives every player at least its disagreement payoff, e.g. the
   * surplus S = v(N) − Σ d is negative, or a bound holds a player below d_i.
   */
  NOT_INDIVIDUALLY_RATIONAL,
  /**
   * Individually rational splits exist but the core constraints leave some player no strictly
   * positive gain in any of them; the Nash product is zero on the whole set.
   */
  DEGENERATE,
  /**
   * Kalai–Smorodinsky only: the monotone path from d towards the ideal point meets the budget
   * outside the core constraints, so no point on the path is feasible.
   */
  PATH_LEAVES_CORE,
  /** The iterative solver stopped at its iteration limit before reaching its tolerance. */
  MAX_ITERATIONS
}
