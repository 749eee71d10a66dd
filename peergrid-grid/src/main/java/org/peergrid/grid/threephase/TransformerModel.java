package org.peergrid.grid.threephase;

/**
 * A two-winding transformer bank in the phase frame, built the way OpenDSS builds it: per phase one
 * series impedance {@code (%R1 + %R2)/100 + j XHL/100} on the winding-1 kVA per phase, between two
 * coils whose base voltages (times their taps) scale the admittance; wye coils from phase to the
 * winding's neutral conductor, delta coils from phase k to phase k+1. No magnetising branch. A tiny
 * inductive admittance (ppm_antifloat, half on each end of every coil) keeps an ungrounded winding's
 * voltages to ground defined.
 *
 * <p>Conductor order: winding 1's phases then its neutral, then winding 2's.
 */
public final class TransformerModel {
  final int phases;
  final boolean[] delta;
  final double[] coilBaseVolts;
  final double[] tap;
  final double[] tapForBases;
  final double vaPerPhase;
  final double zRe;
  final double zIm;
  final double ppm;
  final double minTap;
  final double maxTap;
  final double tapIncrement;

  /**
   * @param coilBaseVolts the rated voltage across one coil of each winding, V
   * @param tapForBases the taps at which the voltage bases are computed (OpenDSS: when CalcVoltageBases ran)
   * @param vaPerPhase winding 1's rating per phase, VA
   * @param zPu series impedance in per unit of that rating {re, im}
   * @param ppm anti-floating admittance in parts per million of the coil's base admittance
   */
  public TransformerModel(int phases, boolean[] delta, double[] coilBaseVolts, double[] tap, double[] tapForBases,
      double vaPerPhase,
      double[] zPu, double ppm, double minTap, double maxTap, double tapIncrement) {
    this.phases = phases;
    this.delta = delta.clone();
    this.coilBaseVolts = coilBaseVolts.clone();
    this.tap = tap.clone();
    this.tapForBases = tapForBases.clone();
    this.vaPerPhase = vaPerPhase;
    this.zRe = zPu[0];
    this.zIm = zPu[1];
    this.ppm = ppm;
    this.minTap = minTap;
    this.maxTap = maxTap;
    this.tapIncrement = tapIncrement;
  }

  public int phases() {
    return phases;
  }

  public double tap(int winding) {
    return tap[winding];
  }

  /** Sets a tap, held within [minTap, maxTap]. */
  public void setTap(int winding, double value) {
    tap[winding] = Math.max(minTap, Math.min(maxTap, value));
  }

  public double minTap() {
    return minTap;
  }

  public double maxTap() {
    return maxTap;
  }

  public double tapIncrement() {
    return tapIncrement;
  }

  public double coilBaseVolts(int winding) {
    return coilBaseVolts[winding];
  }

  /** The conductor at the positive end of winding {@code w}'s coil on phase {@code p}. */
  int coilPlus(int w, int p) {
    return w * (phases + 1) + p;
  }

  /** The conductor at the other end: the neutral (wye) or the next phase (delta). */
  int coilMinus(int w, int p) {
    int base = w * (phases + 1);
    if (!delta[w]) {
      return base + phases;
    }
    // delta: OpenDSS's default "lag" connection, coil k from phase k to phase k-1, so that a delta-wye
    // bank's low side lags its high side by 30 degrees; a 1- or 2-phase delta bank's coil ends on the
    // spare conductor
    return phases <= 2 ? base + p + 1 : base + (p + phases - 1) % phases;
  }

  /** The primitive admittance matrix over the 2(phases+1) conductors, S. */
  public CMatrix yprim() {
    int n = 2 * (phases + 1);
    CMatrix y = CMatrix.square(n);
    // series admittance on a one-volt base: S per phase / Z in per unit
    double den = zRe * zRe + zIm * zIm;
    double ybRe = vaPerPhase * zRe / den;
    double ybIm = -vaPerPhase * zIm / den;
    double[] turns = {coilBaseVolts[0] * tap[0], coilBaseVolts[1] * tap[1]};
    for (int p = 0; p < phases; p++) {
      for (int w = 0; w < 2; w++) {
        for (int u = 0; u < 2; u++) {
          double sign = w == u ? 1 : -1;
          double scale = sign / (turns[w] * turns[u]);
          int[] ends1 = {coilPlus(w, p), coilMinus(w, p)};
          int[] ends2 = {coilPlus(u, p), coilMinus(u, p)};
          for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
              double s = (a == b ? 1 : -1) * scale;
              y.add(ends1[a], ends2[b], ybRe * s, ybIm * s);
            }
          }
        }
      }
      if (ppm != 0) {
        for (int w = 0; w < 2; w++) {
          // OpenDSS: -ppm * 1e-6 / (Vbase^2 / VA per phase) / 2 on each end of the coil, as a susceptance
          double b = -ppm * 1e-6 / (coilBaseVolts[w] * coilBaseVolts[w] / vaPerPhase) / 2;
          y.add(coilPlus(w, p), coilPlus(w, p), 0, b);
          y.add(coilMinus(w, p), coilMinus(w, p), 0, b);
        }
      }
    }
    return y;
  }
}
