package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * Positions of a radial feeder's buses for a single-line drawing: x is the depth from the
 * substation, and each bus sits on the row of its deepest child, so the trunk (the longest path)
 * runs straight along the top and each lateral hangs below the bus it leaves from on rows of its
 * own. Rows are laid out depth-first, so laterals never cross.
 *
 * @param x depth of each bus by internal index (root 0)
 * @param y row of each bus (0 at the top; drawn downwards)
 */
record FeederLayout(int[] x, int[] y) {

  static FeederLayout of(RadialNetwork net) {
    int n = net.busCount();
    List<List<Integer>> children = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      children.add(new ArrayList<>());
    }
    int[] depth = new int[n];
    for (int k = 1; k < n; k++) {
      children.get(net.parent(k)).add(k);
    }
    // Internal indices put parents before children (the sweep's order), so one pass gives depths.
    int[] height = new int[n];
    for (int k = 1; k < n; k++) {
      depth[k] = depth[net.parent(k)] + 1;
    }
    for (int k = n - 1; k >= 1; k--) {
      height[net.parent(k)] = Math.max(height[net.parent(k)], height[k] + 1);
    }
    for (List<Integer> c : children) {
      c.sort(Comparator.comparingInt((Integer k) -> -height[k]).thenComparingInt(net::busNumber));
    }
    int[] row = new int[n];
    place(0, 0, children, row);
    return new FeederLayout(depth, row);
  }

  /** Places bus k's subtree from row {@code first}; returns the first free row after it. */
  private static int place(int k, int first, List<List<Integer>> children, int[] row) {
    row[k] = first;
    int next = first;
    boolean firstChild = true;
    for (int c : children.get(k)) {
      next = place(c, firstChild ? first : next, children, row);
      firstChild = false;
    }
    return Math.max(next, first + 1);
  }

  int rows() {
    int max = 0;
    for (int r : y) {
      max = Math.max(max, r);
    }
    return max + 1;
  }

  int depth() {
    int max = 0;
    for (int d : x) {
      max = Math.max(max, d);
    }
    return max;
  }
}
