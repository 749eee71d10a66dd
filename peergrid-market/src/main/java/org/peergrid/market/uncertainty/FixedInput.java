package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;

/**
 * An input known exactly (σ = 0), e.g. PV at night. The point estimate method spends no
 * evaluations on it; Monte Carlo always draws its value.
 */
public record FixedInput(double value) implements RandomInput {

  public FixedInput {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
  }

  @Override
  public Moments moments() {
    return Moments.constant(value);
  }

  @Override
  public double sample(RandomGenerator rng) {
    return value;
  }
}
