package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * Electrical distance on a radial feeder: the series resistance (p.u.) of the path between two
 * buses, R(i) + R(j) − 2·R(lowest common ancestor), with R(k) the resistance from the root to k.
 * Also gives the feeder's depth-first order, in which every subtree is contiguous.
 */
final class FeederDistance {
  private final int[] parent;
  private final int[] depth;
  private final double[] rootResistance;
  private final int[] dfsRank;
  private final double longest;
  /**
   * Every pair's path resistance, when the feeder is small enough ({@link #TABLE_BUSES}): formation
   * asks for it on every candidate move, thousands of times per building, and a lookup is O(1)
   * where walking to the common ancestor is O(depth).
   */
  private final double[][] table;
  static final int TABLE_BUSES = 2048;

  FeederDistance(RadialNetwork radial) {
    int n = radial.busCount();
    parent = new int[n];
    depth = new int[n];
    rootResistance = new double[n];
    List<List<Integer>> children = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      children.add(new ArrayList<>());
    }
    parent[0] = -1;
    for (int k = 1; k < n; k++) {
      parent[k] = radial.parent(k);
      children.get(parent[k]).add(k);
    }
    dfsRank = new int[n];
    int[] stack = new int[n];
    int top = 0;
    int rank = 0;
    stack[top++] = 0;
    double max = 0;
    while (top > 0) {
      int k = stack[--top];
      dfsRank[k] = rank++;
      if (k > 0) {
        depth[k] = depth[parent[k]] + 1;
        rootResistance[k] = rootResistance[parent[k]] + radial.seriesR(k);
        max = Math.max(max, rootResistance[k]);
      }
      List<Integer> c = children.get(k);
      for (int i = c.size() - 1; i >= 0; i--) {
        stack[top++] = c.get(i);
      }
    }
    longest = max;
    table = n <= TABLE_BUSES ? pairTable(n) : null;
  }

  private double[][] pairTable(int n) {
    double[][] d = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        d[a][b] = walk(a, b);
        d[b][a] = d[a][b];
      }
    }
    return d;
  }

  /** Path resistance between two buses (internal indices) [p.u.]. */
  double between(int a, int b) {
    return table != null ? table[a][b] : walk(a, b);
  }

  /** R(a) + R(b) − 2·R(lca), the lowest common ancestor found by walking up. */
  private double walk(int a, int b) {
    int i = a;
    int j = b;
    while (depth[i] > depth[j]) {
      i = parent[i];
    }
    while (depth[j] > depth[i]) {
      j = parent[j];
    }
    while (i != j) {
      i = parent[i];
      j = parent[j];
    }
    return rootResistance[a] + rootResistance[b] - 2 * rootResistance[i];
  }

  /** The largest root-to-bus resistance [p.u.]: the feeder's electrical length. */
  double longest() {
    return longest;
  }

  /** The bus's position in depth-first order. */
  int rank(int bus) {
    return dfsRank[bus];
  }
}
