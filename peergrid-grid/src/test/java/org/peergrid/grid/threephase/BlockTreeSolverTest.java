package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree block factorisation against a plain dense complex Gaussian elimination of the same nodal
 * matrix, on seeded random radial networks whose buses have 1 to 3 nodes.
 */
class BlockTreeSolverTest {

  static IntStream seeds() {
    return IntStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void matchesDenseElimination(int seed) {
    Random rnd = new Random(seed);
    int buses = 2 + rnd.nextInt(40);
    int[] parent = new int[buses];
    int[] size = new int[buses];
    parent[0] = -1;
    size[0] = 3;
    for (int b = 1; b < buses; b++) {
      parent[b] = rnd.nextInt(b);
      size[b] = Math.min(size[parent[b]], 1 + rnd.nextInt(3));
    }
    int[] first = new int[buses + 1];
    for (int b = 0; b < buses; b++) {
      first[b + 1] = first[b] + size[b];
    }
    int nodes = first[buses];
    int[] numbers = new int[nodes];
    String[] names = new String[buses];
    String[] where = new String[buses];
    for (int b = 0; b < buses; b++) {
      names[b] = "b" + b;
      where[b] = "test";
      for (int k = 0; k < size[b]; k++) {
        numbers[first[b] + k] = k + 1;
      }
    }
    List<PhaseElement> elements = new ArrayList<>();
    for (int b = 1; b < buses; b++) {
      int n = size[b];
      CMatrix y = CMatrix.square(2 * n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double gr = i == j ? 1 + rnd.nextDouble() : 0.2 * rnd.nextDouble();
          double gi = i == j ? -3 - rnd.nextDouble() : -0.5 * rnd.nextDouble();
          y.set(i, j, gr, gi);
          y.set(n + i, n + j, gr, gi + (i == j ? 1e-3 : 0));
          y.set(i, n + j, -gr, -gi);
          y.set(n + i, j, -gr, -gi);
        }
      }
      int[] conductors = new int[2 * n];
      for (int k = 0; k < n; k++) {
        conductors[k] = first[parent[b]] + k;
        conductors[n + k] = first[b] + k;
      }
      elements.add(new PhaseElement(PhaseElement.Kind.LINE, "Line.l" + b, "test", conductors, y));
    }
    CMatrix ys = CMatrix.square(3);
    for (int i = 0; i < 3; i++) {
      ys.set(i, i, 50, -200);
    }
    PhaseNetwork net = new PhaseNetwork("random", names, parent, first, numbers, where, elements, List.of(),
        new int[] {0, 1, 2}, ys, new double[2][3], List.of(), new double[] {1}, null, 60);
    BlockTreeSolver solver = new BlockTreeSolver(net);
    solver.factor(false);
    double[] br = new double[nodes];
    double[] bi = new double[nodes];
    for (int k = 0; k < nodes; k++) {
      br[k] = rnd.nextGaussian();
      bi[k] = rnd.nextGaussian();
    }
    double[] xr = new double[nodes];
    double[] xi = new double[nodes];
    solver.solve(br, bi, xr, xi);

    double[][] ar = new double[nodes][nodes];
    double[][] ai = new double[nodes][nodes];
    for (PhaseElement e : elements) {
      for (int i = 0; i < e.nodes.length; i++) {
        for (int j = 0; j < e.nodes.length; j++) {
          ar[e.nodes[i]][e.nodes[j]] += e.y.re(i, j);
          ai[e.nodes[i]][e.nodes[j]] += e.y.im(i, j);
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      ar[i][i] += 50;
      ai[i][i] += -200;
    }
    double[][] dense = denseSolve(ar, ai, br, bi);
    for (int k = 0; k < nodes; k++) {
      double scale = Math.max(1, Math.hypot(dense[0][k], dense[1][k]));
      assertThat(Math.hypot(xr[k] - dense[0][k], xi[k] - dense[1][k])).as("node %d", k).isLessThan(1e-9 * scale);
    }
  }

  /** Gaussian elimination with partial pivoting on the full complex matrix. */
  private static double[][] denseSolve(double[][] ar, double[][] ai, double[] br, double[] bi) {
    int n = br.length;
    double[][] mr = new double[n][];
    double[][] mi = new double[n][];
    double[] vr = br.clone();
    double[] vi = bi.clone();
    for (int i = 0; i < n; i++) {
      mr[i] = ar[i].clone();
      mi[i] = ai[i].clone();
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.hypot(mr[r][c], mi[r][c]) > Math.hypot(mr[p][c], mi[p][c])) {
          p = r;
        }
      }
      double[] t = mr[p]; mr[p] = mr[c]; mr[c] = t;
      t = mi[p]; mi[p] = mi[c]; mi[c] = t;
      double s = vr[p]; vr[p] = vr[c]; vr[c] = s;
      s = vi[p]; vi[p] = vi[c]; vi[c] = s;
      for (int r = c + 1; r < n; r++) {
        double den = mr[c][c] * mr[c][c] + mi[c][c] * mi[c][c];
        double fr = (mr[r][c] * mr[c][c] + mi[r][c] * mi[c][c]) / den;
        double fi = (mi[r][c] * mr[c][c] - mr[r][c] * mi[c][c]) / den;
        for (int j = c; j < n; j++) {
          mr[r][j] -= fr * mr[c][j] - fi * mi[c][j];
          mi[r][j] -= fr * mi[c][j] + fi * mr[c][j];
        }
        vr[r] -= fr * vr[c] - fi * vi[c];
        vi[r] -= fr * vi[c] + fi * vr[c];
      }
    }
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sr = vr[r];
      double si = vi[r];
      for (int j = r + 1; j < n; j++) {
        sr -= mr[r][j] * xr[j] - mi[r][j] * xi[j];
        si -= mr[r][j] * xi[j] + mi[r][j] * xr[j];
      }
      double den = mr[r][r] * mr[r][r] + mi[r][r] * mi[r][r];
      xr[r] = (sr * mr[r][r] + si * mi[r][r]) / den;
      xi[r] = (si * mr[r][r] - sr * mi[r][r]) / den;
    }
    return new double[][] {xr, xi};
  }
}
