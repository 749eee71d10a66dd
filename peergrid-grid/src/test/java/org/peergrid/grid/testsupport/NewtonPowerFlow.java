package org.peergrid.grid.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.model.Generator;

/**
 * An independent reference for the sweep: a full-Newton AC power flow in polar coordinates on the
 * bus admittance matrix, written from MATPOWER's published formulation (makeYbus, dSbus_dV, newtonpf;
 * Zimmerman et al., IEEE Trans. Power Systems 26(1), 2011) and working directly on the {@link Feeder},
 * without the radial model. Dense and slow on purpose: it shares no code or structure with the sweep.
 * Supports one reference bus and PQ buses; in-service generators at PQ buses inject their output.
 */
public final class NewtonPowerFlow {
  /** The converged state: voltage magnitudes and angles by bus number, and series losses. */
  public record Solution(Map<Integer, Double> vm, Map<Integer, Double> vaDeg, double lossesKw, double lossesKvar,
      int iterations) {}

  private NewtonPowerFlow() {}

  public static Solution solve(Feeder feeder, double tolerance) {
    List<Bus> buses = new ArrayList<>();
    for (Bus b : feeder.buses()) {
      if (b.type() != BusType.ISOLATED) {
        buses.add(b);
      }
    }
    int n = buses.size();
    Map<Integer, Integer> idx = new HashMap<>();
    for (int i = 0; i < n; i++) {
      idx.put(buses.get(i).number(), i);
    }
    double base = feeder.baseMva();
    double[][] gRe = new double[n][n];
    double[][] gIm = new double[n][n];
    List<Branch> branches = new ArrayList<>();
    for (Branch br : feeder.branches()) {
      if (!br.inService() || !idx.containsKey(br.fromBus()) || !idx.containsKey(br.toBus())) {
        continue;
      }
      branches.add(br);
      int f = idx.get(br.fromBus());
      int t = idx.get(br.toBus());
      double[] ys = inv(br.resistancePu(), br.reactancePu());
      double sh = Math.toRadians(br.phaseShiftDeg());
      double[] tap = {br.tapRatio() * Math.cos(sh), br.tapRatio() * Math.sin(sh)};
      double tap2 = br.tapRatio() * br.tapRatio();
      double[] ytt = {ys[0], ys[1] + br.chargingPu() / 2};
      double[] yff = {ytt[0] / tap2, ytt[1] / tap2};
      double[] yft = neg(div(ys, conj(tap)));
      double[] ytf = neg(div(ys, tap));
      add(gRe, gIm, f, f, yff);
      add(gRe, gIm, t, t, ytt);
      add(gRe, gIm, f, t, yft);
      add(gRe, gIm, t, f, ytf);
    }
    double[] sRe = new double[n];
    double[] sIm = new double[n];
    int ref = -1;
    double v0 = 1;
    for (int i = 0; i < n; i++) {
      Bus b = buses.get(i);
      gRe[i][i] += b.shuntConductanceKw() / 1000 / base;
      gIm[i][i] += b.shuntSusceptanceKvar() / 1000 / base;
      sRe[i] -= b.loadKw() / 1000 / base;
      sIm[i] -= b.loadKvar() / 1000 / base;
      if (b.type() == BusType.REFERENCE) {
        ref = i;
        v0 = b.voltagePu();
      }
    }
    for (Generator g : feeder.generators()) {
      Integer i = idx.get(g.bus());
      if (g.inService() && i != null) {
        if (i == ref) {
          v0 = g.voltageSetpointPu();
        } else {
          sRe[i] += g.activeKw() / 1000 / base;
          sIm[i] += g.reactiveKvar() / 1000 / base;
        }
      }
    }
    double[] vm = new double[n];
    double[] va = new double[n];
    java.util.Arrays.fill(vm, 1.0);
    vm[ref] = v0;
    va[ref] = Math.toRadians(buses.get(ref).angleDeg());
    for (int i = 0; i < n; i++) {
      va[i] = va[ref];
    }
    int[] unknown = new int[n - 1];
    for (int i = 0, k = 0; i < n; i++) {
      if (i != ref) {
        unknown[k++] = i;
      }
    }
    int m = n - 1;
    int it = 0;
    while (true) {
      double[] vr = new double[n];
      double[] vi = new double[n];
      for (int i = 0; i < n; i++) {
        vr[i] = vm[i] * Math.cos(va[i]);
        vi[i] = vm[i] * Math.sin(va[i]);
      }
      double[] ir = new double[n];
      double[] ii = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          ir[i] += gRe[i][j] * vr[j] - gIm[i][j] * vi[j];
          ii[i] += gRe[i][j] * vi[j] + gIm[i][j] * vr[j];
        }
      }
      double[] f = new double[2 * m];
      double worst = 0;
      for (int k = 0; k < m; k++) {
        int i = unknown[k];
        double pr = vr[i] * ir[i] + vi[i] * ii[i] - sRe[i];
        double pi = vi[i] * ir[i] - vr[i] * ii[i] - sIm[i];
        f[k] = pr;
        f[m + k] = pi;
        worst = Math.max(worst, Math.max(Math.abs(pr), Math.abs(pi)));
      }
      if (worst < tolerance) {
        break;
      }
      if (++it > 30) {
        throw new IllegalStateException("reference Newton did not converge");
      }
      // dS/dVa = j diag(V) conj(diag(I) - Y diag(V)); dS/dVm = diag(V) conj(Y diag(V/|V|)) + conj(diag(I)) diag(V/|V|)
      double[][] jac = new double[2 * m][2 * m];
      for (int a = 0; a < m; a++) {
        int i = unknown[a];
        for (int b = 0; b < m; b++) {
          int j = unknown[b];
          // term Y_ij V_j
          double yvr = gRe[i][j] * vr[j] - gIm[i][j] * vi[j];
          double yvi = gRe[i][j] * vi[j] + gIm[i][j] * vr[j];
          // dVa: j V_i conj(delta_ij I_i - Y_ij V_j)
          double cr = (i == j ? ir[i] : 0) - yvr;
          double ci = -((i == j ? ii[i] : 0) - yvi);
          double tr = vr[i] * cr - vi[i] * ci;
          double ti = vr[i] * ci + vi[i] * cr;
          jac[a][b] = -ti; // real(j*t)
          jac[m + a][b] = tr; // imag(j*t)
          // dVm: V_i conj(Y_ij V_j/|V_j|) + delta_ij conj(I_i) V_i/|V_i|
          double ur = vr[j] / vm[j];
          double ui = vi[j] / vm[j];
          double yur = gRe[i][j] * ur - gIm[i][j] * ui;
          double yui = gRe[i][j] * ui + gIm[i][j] * ur;
          double dr = vr[i] * yur + vi[i] * yui;
          double di = vi[i] * yur - vr[i] * yui;
          if (i == j) {
            dr += ir[i] * ur + ii[i] * ui;
            di += ir[i] * ui - ii[i] * ur;
          }
          jac[a][m + b] = dr;
          jac[m + a][m + b] = di;
        }
      }
      double[] dx = gauss(jac, f);
      double step = 0;
      for (int k = 0; k < m; k++) {
        va[unknown[k]] -= dx[k];
        vm[unknown[k]] -= dx[m + k];
        step = Math.max(step, Math.max(Math.abs(dx[k]), Math.abs(dx[m + k])));
      }
      // A near-zero impedance (case16am has x = 1e-8 ohm) puts the mismatch's rounding floor above any
      // fixed tolerance; a vanishing Newton step is then the sign of convergence.
      if (step < 1e-13) {
        break;
      }
    }
    Map<Integer, Double> vmOut = new HashMap<>();
    Map<Integer, Double> vaOut = new HashMap<>();
    for (int i = 0; i < n; i++) {
      vmOut.put(buses.get(i).number(), vm[i]);
      vaOut.put(buses.get(i).number(), Math.toDegrees(va[i]));
    }
    double lossP = 0;
    double lossQ = 0;
    for (Branch br : branches) {
      int fi = idx.get(br.fromBus());
      int ti = idx.get(br.toBus());
      double sh = Math.toRadians(br.phaseShiftDeg());
      double[] tap = {br.tapRatio() * Math.cos(sh), br.tapRatio() * Math.sin(sh)};
      double[] vf = {vm[fi] * Math.cos(va[fi]), vm[fi] * Math.sin(va[fi])};
      double[] vt = {vm[ti] * Math.cos(va[ti]), vm[ti] * Math.sin(va[ti])};
      double[] dv = div(vf, tap);
      dv[0] -= vt[0];
      dv[1] -= vt[1];
      double mag2 = dv[0] * dv[0] + dv[1] * dv[1];
      // |dV|^2 / conj(z) = |dV|^2 z / |z|^2
      double z2 = br.resistancePu() * br.resistancePu() + br.reactancePu() * br.reactancePu();
      lossP += mag2 * br.resistancePu() / z2;
      lossQ += mag2 * br.reactancePu() / z2;
    }
    return new Solution(vmOut, vaOut, lossP * base * 1000, lossQ * base * 1000, it);
  }

  private static double[] gauss(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double[] x = b.clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[p];
      m[p] = tmp;
      double tx = x[c];
      x[c] = x[p];
      x[p] = tx;
      for (int r = c + 1; r < n; r++) {
        double factor = m[r][c] / m[c][c];
        if (factor == 0) {
          continue;
        }
        double[] row = m[r];
        double[] pivot = m[c];
        for (int k = c; k < n; k++) {
          row[k] -= factor * pivot[k];
        }
        x[r] -= factor * x[c];
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = x[r];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static void add(double[][] re, double[][] im, int i, int j, double[] v) {
    re[i][j] += v[0];
    im[i][j] += v[1];
  }

  private static double[] inv(double r, double x) {
    double d = r * r + x * x;
    return new double[] {r / d, -x / d};
  }

  private static double[] conj(double[] a) {
    return new double[] {a[0], -a[1]};
  }

  private static double[] neg(double[] a) {
    return new double[] {-a[0], -a[1]};
  }

  private static double[] div(double[] a, double[] b) {
    double d = b[0] * b[0] + b[1] * b[1];
    return new double[] {(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d};
  }
}
