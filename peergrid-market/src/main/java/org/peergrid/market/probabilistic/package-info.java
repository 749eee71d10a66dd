/**
 * A scenario's market day under uncertain forecasts (MODEL.md §6): the scenario's {@code uncertainty}
 * block becomes m random inputs, one weather for the feeder or one per building
 * ({@link org.peergrid.market.probabilistic.ScenarioInputs}),
 * each evaluation clears a perturbed day with a market mechanism
 * ({@code ClearingModel}), and the point estimate method or Monte Carlo of
 * {@link org.peergrid.market.uncertainty} turns the evaluations into means and standard deviations
 * of the costs, the DLMPs and the lowest AC voltage ({@link org.peergrid.market.probabilistic.ProbabilisticClearing}).
 * See docs/uncertainty.md.
 */
package org.peergrid.market.probabilistic;
