package org.peergrid.grid.threephase;

/**
 * A small dense complex matrix (rows x cols, row-major, real and imaginary parts apart), sized for
 * the 1x1 to 8x8 blocks of a phase-frame network: element admittance matrices and the per-bus blocks
 * of the tree factorisation.
 */
public final class CMatrix {
  final int rows;
  final int cols;
  final double[] re;
  final double[] im;

  public CMatrix(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
    this.re = new double[rows * cols];
    this.im = new double[rows * cols];
  }

  public static CMatrix square(int n) {
    return new CMatrix(n, n);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public double re(int r, int c) {
    return re[r * cols + c];
  }

  public double im(int r, int c) {
    return im[r * cols + c];
  }

  public void set(int r, int c, double vre, double vim) {
    re[r * cols + c] = vre;
    im[r * cols + c] = vim;
  }

  public void add(int r, int c, double vre, double vim) {
    re[r * cols + c] += vre;
    im[r * cols + c] += vim;
  }

  /** Sets every entry to zero. */
  public void clear() {
    java.util.Arrays.fill(re, 0);
    java.util.Arrays.fill(im, 0);
  }

  public CMatrix copy() {
    CMatrix o = new CMatrix(rows, cols);
    System.arraycopy(re, 0, o.re, 0, re.length);
    System.arraycopy(im, 0, o.im, 0, im.length);
    return o;
  }

  /** This times {@code b}. */
  public CMatrix times(CMatrix b) {
    CMatrix o = new CMatrix(rows, b.cols);
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        double ar = re[i * cols + k];
        double ai = im[i * cols + k];
        if (ar == 0 && ai == 0) {
          continue;
        }
        for (int j = 0; j < b.cols; j++) {
          double br = b.re[k * b.cols + j];
          double bi = b.im[k * b.cols + j];
          o.re[i * b.cols + j] += ar * br - ai * bi;
          o.im[i * b.cols + j] += ar * bi + ai * br;
        }
      }
    }
    return o;
  }

  /** This minus {@code b}, in place. */
  public void subtract(CMatrix b) {
    for (int k = 0; k < re.length; k++) {
      re[k] -= b.re[k];
      im[k] -= b.im[k];
    }
  }

  /**
   * The inverse by Gauss-Jordan elimination with partial pivoting; null when a pivot is exactly zero
   * (a singular block, e.g. a bus whose nodes have no path to ground or source).
   */
  public CMatrix inverse() {
    if (rows != cols) {
      throw new IllegalStateException("not square");
    }
    int n = rows;
    double[] ar = re.clone();
    double[] ai = im.clone();
    CMatrix inv = new CMatrix(n, n);
    for (int k = 0; k < n; k++) {
      inv.re[k * n + k] = 1;
    }
    double[] br = inv.re;
    double[] bi = inv.im;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      double best = ar[col * n + col] * ar[col * n + col] + ai[col * n + col] * ai[col * n + col];
      for (int r = col + 1; r < n; r++) {
        double m = ar[r * n + col] * ar[r * n + col] + ai[r * n + col] * ai[r * n + col];
        if (m > best) {
          best = m;
          pivot = r;
        }
      }
      if (best == 0) {
        return null;
      }
      if (pivot != col) {
        swapRows(ar, ai, n, pivot, col);
        swapRows(br, bi, n, pivot, col);
      }
      double pr = ar[col * n + col];
      double pi = ai[col * n + col];
      double den = pr * pr + pi * pi;
      double qr = pr / den;
      double qi = -pi / den;
      for (int j = 0; j < n; j++) {
        double xr = ar[col * n + j];
        double xi = ai[col * n + j];
        ar[col * n + j] = xr * qr - xi * qi;
        ai[col * n + j] = xr * qi + xi * qr;
        xr = br[col * n + j];
        xi = bi[col * n + j];
        br[col * n + j] = xr * qr - xi * qi;
        bi[col * n + j] = xr * qi + xi * qr;
      }
      for (int r = 0; r < n; r++) {
        if (r == col) {
          continue;
        }
        double fr = ar[r * n + col];
        double fi = ai[r * n + col];
        if (fr == 0 && fi == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          double cr = ar[col * n + j];
          double ci = ai[col * n + j];
          ar[r * n + j] -= fr * cr - fi * ci;
          ai[r * n + j] -= fr * ci + fi * cr;
          cr = br[col * n + j];
          ci = bi[col * n + j];
          br[r * n + j] -= fr * cr - fi * ci;
          bi[r * n + j] -= fr * ci + fi * cr;
        }
      }
    }
    return inv;
  }

  private static void swapRows(double[] a, double[] b, int n, int r1, int r2) {
    for (int j = 0; j < n; j++) {
      double t = a[r1 * n + j];
      a[r1 * n + j] = a[r2 * n + j];
      a[r2 * n + j] = t;
      t = b[r1 * n + j];
      b[r1 * n + j] = b[r2 * n + j];
      b[r2 * n + j] = t;
    }
  }
}
