package org.peergrid.platform.market;

/**
 * A tidy drawing of a radial feeder: each bus at x = its depth from the root, leaves one row apart
 * in depth-first order, and a bus with children centred between its first and last child. Both
 * coordinates are scaled to [0, 1] (0 when there is a single column or row).
 *
 * @param x per bus index, its depth over the tree's depth
 * @param y per bus index, its row over the number of rows minus one
 */
public record FeederLayout(double[] x, double[] y) {
  /** The layout of a tree given by each bus index's parent index (-1 for the root; parents come first). */
  public static FeederLayout of(int[] parent) {
    int n = parent.length;
    int[] depth = new int[n];
    int[] childCount = new int[n];
    int maxDepth = 0;
    for (int k = 1; k < n; k++) {
      depth[k] = depth[parent[k]] + 1;
      childCount[parent[k]]++;
      maxDepth = Math.max(maxDepth, depth[k]);
    }
    int[][] children = new int[n][];
    for (int k = 0; k < n; k++) {
      children[k] = new int[childCount[k]];
      childCount[k] = 0;
    }
    for (int k = 1; k < n; k++) {
      children[parent[k]][childCount[parent[k]]++] = k;
    }
    double[] row = new double[n];
    int rows = place(0, children, row, 0);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = maxDepth == 0 ? 0 : (double) depth[k] / maxDepth;
      y[k] = rows <= 1 ? 0 : row[k] / (rows - 1);
    }
    return new FeederLayout(x, y);
  }

  /** Places bus k's subtree from row {@code next}; returns the next free row. */
  private static int place(int k, int[][] children, double[] row, int next) {
    if (children[k].length == 0) {
      row[k] = next;
      return next + 1;
    }
    int free = next;
    for (int c : children[k]) {
      free = place(c, children, row, free);
    }
    row[k] = (row[children[k][0]] + row[children[k][children[k].length - 1]]) / 2;
    return free;
  }
}
