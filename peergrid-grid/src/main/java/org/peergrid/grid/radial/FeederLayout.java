package org.peergrid.grid.radial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each bus of a radial feeder goes in a single-line drawing: the one layout that both the run
 * report ({@code peergrid run}) and the platform's dashboard draw, so the two pictures of a feeder
 * cannot differ. The column is the bus's depth from the substation; each bus sits on the row of its
 * deepest child, so the trunk (the longest path) runs straight along row 0 and each lateral hangs
 * below the bus it leaves from, on rows of its own. Rows are given out depth-first (deeper subtrees
 * first, then by bus number), so laterals never cross and no two buses share a place.
 *
 * <p>It is a plain record so that Jackson writes it as it is: {@code {"columns": C, "rows": R,
 * "buses": [{"bus": 1, "parent": null, "column": 0, "row": 0}, …]}}, buses in the network's internal
 * order (parents before children).
 *
 * @param columns the number of columns (the deepest bus's depth + 1)
 * @param rows the number of rows
 * @param buses each bus's place, by internal index
 */
public record FeederLayout(int columns, int rows, List<Place> buses) {
  /**
   * One bus's place.
   *
   * @param bus the bus number
   * @param parent the parent's bus number, null at the substation
   * @param column depth from the substation (0 at the substation)
   * @param row row, 0 at the top (drawn downwards)
   */
  public record Place(int bus, Integer parent, int column, int row) {}

  public FeederLayout {
    buses = List.copyOf(buses);
  }

  /** The layout of a network's tree. */
  public static FeederLayout of(RadialNetwork net) {
    int[] parent = new int[net.busCount()];
    int[] busNumber = new int[net.busCount()];
    for (int k = 0; k < parent.length; k++) {
      parent[k] = net.parent(k);
      busNumber[k] = net.busNumber(k);
    }
    return of(parent, busNumber);
  }

  /**
   * The layout of a tree given by each index's parent index (-1 at the root, index 0; parents before
   * children, as {@link RadialNetwork} orders them) and each index's bus number.
   */
  public static FeederLayout of(int[] parent, int[] busNumber) {
    int n = parent.length;
    if (n == 0 || parent[0] != -1 || busNumber.length != n) {
      throw new IllegalArgumentException("a tree needs its root at index 0 and a bus number per index");
    }
    List<List<Integer>> children = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      children.add(new ArrayList<>());
    }
    int[] depth = new int[n];
    for (int k = 1; k < n; k++) {
      if (parent[k] < 0 || parent[k] >= k) {
        throw new IllegalArgumentException("index " + k + " has parent " + parent[k] + ": parents come first");
      }
      children.get(parent[k]).add(k);
      depth[k] = depth[parent[k]] + 1;
    }
    // height: the longest path down from a bus; children in reverse order see every descendant first
    int[] height = new int[n];
    for (int k = n - 1; k >= 1; k--) {
      height[parent[k]] = Math.max(height[parent[k]], height[k] + 1);
    }
    for (List<Integer> c : children) {
      c.sort(Comparator.comparingInt((Integer k) -> -height[k]).thenComparingInt(k -> busNumber[k]));
    }
    int[] row = new int[n];
    int rows = place(0, 0, children, row);
    List<Place> places = new ArrayList<>(n);
    int columns = 0;
    for (int k = 0; k < n; k++) {
      places.add(new Place(busNumber[k], k == 0 ? null : busNumber[parent[k]], depth[k], row[k]));
      columns = Math.max(columns, depth[k] + 1);
    }
    return new FeederLayout(columns, rows, places);
  }

  /**
   * Places bus k's subtree from row {@code first}: k and its first (deepest) child on that row, each
   * further child below everything placed so far. Returns the first free row after the subtree.
   */
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

  /** The column of the bus at internal index k. */
  public int column(int k) {
    return buses.get(k).column();
  }

  /** The row of the bus at internal index k. */
  public int row(int k) {
    return buses.get(k).row();
  }
}
