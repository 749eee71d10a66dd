package org.peergrid.market.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random bargaining problems that are feasible and strictly individually rational by
 * construction: a hidden split x⁰ &gt; d is drawn first, bounds are placed around it and coalition
 * values below it.
 */
final class RandomBargainingProblems {
  static final double INF = Double.POSITIVE_INFINITY;

  private RandomBargainingProblems() {}

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /**
   * @param bounds draw box bounds (30 % of them infinite)
   * @param coalitions draw 1..2n core constraints
   * @param symmetricPair make players 0 and 1 identical (and the core symmetric in them)
   */
  static BargainingProblem generate(long seed, boolean bounds, boolean coalitions,
      boolean symmetricPair) {
    Random rnd = new Random(seed);
    int n = 2 + rnd.nextInt(7);
    double[] d = new double[n];
    double[] x0 = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = uniform(rnd, -50, 50);
      x0[i] = d[i] + uniform(rnd, 0.5, 10);
      lo[i] = bounds && rnd.nextDouble() > 0.3 ? x0[i] - uniform(rnd, 0.1, 8) : -INF;
      hi[i] = bounds && rnd.nextDouble() > 0.3 ? x0[i] + uniform(rnd, 0.1, 8) : INF;
      w[i] = uniform(rnd, 0.5, 3);
    }
    if (symmetricPair) {
      d[1] = d[0];
      x0[1] = x0[0];
      lo[1] = lo[0];
      hi[1] = hi[0];
      w[1] = w[0];
    }
    List<CoalitionConstraint> cs = new ArrayList<>();
    int k = coalitions ? 1 + rnd.nextInt(2 * n) : 0;
    for (int c = 0; c < k; c++) {
      int[] members = randomSubset(rnd, n);
      CoalitionConstraint cc = new CoalitionConstraint(members, 0);
      double value = cc.sum(x0) - uniform(rnd, 0.01, 2);
      cs.add(new CoalitionConstraint(members, value));
      if (symmetricPair && cc.contains(0) != cc.contains(1)) {
        int[] swapped = Arrays.stream(members).map(i -> i == 0 ? 1 : i == 1 ? 0 : i).toArray();
        cs.add(new CoalitionConstraint(swapped, value));
      }
    }
    return new BargainingProblem(d, Arrays.stream(x0).sum(), lo, hi, cs, w);
  }

  private static int[] randomSubset(Random rnd, int n) {
    int[] members;
    do {
      int mask = rnd.nextInt(1 << n);
      members = java.util.stream.IntStream.range(0, n).filter(i -> (mask >> i & 1) == 1).toArray();
    } while (members.length == 0 || members.length == n);
    return members;
  }

  private static double uniform(Random rnd, double a, double b) {
    return a + (b - a) * rnd.nextDouble();
  }
}
