package org.peergrid.grid.threephase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peergrid.grid.ValidationException;

/**
 * Unbalanced three-phase power flow of a radial feeder in the phase frame, by current injection:
 * {@code V = Y^-1 (I_source + I_loads(V))} iterated to a fixed point, with Y the nodal admittance
 * matrix of lines, transformers, capacitors, the source's Thevenin impedance and the loads' rated
 * admittances (whose currents the injections then correct, as OpenDSS's "normal" solution does).
 * Y is factored once per tap setting by {@link BlockTreeSolver}; each iteration is one forward and
 * one backward substitution along the tree.
 *
 * <p>Regulators: an outer loop like OpenDSS's static control mode. After each power flow every
 * RegControl samples its compensated voltage; those outside their band are armed; the armed ones with
 * the shortest delay move their taps 70 % of the way to the estimated need, at least one step and at
 * most {@code maxtapchange}; then the power flow runs again, until no regulator is armed.
 *
 * <p>Voltage bases: as OpenDSS's {@code CalcVoltageBases}, from a no-load power flow each bus takes
 * the line-to-line base nearest to its voltage (taps as the script first set them).
 */
public final class ThreePhasePowerFlow {
  private static final double SQRT3 = Math.sqrt(3);
  /** A bus whose no-load voltage is further than this from every voltage base has none (an input error). */
  static final double MAX_BASE_MISMATCH = 0.25;

  private final PhaseNetwork net;
  private final ThreePhaseParameters params;
  private final BlockTreeSolver solver;
  private final double[] busBaseKv;
  private final double[] nodeBaseVolts;
  private final double[] noLoadRe;
  private final double[] noLoadIm;
  private final double[] nortonRe;
  private final double[] nortonIm;
  /** Taps of every transformer when Y (with the loads) was last factored; null before that. */
  private double[] factoredTaps;

  /**
   * Prepares the power flow: voltage bases from a no-load solution.
   *
   * @throws ValidationException when there are no voltage bases, or a bus has none near its voltage
   */
  public ThreePhasePowerFlow(PhaseNetwork net, ThreePhaseParameters params) {
    this.net = net;
    this.params = params;
    this.solver = new BlockTreeSolver(net);
    int n = net.nodeCount();
    double[][] norton = sourceNortonCurrents(net);
    nortonRe = norton[0];
    nortonIm = norton[1];
    noLoadRe = new double[n];
    noLoadIm = new double[n];
    busBaseKv = voltageBasesAtTheirTaps();
    nodeBaseVolts = new double[n];
    for (int b = 0; b < net.busCount(); b++) {
      for (int k = net.firstNode()[b]; k < net.firstNode()[b + 1]; k++) {
        nodeBaseVolts[k] = busBaseKv[b] * 1000 / SQRT3;
      }
    }
  }

  public PhaseNetwork network() {
    return net;
  }

  /** The line-to-neutral base of a global node (its bus's line-to-line base over √3), V. */
  public double nodeBaseVolts(int node) {
    return nodeBaseVolts[node];
  }

