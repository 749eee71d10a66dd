package org.peergrid.market.nuc;

import org.peergrid.grid.radial.RadialNetwork;

/**
 * Resistances along the radial feeder [p.u.]: R_ij between two buses is the series resistance of
 * the unique path joining them, R_0i + R_0j − 2 R_0a with a their nearest common ancestor; and the
 * shared part R_0a of two buses' paths from the root, which is LinDistFlow's sensitivity of the
 * voltage at one to active power injected at the other (∂v_k/∂p_i = 2 R_0a).
 */
public final class ElectricalDistance {
  private final RadialNetwork radial;
  private final double[] fromRoot;
  private final int[] depth;

  public ElectricalDistance(RadialNetwork radial) {
    this.radial = radial;
    int n = radial.busCount();
    fromRoot = new double[n];
    depth = new int[n];
    for (int k = 1; k < n; k++) { // parents come before children
      fromRoot[k] = fromRoot[radial.parent(k)] + radial.seriesR(k);
      depth[k] = depth[radial.parent(k)] + 1;
    }
  }

  /** R_ij between internal bus indices [p.u.]. */
  double between(int i, int j) {
    return fromRoot[i] + fromRoot[j] - 2 * shared(i, j);
  }

  /** R_0a, the resistance that the root paths of i and j share [p.u.]. */
  public double shared(int i, int j) {
    while (i != j) {
      if (depth[i] >= depth[j]) {
        i = radial.parent(i);
      } else {
        j = radial.parent(j);
      }
    }
    return fromRoot[i];
  }
}
