package org.peergrid.grid.threephase;

/**
 * Solves {@code Y V = I} for the nodal admittance matrix of a radial phase-frame network by block
 * elimination along the tree: buses are eliminated leaves first, each bus's block (its nodes, 1 to 4)
 * folded into its parent's, so the factorisation has no fill-in and costs O(buses) small dense
 * operations. This is sparse LU with the tree's natural ordering (see docs/opendss.md).
 */
public final class BlockTreeSolver {
  private final PhaseNetwork net;
  private final int buses;
  private final CMatrix[] diag;
  private final CMatrix[] up;
  private final CMatrix[] down;
  private final CMatrix[] dinv;
  private final CMatrix[] lower;
  /** Bus and position within the bus of every global node (looked up once, not per stamp). */
  private final int[] nodeBus;
  private final int[] nodeLocal;
  private final double[] workRe;
  private final double[] workIm;
  private final double[] blockRe;
  private final double[] blockIm;

  public BlockTreeSolver(PhaseNetwork net) {
    this.net = net;
    this.buses = net.busCount();
    diag = new CMatrix[buses];
    up = new CMatrix[buses];
    down = new CMatrix[buses];
    dinv = new CMatrix[buses];
    lower = new CMatrix[buses];
    int nodes = net.nodeCount();
    nodeBus = new int[nodes];
    nodeLocal = new int[nodes];
    int largest = 1;
    for (int b = 0; b < buses; b++) {
      largest = Math.max(largest, size(b));
      for (int k = net.firstNode()[b]; k < net.firstNode()[b + 1]; k++) {
        nodeBus[k] = b;
        nodeLocal[k] = k - net.firstNode()[b];
      }
      diag[b] = CMatrix.square(size(b));
      if (b > 0) {
        int p = net.parent()[b];
        up[b] = new CMatrix(size(b), size(p));
        down[b] = new CMatrix(size(p), size(b));
      }
    }
    workRe = new double[nodes];
    workIm = new double[nodes];
    blockRe = new double[largest];
    blockIm = new double[largest];
  }

  private int size(int b) {
    return net.firstNode()[b + 1] - net.firstNode()[b];
  }

  /**
   * Assembles Y from the elements, the source admittance and (when {@code withLoads}) the loads'
   * rated admittances, and factors it.
   *
   * @throws IllegalStateException naming a bus whose block is singular
   */
  public void factor(boolean withLoads) {
    for (int b = 0; b < buses; b++) {
      diag[b].clear();
      if (b > 0) {
        up[b].clear();
        down[b].clear();
      }
    }
    for (PhaseElement e : net.elements()) {
      int n = e.nodes.length;
      for (int i = 0; i < n; i++) {
        if (e.nodes[i] < 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (e.nodes[j] >= 0) {
            stamp(e.nodes[i], e.nodes[j], e.y.re(i, j), e.y.im(i, j), e);
          }
        }
      }
    }
    int[] src = net.sourceNodes();
    for (int i = 0; i < src.length; i++) {
      for (int j = 0; j < src.length; j++) {
        stamp(src[i], src[j], net.sourceY().re(i, j), net.sourceY().im(i, j), null);
      }
    }
    if (withLoads) {
      for (LoadElement l : net.loads()) {
        if (l.generator) {
          continue; // a negative conductance would only slow the iteration down
        }
        for (int k = 0; k < l.from.length; k++) {
          int a = l.from[k];
          int c = l.to[k];
          if (a >= 0) {
            stamp(a, a, l.yeqRe, l.yeqIm, null);
          }
          if (c >= 0) {
            stamp(c, c, l.yeqRe, l.yeqIm, null);
          }
          if (a >= 0 && c >= 0) {
            stamp(a, c, -l.yeqRe, -l.yeqIm, null);
            stamp(c, a, -l.yeqRe, -l.yeqIm, null);
          }
        }
      }
    }
    for (int b = buses - 1; b >= 0; b--) {
      CMatrix inv = diag[b].inverse();
      if (inv == null) {
        throw new IllegalStateException("bus " + net.busNames()[b] + " (first used at " + net.busFirstElement()[b]
            + ") has a node with no path to the source or ground: the admittance matrix is singular there");
      }
      dinv[b] = inv;
      if (b > 0) {
        lower[b] = down[b].times(inv);
        diag[net.parent()[b]].subtract(lower[b].times(up[b]));
      }
    }
  }

  private void stamp(int gi, int gj, double re, double im, PhaseElement e) {
    int bi = nodeBus[gi];
    int bj = nodeBus[gj];
    int li = nodeLocal[gi];
    int lj = nodeLocal[gj];
    if (bi == bj) {
      diag[bi].add(li, lj, re, im);
    } else if (net.parent()[bi] == bj) {
      up[bi].add(li, lj, re, im);
    } else if (net.parent()[bj] == bi) {
      down[bj].add(li, lj, re, im);
    } else {
      throw new IllegalStateException((e == null ? "an element" : e.name()) + " joins buses " + net.busNames()[bi]
          + " and " + net.busNames()[bj] + " that are not neighbours in the feeder's tree");
    }
  }

  /** Solves Y x = rhs with the last factorisation; rhs is left unchanged. */
  public void solve(double[] rhsRe, double[] rhsIm, double[] xRe, double[] xIm) {
    int[] first = net.firstNode();
    int[] parent = net.parent();
    double[] yr = workRe;
    double[] yi = workIm;
    System.arraycopy(rhsRe, 0, yr, 0, yr.length);
    System.arraycopy(rhsIm, 0, yi, 0, yi.length);
    for (int b = buses - 1; b > 0; b--) {
      int p = parent[b];
      CMatrix l = lower[b];
      int fb = first[b];
      int fp = first[p];
      for (int i = 0; i < l.rows; i++) {
        double sr = 0;
        double si = 0;
        for (int j = 0; j < l.cols; j++) {
          double ar = l.re[i * l.cols + j];
          double ai = l.im[i * l.cols + j];
          sr += ar * yr[fb + j] - ai * yi[fb + j];
          si += ar * yi[fb + j] + ai * yr[fb + j];
        }
        yr[fp + i] -= sr;
        yi[fp + i] -= si;
      }
    }
    for (int b = 0; b < buses; b++) {
      int fb = first[b];
      int n = first[b + 1] - fb;
      double[] tr = blockRe;
      double[] ti = blockIm;
      for (int i = 0; i < n; i++) {
        tr[i] = yr[fb + i];
        ti[i] = yi[fb + i];
      }
      if (b > 0) {
        CMatrix u = up[b];
        int fp = first[parent[b]];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < u.cols; j++) {
            double ar = u.re[i * u.cols + j];
            double ai = u.im[i * u.cols + j];
            tr[i] -= ar * xRe[fp + j] - ai * xIm[fp + j];
            ti[i] -= ar * xIm[fp + j] + ai * xRe[fp + j];
          }
        }
      }
      CMatrix d = dinv[b];
      for (int i = 0; i < n; i++) {
        double sr = 0;
        double si = 0;
        for (int j = 0; j < n; j++) {
          double ar = d.re[i * n + j];
          double ai = d.im[i * n + j];
          sr += ar * tr[j] - ai * ti[j];
          si += ar * ti[j] + ai * tr[j];
        }
        xRe[fb + i] = sr;
        xIm[fb + i] = si;
      }
    }
  }
}
