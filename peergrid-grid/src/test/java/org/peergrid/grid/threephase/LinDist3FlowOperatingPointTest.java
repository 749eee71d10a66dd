package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * LinDist3Flow linearised at an operating point (the power flow of the feeder's own loads) against the
 * same model at no load: the three-phase power flow of the feeder's loads scaled by a factor, taps held,
 * loads at constant power, node by node. At the operating point itself the model is exact; away from it
 * its error is second order in the distance from it, so smaller than the no-load model's wherever the
 * loads stay nearer the operating point than to no load. Errors are asserted against the a-posteriori
 * bound ({@link LinDist3Flow#errorBoundPu2}) of each model.
 */
class LinDist3FlowOperatingPointTest {
  private static final double[] SCALES = {0.5, 0.8, 1.0, 1.2};

  /** The power flow of the feeder's loads times {@code scale} at constant power, taps where the model has them. */
  private static ThreePhaseResult powerFlow(LinDist3Flow model, double scale) {
    ThreePhaseResult r = new ThreePhasePowerFlow(model.networkWith(scaled(model, scale)),
        new ThreePhaseParameters(1e-10, 200, false, 1)).solve();
    assertThat(r.converged()).isTrue();
    return r;
  }

  private static List<LinDist3Flow.Injection> scaled(LinDist3Flow model, double scale) {
    List<LinDist3Flow.Injection> injections = new ArrayList<>();
    for (LinDist3Flow.Injection s : model.feederInjections()) {
      injections.add(new LinDist3Flow.Injection(s.port(), scale * s.pKw(), scale * s.qKvar()));
    }
    return injections;
  }

  /** The largest |v_lin − v_pf| (p.u.²) over the nodes for the feeder's loads times {@code scale}. */
  private static double largestError(LinDist3Flow model, double scale) {
    List<LinDist3Flow.Injection> injections = scaled(model, scale);
    ThreePhaseResult r = powerFlow(model, scale);
    int n = model.network().nodeCount();
    double[] vr = new double[n];
    double[] vi = new double[n];
    for (int k = 0; k < n; k++) {
      vr[k] = r.voltageRe(k);
      vi[k] = r.voltageIm(k);
    }
    double[] vlin = model.voltagesPu2(injections);
    double[] bound = model.errorBoundPu2(injections, vr, vi);
    double largest = 0;
    for (int k = 0; k < n; k++) {
      double error = Math.abs(vlin[k] - r.vmPu(k) * r.vmPu(k));
      // + 1e-8 p.u.^2: two power flows (the operating point's and this one) each stop at steps of 1e-10 p.u.,
      // not at residuals of it, and at the operating point the bound itself is of that order
      assertThat(error).isLessThanOrEqualTo(bound[k] + 1e-8);
      largest = Math.max(largest, error);
    }
    return largest;
  }

  /** Both models of one feeder (constant-power loads, taps where the power flow with controls on left them). */
  private static double[][] errors(String folder, String master) {
    PhaseNetwork net = LinDist3FlowValidationTest.constantPower(LinDist3FlowValidationTest.feeder(folder, master),
        List.of());
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    assertThat(pf.solve().converged()).isTrue(); // sets the regulators' taps
    LinDist3Flow noLoad = new LinDist3Flow(pf);
    // the operating point: the same loads at constant power, taps held (the point the model is exact at)
    LinDist3Flow atBase = new LinDist3Flow(pf, powerFlow(noLoad, 1.0));
    double[][] e = new double[2][SCALES.length];
    for (int i = 0; i < SCALES.length; i++) {
      e[0][i] = largestError(noLoad, SCALES[i]);
      e[1][i] = largestError(atBase, SCALES[i]);
      System.out.printf(Locale.ROOT, "LinDist3Flow %-12s loads x%.1f  max|dv| no load %.2e pu^2, at the base case %.2e"
          + " pu^2%n", folder, SCALES[i], e[0][i], e[1][i]);
    }
    return e;
  }

  /**
   * Exact at the operating point, better than no load within 20 % of it. Not asserted: at half the
   * loads the operating-point model is the worse one (its currents are taken at the heavy-load voltages),
   * printed above and in docs/opendss.md.
   */
  private static void assertBetterNearTheOperatingPoint(double[][] e) {
    for (int i = 0; i < SCALES.length; i++) {
      if (SCALES[i] == 1.0) {
        // the power flow's own fixed point: only the power flow's tolerance remains
        assertThat(e[1][i]).isLessThan(1e-7);
        assertThat(e[0][i]).isGreaterThan(1e-4);
      } else if (SCALES[i] >= 0.8) {
        assertThat(e[1][i]).isLessThan(e[0][i]);
      }
    }
  }

  @Test
  void ieee13() {
    assertBetterNearTheOperatingPoint(errors("ieee13", "IEEE13Nodeckt.dss"));
  }

  @Test
  void europeanLv() {
    assertBetterNearTheOperatingPoint(errors("european_lv", "Master.dss"));
  }
}
