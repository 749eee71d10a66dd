package org.peergrid.grid.threephase;

/**
 * A load (or a model-1 generator, as a load with negative power) in the phase frame: one element per
 * phase between two nodes (wye: phase to neutral; delta: phase to phase), each drawing a current
 * that depends on the voltage across it as OpenDSS's load models define it.
 *
 * <ul>
 *   <li>model 1: constant P and Q;
 *   <li>model 2: constant impedance {@code Yeq = (P - jQ)/Vbase^2};
 *   <li>model 4: exponential, {@code P ~ (V/Vbase)^cvrWatts}, {@code Q ~ (V/Vbase)^cvrVars};
 *   <li>model 5: constant current magnitude, in phase with the voltage's angle.
 * </ul>
 *
 * Outside {@code [vminpu, vmaxpu]} models 1, 4 and 5 turn into impedances, as OpenDSS does (see
 * docs/opendss.md): above vmaxpu {@code Yeq/vmaxpu^2} (model 5: {@code Yeq/vmaxpu}); between vlowpu and
 * vminpu the current magnitude is interpolated linearly from {@code |Yeq| Vlow} to its value at
 * vminpu; below vlowpu {@code Yeq}.
 */
public final class LoadElement {
  final String name;
  final String location;
  final int[] from;
  final int[] to;
  final int model;
  /** Per phase element: nominal W and var, base voltage across it (V). */
  final double watts;
  final double vars;
  final double vbase;
  final double vminpu;
  final double vmaxpu;
  final double vlowpu;
  final double cvrWatts;
  final double cvrVars;
  final boolean generator;
  final double yeqRe;
  final double yeqIm;

  /**
   * @param from the node each phase element draws from ({@code -1} ground)
   * @param to the node it returns to ({@code -1} ground)
   * @param watts nominal real power per phase element, W (negative for a generator)
   * @param vars nominal reactive power per phase element, var
   * @param vbase rated voltage across each phase element, V
   */
  public LoadElement(String name, String location, int[] from, int[] to, int model, double watts, double vars,
      double vbase, double vminpu, double vmaxpu, double vlowpu, double cvrWatts, double cvrVars, boolean generator) {
    if (from.length != to.length) {
      throw new IllegalArgumentException(name + ": from and to differ in length");
    }
    this.name = name;
    this.location = location;
    this.from = from.clone();
    this.to = to.clone();
    this.model = model;
    this.watts = watts;
    this.vars = vars;
    this.vbase = vbase;
    this.vminpu = vminpu;
    this.vmaxpu = vmaxpu;
    this.vlowpu = vlowpu;
    this.cvrWatts = cvrWatts;
    this.cvrVars = cvrVars;
    this.generator = generator;
    this.yeqRe = watts / (vbase * vbase);
    this.yeqIm = -vars / (vbase * vbase);
  }

  public String name() {
    return name;
  }

  public int phaseCount() {
    return from.length;
  }

  /** The equivalent admittance at rated voltage, S: {re, im}. */
  public double[] yeq() {
    return new double[] {yeqRe, yeqIm};
  }

  /**
   * The current drawn by one phase element (from its {@code from} node to its {@code to} node) at
   * voltage {@code v} across it, A; written into {@code out} = {re, im}.
   */
  public void current(double vr, double vi, double[] out) {
    double vmag = Math.hypot(vr, vi);
    if (model == 2 || vmag == 0) {
      admittance(yeqRe, yeqIm, vr, vi, out);
      return;
    }
    double vlow = vlowpu * vbase;
    double vmin = vminpu * vbase;
    double vmax = vmaxpu * vbase;
    if (vmag <= vlow) {
      admittance(yeqRe, yeqIm, vr, vi, out);
    } else if (vmag <= vmin) {
      // magnitude of the current interpolated between Yeq*Vlow and the model's current at vminpu
      double atMin = model == 5 ? vbase : vmin / (vminpu * vminpu);
      double scale = (vlow + (atMin - vlow) * (vmag - vlow) / (vmin - vlow)) / vmag;
      admittance(yeqRe * scale, yeqIm * scale, vr, vi, out);
    } else if (vmag > vmax) {
      double scale = model == 5 ? 1 / vmaxpu : 1 / (vmaxpu * vmaxpu);
      admittance(yeqRe * scale, yeqIm * scale, vr, vi, out);
    } else {
      switch (model) {
        case 1 -> powerCurrent(watts, vars, vr, vi, out);
        case 4 -> {
          double ratio = vmag / vbase;
          powerCurrent(watts * Math.pow(ratio, cvrWatts), vars * Math.pow(ratio, cvrVars), vr, vi, out);
        }
        case 5 -> {
          // conj(S / (Vbase * V/|V|)): rated current magnitude, following the voltage's angle
          double ur = vr / vmag * vbase;
          double ui = vi / vmag * vbase;
          powerCurrent(watts, vars, ur, ui, out);
        }
        default -> throw new IllegalStateException("load model " + model);
      }
    }
  }

  private static void admittance(double yr, double yi, double vr, double vi, double[] out) {
    out[0] = yr * vr - yi * vi;
    out[1] = yr * vi + yi * vr;
  }

  /** I = conj(S / V). */
  private static void powerCurrent(double p, double q, double vr, double vi, double[] out) {
    double den = vr * vr + vi * vi;
    // S/V = (p + jq)(vr - j vi)/|v|^2; its conjugate:
    out[0] = (p * vr + q * vi) / den;
    out[1] = (p * vi - q * vr) / den;
  }
}
