package org.peergrid.market.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random mixes of input models for parameterised tests. */
final class RandomInputs {
  private RandomInputs() {}

  /** 1 to {@code maxCount} inputs, each a load, a fitted PV, a fitted wind or a fixed value. */
  static List<RandomInput> mix(long seed, int maxCount) {
    SplittableRandom rng = new SplittableRandom(seed);
    int count = 1 + rng.nextInt(maxCount);
    List<RandomInput> inputs = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double rated = 2 + 8 * rng.nextDouble();
      inputs.add(switch (rng.nextInt(4)) {
        case 0 -> LoadInput.forecast(rated, 0.05 + 0.15 * rng.nextDouble());
        case 1 -> SolarPvInput.fitted(rated * (0.1 + 0.6 * rng.nextDouble()), rated, 0.1 + 0.2 * rng.nextDouble());
        case 2 -> WindInput.fitted(rated * (0.05 + 0.35 * rng.nextDouble()), WindTurbineCurve.withDefaultSpeeds(rated));
        default -> new FixedInput(rated);
      });
    }
    return inputs;
  }
}
