package org.peergrid.market.mechanism;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random small communities on a copper plate: 2–6 buildings over 1–4 intervals, net
 * energies of either sign, tariffs with import above export, and a generator in every third one.
 * Buildings 0 and 1 are identical, for symmetry checks.
 */
public final class RandomCommunities {
  /** How many seeds each property runs. */
  public static final int SEEDS = 30;

  private RandomCommunities() {}

  public static LongStream seeds() {
    return LongStream.range(1, SEEDS + 1);
  }

  public static CooperativeOutcome of(long seed) {
    Random r = new Random(seed);
    int intervals = 1 + r.nextInt(4);
    double[] imp = new double[intervals];
    double[] exp = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      exp[t] = 1 + 2 * r.nextDouble();
      imp[t] = exp[t] + 0.5 + 4 * r.nextDouble();
    }
    CopperPlate c = CopperPlate.of(1, imp, exp);
    int buildings = 2 + r.nextInt(5);
    double[] twin = energies(r, intervals);
    c.building("B0", twin).building("B1", twin);
    for (int b = 2; b < buildings; b++) {
      c.building("B" + b, energies(r, intervals));
    }
    if (seed % 3 == 0) {
      double[] out = new double[intervals];
      for (int t = 0; t < intervals; t++) {
        out[t] = 20 * r.nextDouble();
      }
      c.generator("G", 1.5, out);
    }
    return c.build("random-" + seed);
  }

  private static double[] energies(Random r, int intervals) {
    double[] x = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      x[t] = -30 + 70 * r.nextDouble();
    }
    return x;
  }
}
