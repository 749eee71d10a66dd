package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenDSS's load models, checked against their defining formulas by hand. */
class LoadElementTest {
  private static final double VBASE = 2400;

  private static LoadElement load(int model, double watts, double vars) {
    return new LoadElement("Load.t", "test:1", new int[] {0}, new int[] {-1}, model, watts, vars, VBASE, 0.95, 1.05,
        0.5, 1, 2, false);
  }

  /** V = pu * VBASE at angle deg. */
  private static double[] v(double pu, double deg) {
    double a = Math.toRadians(deg);
    return new double[] {pu * VBASE * Math.cos(a), pu * VBASE * Math.sin(a)};
  }

  /** S = V conj(I), VA. */
  private static double[] power(LoadElement l, double[] v) {
    double[] i = new double[2];
    l.current(v[0], v[1], i);
    return new double[] {v[0] * i[0] + v[1] * i[1], v[1] * i[0] - v[0] * i[1]};
  }

  @Test
  void constantPowerDrawsItsRatingInsideTheBand() {
    LoadElement l = load(1, 100e3, 40e3);
    for (double pu : new double[] {0.951, 1.0, 1.049}) {
      double[] s = power(l, v(pu, -17));
      assertThat(s[0]).isCloseTo(100e3, within(1e-6));
      assertThat(s[1]).isCloseTo(40e3, within(1e-6));
    }
  }

  @Test
  void constantImpedanceScalesWithVoltageSquared() {
    LoadElement l = load(2, 100e3, 40e3);
    double[] s = power(l, v(0.9, 33));
    assertThat(s[0]).isCloseTo(100e3 * 0.81, within(1e-6));
    assertThat(s[1]).isCloseTo(40e3 * 0.81, within(1e-6));
  }

  @Test
  void constantCurrentKeepsItsMagnitudeAndFollowsTheAngle() {
    LoadElement l = load(5, 100e3, 40e3);
    double[] s = power(l, v(0.97, 12));
    // |I| = |S| / Vbase, so S scales with |V|
    assertThat(s[0]).isCloseTo(100e3 * 0.97, within(1e-6));
    assertThat(s[1]).isCloseTo(40e3 * 0.97, within(1e-6));
  }

  @Test
  void exponentialModelWithOpenDssDefaults() {
    LoadElement l = load(4, 100e3, 40e3);
    double[] s = power(l, v(0.98, 5));
    // CVRwatts = 1, CVRvars = 2: P ~ V, Q ~ V^2
    assertThat(s[0]).isCloseTo(100e3 * 0.98, within(1e-6));
    assertThat(s[1]).isCloseTo(40e3 * 0.98 * 0.98, within(1e-6));
  }

  @Test
  void aboveVmaxConstantPowerBecomesTheImpedanceAtVmax() {
    LoadElement l = load(1, 100e3, 40e3);
    double[] s = power(l, v(1.08, 0));
    double factor = 1.08 * 1.08 / (1.05 * 1.05);
    assertThat(s[0]).isCloseTo(100e3 * factor, within(1e-6));
    assertThat(s[1]).isCloseTo(40e3 * factor, within(1e-6));
  }

  @Test
  void belowVlowEveryModelIsItsRatedImpedance() {
    for (int model : new int[] {1, 4, 5}) {
      double[] s = power(load(model, 100e3, 40e3), v(0.4, 70));
      assertThat(s[0]).as("model %d", model).isCloseTo(100e3 * 0.16, within(1e-6));
      assertThat(s[1]).as("model %d", model).isCloseTo(40e3 * 0.16, within(1e-6));
    }
  }

  @Test
  void betweenVlowAndVminTheCurrentMagnitudeIsInterpolated() {
    LoadElement l = load(1, 100e3, 0);
    // halfway between 0.5 and 0.95: |I| halfway between Yeq*0.5*Vb and Yeq/0.95^2 * 0.95*Vb
    double[] s = power(l, v(0.725, 0));
    double yeq = 100e3 / (VBASE * VBASE);
    double current = (yeq * 0.5 * VBASE + yeq / 0.95 * VBASE) / 2;
    assertThat(s[0]).isCloseTo(current * 0.725 * VBASE, within(1e-6));
  }

  static IntStream seeds() {
    return IntStream.range(0, 20);
  }

  /** Models 1 and 5 are continuous where they switch to impedances (vminpu, vmaxpu, vlowpu). */
  @ParameterizedTest
  @MethodSource("seeds")
  void currentIsContinuousAtTheBandEdges(int seed) {
    Random rnd = new Random(seed);
    double p = 1e3 + rnd.nextDouble() * 1e5;
    double q = (rnd.nextDouble() - 0.3) * 5e4;
    double angle = rnd.nextDouble() * 360 - 180;
    for (int model : new int[] {1, 5}) {
      LoadElement l = load(model, p, q);
      for (double edge : new double[] {0.5, 0.95, 1.05}) {
        double[] below = new double[2];
        double[] above = new double[2];
        double[] vb = v(edge * (1 - 1e-12), angle);
        double[] va = v(edge * (1 + 1e-12), angle);
        l.current(vb[0], vb[1], below);
        l.current(va[0], va[1], above);
        double scale = Math.hypot(below[0], below[1]);
        assertThat(Math.hypot(above[0] - below[0], above[1] - below[1])).as("model %d at %.2f", model, edge)
            .isLessThan(1e-9 * scale);
      }
    }
  }
}