  /** The source's Norton current {@code Ys E} injected at its nodes, A: {re[nodes], im[nodes]}. */
  static double[][] sourceNortonCurrents(PhaseNetwork net) {
    int n = net.nodeCount();
    double[] re = new double[n];
    double[] im = new double[n];
    CMatrix ys = net.sourceY();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double er = net.sourceEmf()[0][j];
        double ei = net.sourceEmf()[1][j];
        re[net.sourceNodes()[i]] += ys.re(i, j) * er - ys.im(i, j) * ei;
        im[net.sourceNodes()[i]] += ys.re(i, j) * ei + ys.im(i, j) * er;
      }
    }
    return new double[][] {re, im};
  }

  private void factor(boolean withLoads) {
    try {
      solver.factor(withLoads);
    } catch (IllegalStateException e) {
      throw new ValidationException(e.getMessage());
    }
  }

  /** The bases from a no-load solution at the taps they were asked for; then the no-load solution at today's taps. */
  private double[] voltageBasesAtTheirTaps() {
    java.util.List<double[]> today = new java.util.ArrayList<>();
    for (PhaseElement e : net.elements()) {
      if (e.transformer != null) {
        today.add(e.transformer.tap.clone());
        System.arraycopy(e.transformer.tapForBases, 0, e.transformer.tap, 0, 2);
        e.refresh();
      }
    }
    factor(false);
    solver.solve(nortonRe, nortonIm, noLoadRe, noLoadIm);
    double[] bases = voltageBases();
    int k = 0;
    for (PhaseElement e : net.elements()) {
      if (e.transformer != null) {
        System.arraycopy(today.get(k++), 0, e.transformer.tap, 0, 2);
        e.refresh();
      }
    }
    factor(false);
    solver.solve(nortonRe, nortonIm, noLoadRe, noLoadIm);
    return bases;
  }

  private double[] voltageBases() {
    double[] bases = net.voltageBasesKv();
    if (bases.length == 0) {
      throw new ValidationException("circuit " + net.name() + ": no voltage bases; add 'Set VoltageBases=[kV ...]' (line-to-line)"
          + " and 'CalcVoltageBases' after the circuit's elements");
    }
    double[] out = new double[net.busCount()];
    for (int b = 0; b < net.busCount(); b++) {
      int k = net.firstNode()[b];
      double kv = Math.hypot(noLoadRe[k], noLoadIm[k]) * SQRT3 / 1000;
      double best = Double.POSITIVE_INFINITY;
      for (double base : bases) {
        double diff = Math.abs(1 - kv / base);
        if (diff < best) {
          best = diff;
          out[b] = base;
        }
      }
      if (!(best <= MAX_BASE_MISMATCH)) {
        throw new ValidationException("bus " + net.busNames()[b] + " (first used at " + net.busFirstElement()[b]
            + ") is at " + String.format(java.util.Locale.ROOT, "%.4g", kv) + " kV line-to-line with no load, which is"
            + " no voltage base within " + Math.round(MAX_BASE_MISMATCH * 100) + " %; add its base to Set VoltageBases ("
            + (net.voltageBasesLocation() == null ? "not set" : "set at " + net.voltageBasesLocation()) + ")");
      }
    }
    return out;
  }

  /** Runs the power flow (and the tap-control loop when controls are on); taps keep their final values. */
  public ThreePhaseResult solve() {
    long start = System.nanoTime();
    int n = net.nodeCount();
    double[] vr = noLoadRe.clone();
    double[] vi = noLoadIm.clone();
    double[] rhsRe = new double[n];
    double[] rhsIm = new double[n];
    double[] nr = new double[n];
    double[] ni = new double[n];
    double[] cur = new double[2];
    boolean[] armed = new boolean[net.regulators().size()];
    double[] pending = new double[armed.length];
    int totalIterations = 0;
    int controlIterations = 0;
    ThreePhaseStatus status = ThreePhaseStatus.CONVERGED;
    // Y depends only on the taps (elements and loads are fixed): a warm re-solve reuses the factors
    if (factoredTaps == null || !Arrays.equals(factoredTaps, currentTaps())) {
      refactorWithLoads();
    }
    while (true) {
      controlIterations++;
      boolean converged = false;
      for (int it = 0; it < params.maxIterations(); it++) {
        totalIterations++;
        System.arraycopy(nortonRe, 0, rhsRe, 0, n);
        System.arraycopy(nortonIm, 0, rhsIm, 0, n);
        for (LoadElement l : net.loads()) {
          for (int k = 0; k < l.from.length; k++) {
            int a = l.from[k];
            int c = l.to[k];
            double ur = (a >= 0 ? vr[a] : 0) - (c >= 0 ? vr[c] : 0);
            double ui = (a >= 0 ? vi[a] : 0) - (c >= 0 ? vi[c] : 0);
            l.current(ur, ui, cur);
            // the rated admittance is inside Y: inject what it draws, minus what the load really draws
            double cr = -cur[0];
            double ci = -cur[1];
            if (!l.generator) {
              cr += l.yeqRe * ur - l.yeqIm * ui;
              ci += l.yeqRe * ui + l.yeqIm * ur;
            }
            if (a >= 0) {
              rhsRe[a] += cr;
              rhsIm[a] += ci;
            }
            if (c >= 0) {
              rhsRe[c] -= cr;
              rhsIm[c] -= ci;
            }
          }
        }
        solver.solve(rhsRe, rhsIm, nr, ni);
        boolean finite = true;
        for (int k = 0; k < n; k++) {
          if (!Double.isFinite(nr[k]) || !Double.isFinite(ni[k])) {
            finite = false;
            break;
          }
        }
        double change = finite ? loadVoltageChange(vr, vi, nr, ni) : Double.NaN;
        System.arraycopy(nr, 0, vr, 0, n);
        System.arraycopy(ni, 0, vi, 0, n);
        if (!finite) {
          status = ThreePhaseStatus.DIVERGED;
          break;
        }
        if (change < params.tolerance()) {
          converged = true;
          break;
        }
      }
      if (!converged) {
        if (status != ThreePhaseStatus.DIVERGED) {
          status = ThreePhaseStatus.NOT_CONVERGED;
        }
        break;
      }
      if (!params.controls() || !sampleRegulators(vr, vi, armed, pending)) {
        break;
      }
      if (controlIterations >= params.maxControlIterations()) {
        status = ThreePhaseStatus.CONTROLS_NOT_SETTLED;
        break;
      }
      moveTaps(armed, pending);
      refactorWithLoads();
    }
    return new ThreePhaseResult(net, vr, vi, nodeBaseVolts, busBaseKv, status, totalIterations, controlIterations,
        System.nanoTime() - start);
  }

  /**
   * The largest change of the voltage across any load or generator phase element, per unit of its
   * rating. The iteration's map depends on the node voltages only through these, so they decide
   * convergence; node-to-ground voltages of an ungrounded (delta) system are set by tiny capacitive
   * and anti-floating admittances and carry round-off noise of order 1e-8 p.u. that no iteration removes.
   */
  private double loadVoltageChange(double[] vr, double[] vi, double[] nr, double[] ni) {
    double change = 0;
    for (LoadElement l : net.loads()) {
      for (int k = 0; k < l.from.length; k++) {
        int a = l.from[k];
        int c = l.to[k];
        double dr = (a >= 0 ? nr[a] - vr[a] : 0) - (c >= 0 ? nr[c] - vr[c] : 0);
        double di = (a >= 0 ? ni[a] - vi[a] : 0) - (c >= 0 ? ni[c] - vi[c] : 0);
        change = Math.max(change, Math.hypot(dr, di) / l.vbase);
      }
    }
    return change;
  }

  private void refactorWithLoads() {
    for (PhaseElement e : net.elements()) {
      e.refresh();
    }
    factor(true);
    factoredTaps = currentTaps();
  }

  private double[] currentTaps() {
    double[] taps = new double[2 * net.elements().size()];
    int k = 0;
    for (PhaseElement e : net.elements()) {
      if (e.transformer != null) {
        taps[k++] = e.transformer.tap[0];
        taps[k++] = e.transformer.tap[1];
      }
    }
    return Arrays.copyOf(taps, k);
  }

  /** OpenDSS's RegControl sampling; returns whether any regulator is armed. */
  private boolean sampleRegulators(double[] vr, double[] vi, boolean[] armed, double[] pending) {
    boolean any = false;
    for (int r = 0; r < armed.length; r++) {
      Regulator reg = net.regulators().get(r);
      PhaseElement e = net.elements().get(reg.element());
      TransformerModel t = e.transformer;
      int plus = t.coilPlus(reg.winding(), reg.ptPhase());
      int minus = t.coilMinus(reg.winding(), reg.ptPhase());
      double cr = voltage(vr, e.nodes[plus]) - voltage(vr, e.nodes[minus]);
      double ci = voltage(vi, e.nodes[plus]) - voltage(vi, e.nodes[minus]);
      cr /= reg.ptRatio();
      ci /= reg.ptRatio();
      if (reg.r() != 0 || reg.x() != 0) {
        // line-drop compensation: the current INTO the winding's terminal, so V + (R + jX) I = V - (R + jX) I_out
        double[] in = e.conductorCurrent(plus, vr, vi);
        double ir = in[0] / reg.ctPrimary();
        double ii = in[1] / reg.ctPrimary();
        cr += reg.r() * ir - reg.x() * ii;
        ci += reg.r() * ii + reg.x() * ir;
      }
      double actual = Math.hypot(cr, ci);
      if (Math.abs(reg.vreg() - actual) > reg.band() / 2) {
        double boost = (reg.vreg() - actual) * reg.ptRatio() / t.coilBaseVolts(reg.winding());
        double inc = t.tapIncrement();
        pending[r] = Math.round(boost / inc) * inc;
        if (reg.tapWinding() != reg.winding()) {
          pending[r] = -pending[r];
        }
        double tap = t.tap(reg.tapWinding());
        if (pending[r] != 0 && !armed[r]
            && ((pending[r] > 0 && tap < t.maxTap() - 1e-12) || (pending[r] < 0 && tap > t.minTap() + 1e-12))) {
          armed[r] = true;
        }
      } else {
        pending[r] = 0;
      }
      any |= armed[r];
    }
    return any;
  }

  private static double voltage(double[] v, int node) {
    return node < 0 ? 0 : v[node];
  }

  /** The armed regulators with the shortest delay act (OpenDSS executes the nearest control actions). */
  private void moveTaps(boolean[] armed, double[] pending) {
    double nearest = Double.POSITIVE_INFINITY;
    for (int r = 0; r < armed.length; r++) {
      if (armed[r]) {
        nearest = Math.min(nearest, net.regulators().get(r).delay());
      }
    }
    for (int r = 0; r < armed.length; r++) {
      Regulator reg = net.regulators().get(r);
      if (!armed[r] || reg.delay() != nearest) {
        continue;
      }
      armed[r] = false;
      if (pending[r] == 0) {
        continue;
      }
      PhaseElement e = net.elements().get(reg.element());
      TransformerModel t = e.transformer;
      double inc = t.tapIncrement();
      // 70 % of the estimated change, at least one step, at most maxtapchange steps
      int steps = (int) (0.7 * Math.abs(pending[r]) / inc);
      steps = Math.max(1, Math.min(steps, reg.maxTapChange()));
      double tap = t.tap(reg.tapWinding()) + Math.signum(pending[r]) * steps * inc;
      // keep the tap on its grid of steps from 1.0 despite rounding in the sums
      tap = 1 + Math.round((tap - 1) / inc) * inc;
      t.setTap(reg.tapWinding(), tap);
      e.refresh();
      pending[r] = 0;
    }
  }

  /** Final taps of every regulated transformer: name, ratio of its tap winding. */
  static Map<String, Double> taps(PhaseNetwork net) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Regulator reg : net.regulators()) {
      PhaseElement e = net.elements().get(reg.element());
      out.put(e.name().substring(e.name().indexOf('.') + 1), e.transformer.tap(reg.tapWinding()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "ThreePhasePowerFlow[" + net.name() + ", bases " + Arrays.toString(net.voltageBasesKv()) + "]";
  }
}
