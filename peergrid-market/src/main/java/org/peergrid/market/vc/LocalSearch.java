package org.peergrid.market.vc;

import java.util.List;

/**
 * Best-improvement moves and swaps between nearby communities that lower Σ_v Σ_t A_v,t² of
 * profiles x (centred by the caller, so that this is the squared deviation from the mean). A move of
 * building i from v to w changes the objective by 2 Σ_t x_i (A_w − A_v) + 2 Σ_t x_i²; a swap of i ∈ v
 * with j ∈ w by 2 Σ_t (x_i − x_j)(A_w − A_v) + 2 Σ_t (x_i − x_j)², both O(T). Every accepted step
 * strictly lowers a bounded objective, so the search ends; the fixed scan order makes it deterministic.
 */
final class LocalSearch {
  /** A step must gain at least this share of the objective, so that rounding never cycles. */
  private static final double MIN_GAIN = 1e-12;

  private final List<List<Integer>> groups;
  private final double[][] x;
  private final double[][] aggregate;
  private final FormationRules rules;
  private final VcFormation.Locality locality;

  LocalSearch(List<List<Integer>> groups, double[][] x, FormationRules rules, VcFormation.Locality locality) {
    this.groups = groups;
    this.x = x;
    this.rules = rules;
    this.locality = locality;
    int n = x.length == 0 ? 0 : x[0].length;
    aggregate = new double[groups.size()][n];
    for (int g = 0; g < groups.size(); g++) {
      for (int i : groups.get(g)) {
        add(aggregate[g], x[i], 1);
      }
    }
  }

  void run() {
    for (int sweep = 0; sweep < rules.sweeps(); sweep++) {
      boolean improved = false;
      double threshold = MIN_GAIN * (1 + objective());
      for (int v = 0; v < groups.size(); v++) {
        for (int slot = 0; slot < groups.get(v).size(); slot++) {
          improved |= bestStep(v, groups.get(v).get(slot), threshold);
        }
      }
      if (!improved) {
        return;
      }
    }
  }

  /** Applies the best improving move or swap of building i (in community v); whether there was one. */
  private boolean bestStep(int v, int i, double threshold) {
    double best = -threshold;
    int bestW = -1;
    int bestJ = -1;
    int from = Math.max(0, v - rules.neighbours());
    int to = Math.min(groups.size() - 1, v + rules.neighbours());
    for (int w = from; w <= to; w++) {
      if (w == v) {
        continue;
      }
      if (groups.get(v).size() > rules.minSize() && groups.get(w).size() < rules.maxSize()) {
        double delta = moveDelta(x[i], aggregate[v], aggregate[w]);
        if (delta < best && locality.fits(groups.get(w), i, -1)) {
          best = delta;
          bestW = w;
          bestJ = -1;
        }
      }
      for (int j : groups.get(w)) {
        double delta = swapDelta(x[i], x[j], aggregate[v], aggregate[w]);
        if (delta < best && locality.fits(groups.get(w), i, j) && locality.fits(groups.get(v), j, i)) {
          best = delta;
          bestW = w;
          bestJ = j;
        }
      }
    }
    if (bestW < 0) {
      return false;
    }
    apply(v, i, bestW, bestJ);
    return true;
  }

  private void apply(int v, int i, int w, int j) {
    groups.get(v).remove(Integer.valueOf(i));
    groups.get(w).add(i);
    add(aggregate[v], x[i], -1);
    add(aggregate[w], x[i], 1);
    if (j >= 0) {
      groups.get(w).remove(Integer.valueOf(j));
      groups.get(v).add(j);
      add(aggregate[w], x[j], -1);
      add(aggregate[v], x[j], 1);
    }
  }

  static double moveDelta(double[] xi, double[] av, double[] aw) {
    double d = 0;
    for (int t = 0; t < xi.length; t++) {
      d += 2 * xi[t] * (aw[t] - av[t]) + 2 * xi[t] * xi[t];
    }
    return d;
  }

  static double swapDelta(double[] xi, double[] xj, double[] av, double[] aw) {
    double d = 0;
    for (int t = 0; t < xi.length; t++) {
      double diff = xi[t] - xj[t];
      d += 2 * diff * (aw[t] - av[t]) + 2 * diff * diff;
    }
    return d;
  }

  private double objective() {
    double s = 0;
    for (double[] a : aggregate) {
      for (double v : a) {
        s += v * v;
      }
    }
    return s;
  }

  private static void add(double[] into, double[] values, double sign) {
    for (int t = 0; t < into.length; t++) {
      into[t] += sign * values[t];
    }
  }
}
