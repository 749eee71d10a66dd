/**
 * Fair sharing of the savings of cooperation by bargaining: the Nash bargaining solution (Nash,
 * Econometrica 18(2), 1950) and the Kalai–Smorodinsky solution (Kalai &amp; Smorodinsky,
 * Econometrica 43(3), 1975), in payoff space ({@link org.peergrid.market.bargaining.BargainingProblem})
 * with a cost-sharing adapter ({@link org.peergrid.market.bargaining.SavingsSplit}).
 *
 * <p>Every solver is a pure function of its input: no I/O and no static mutable state. See
 * {@code docs/bargaining.md} for the formulations.
 */
package org.peergrid.market.bargaining;
