package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;

/**
 * One uncertain input of a deterministic model, e.g. the PV power of one participant in one
 * interval. The random variable is the value that enters the model (a power in kW), not the
 * underlying weather variable: a PV input's moments are those of its power, not of the irradiance.
 * Implementations are immutable and thread-safe.
 */
public interface RandomInput {

  /** Mean, standard deviation, skewness and raw kurtosis of the model variable. */
  Moments moments();

  /** One draw of the model variable; uses only {@code rng} so that a seeded generator reproduces it. */
  double sample(RandomGenerator rng);

  default double mean() {
    return moments().mean();
  }

  default double std() {
    return moments().std();
  }

  /** λ3 = E[(X−μ)³]/σ³. */
  default double skewness() {
    return moments().skewness();
  }

  /** Raw kurtosis λ4 = E[(X−μ)⁴]/σ⁴ (3 for a normal variable). */
  default double kurtosis() {
    return moments().kurtosis();
  }

  /** λ4 − 3. */
  default double excessKurtosis() {
    return moments().excessKurtosis();
  }
}
