package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.testsupport.TestFeeders;

/**
 * The linear model's coefficients against LinDist3Flow's closed form, and its adjoint against its
 * columns. Validation against the power flow is in {@link LinDist3FlowValidationTest}.
 */
class LinDist3FlowTest {
  private static final double SQRT3 = Math.sqrt(3);

  /**
   * A line feeder without line charging, fed by a balanced source at 1 p.u.: the no-load voltages are
   * the source's, exactly balanced, so the model must reduce to Sankur et al.'s (arXiv:1606.04492,
   * eq. for M^P and M^Q): {@code v_j = v_i + M^P P_ij + M^Q Q_ij} per branch, with P, Q the flows
   * (= minus the injections downstream). Here M^P and M^Q are written out entry by entry as in the
   * paper and summed over the common path of the monitored node and the injection, with the
   * source's Thevenin impedance as the first branch.
   */
  @Test
  void reducesToSankursMatricesOnABalancedLineFeeder(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("lines.dss");
    Files.writeString(f, String.join("\n",
        "Clear",
        "New Circuit.lines basekv=4.16 pu=1.0 angle=0 R1=0.05 X1=0.4 R0=0.1 X0=1.2",
        "New LineCode.abc nphases=3 units=km rmatrix=[0.35 | 0.16 0.34 | 0.15 0.17 0.36]"
            + " xmatrix=[1.02 | 0.50 1.05 | 0.38 0.42 1.04] cmatrix=[0 | 0 0 | 0 0 0]",
        "New LineCode.b nphases=1 units=km rmatrix=[0.9] xmatrix=[0.6] cmatrix=[0]",
        "New Line.l1 bus1=sourcebus bus2=n1 linecode=abc length=1.2 units=km",
        "New Line.l2 bus1=n1 bus2=n2 linecode=abc length=0.8 units=km",
        "New Line.lat bus1=n1.2 bus2=lat.2 phases=1 linecode=b length=0.5 units=km",
        "Set VoltageBases=[4.16]", "CalcVoltageBases", ""));
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(f));
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    LinDist3Flow model = new LinDist3Flow(pf);

    // branch impedances, ohms: source, l1, l2 (3x3), lat (phase b only)
    double[][][] zs = sourceImpedance(net);
    double[][][] l1 = lineImpedance(new double[][] {{0.35, 0.16, 0.15}, {0.16, 0.34, 0.17}, {0.15, 0.17, 0.36}},
        new double[][] {{1.02, 0.50, 0.38}, {0.50, 1.05, 0.42}, {0.38, 0.42, 1.04}}, 1.2);
    double[][][] l2 = lineImpedance(new double[][] {{0.35, 0.16, 0.15}, {0.16, 0.34, 0.17}, {0.15, 0.17, 0.36}},
        new double[][] {{1.02, 0.50, 0.38}, {0.50, 1.05, 0.42}, {0.38, 0.42, 1.04}}, 0.8);
    double[][][] lat = new double[2][3][3];
    lat[0][1][1] = 0.9 * 0.5;
    lat[1][1][1] = 0.6 * 0.5;
    // each bus's path from the source: the branches it lies behind
    java.util.Map<String, List<double[][][]>> path = new java.util.HashMap<>();
    path.put("sourcebus", List.<double[][][]>of(zs));
    path.put("n1", List.of(zs, l1));
    path.put("n2", List.of(zs, l1, l2));
    path.put("lat", List.of(zs, l1, lat));
    double vb = 4160 / SQRT3;
    String[] buses = {"sourcebus", "n1", "n2", "lat"};
    int checked = 0;
    for (String injBus : buses) {
      for (int psi = 1; psi <= 3; psi++) {
        if (net.node(net.busIndex(injBus), psi) < 0) {
          continue;
        }
        double[][] s = model.sensitivity(model.wye(injBus, psi));
        for (String monBus : buses) {
          for (int phi = 1; phi <= 3; phi++) {
            int k = net.node(net.busIndex(monBus), phi);
            if (k < 0) {
              continue;
            }
            double mp = 0;
            double mq = 0;
            for (double[][][] z : path.get(monBus)) {
              if (path.get(injBus).contains(z)) {
                mp += sankurMp(z, phi - 1, psi - 1);
                mq += sankurMq(z, phi - 1, psi - 1);
              }
            }
            // the flows carry minus the injection: dv/dp = -M^P, per kW and per p.u.^2 of the node's base
            double expectedP = -mp * 1000 / (vb * vb);
            double expectedQ = -mq * 1000 / (vb * vb);
            assertThat(s[0][k]).as("dv(%s.%d)/dp(%s.%d)", monBus, phi, injBus, psi)
                .isCloseTo(expectedP, within(1e-9 * Math.abs(expectedP) + 1e-15));
            assertThat(s[1][k]).as("dv(%s.%d)/dq(%s.%d)", monBus, phi, injBus, psi)
                .isCloseTo(expectedQ, within(1e-9 * Math.abs(expectedQ) + 1e-15));
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(10 * 10);
    // the no-load point is the source itself: 1 p.u. everywhere
    assertThat(model.noLoadPu2(net.node(net.busIndex("lat"), 2))).isCloseTo(1.0, within(1e-12));
  }

  /** Sankur et al.'s M^P, entry (phi, psi), for an impedance {re, im} 3x3 (phases a, b, c = 0, 1, 2). */
  private static double sankurMp(double[][][] z, int phi, int psi) {
    double r = z[0][phi][psi];
    double x = z[1][phi][psi];
    if (phi == psi) {
      return -2 * r;
    }
    // row a: [-2r_aa, r_ab - √3 x_ab, r_ac + √3 x_ac]; row b: [r_ba + √3 x_ba, -2r_bb, r_bc - √3 x_bc];
    // row c: [r_ca - √3 x_ca, r_cb + √3 x_cb, -2r_cc]
    boolean minus = (phi == 0 && psi == 1) || (phi == 1 && psi == 2) || (phi == 2 && psi == 0);
    return minus ? r - SQRT3 * x : r + SQRT3 * x;
  }

  /** Sankur et al.'s M^Q, entry (phi, psi). */
  private static double sankurMq(double[][][] z, int phi, int psi) {
    double r = z[0][phi][psi];
    double x = z[1][phi][psi];
    if (phi == psi) {
      return -2 * x;
    }
    // row a: [-2x_aa, x_ab + √3 r_ab, x_ac - √3 r_ac]; row b: [x_ba - √3 r_ba, -2x_bb, x_bc + √3 r_bc];
    // row c: [x_ca + √3 r_ca, x_cb - √3 r_cb, -2x_cc]
    boolean plus = (phi == 0 && psi == 1) || (phi == 1 && psi == 2) || (phi == 2 && psi == 0);
    return plus ? x + SQRT3 * r : x - SQRT3 * r;
  }

  private static double[][][] lineImpedance(double[][] r, double[][] x, double length) {
    double[][][] z = new double[2][3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        z[0][i][j] = r[i][j] * length;
        z[1][i][j] = x[i][j] * length;
      }
    }
    return z;
  }

  private static double[][][] sourceImpedance(PhaseNetwork net) {
    CMatrix z = net.sourceY().inverse();
    double[][][] out = new double[2][3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[0][i][j] = z.re(i, j);
        out[1][i][j] = z.im(i, j);
      }
    }
    return out;
  }

  /**
   * The adjoint (one solve for all ports) equals the weighted sum of the ports' columns, on the IEEE
   * 13-node feeder with its delta–wye substation, regulators and delta loads; this also checks that
   * Y is symmetric, which the adjoint relies on.
   */
  @Test
  void adjointEqualsWeightedColumnsOnIeee13() {
    Path master = TestFeeders.root().resolve("examples/feeders/opendss/ieee13/IEEE13Nodeckt.dss");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(master));
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    pf.solve();
    LinDist3Flow model = new LinDist3Flow(pf);
    Random random = new Random(19);
    double[] weights = new double[net.nodeCount()];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = random.nextGaussian();
    }
    List<LinDist3Flow.Port> ports = new ArrayList<>();
    for (int k = 0; k < net.nodeCount(); k++) {
      ports.add(new LinDist3Flow.Port(k, -1));
    }
    ports.add(model.delta("671", 1, 2));
    ports.add(model.delta("692", 3, 1));
    double[][] adjoint = model.weightedSensitivities(weights, ports);
    for (int j = 0; j < ports.size(); j++) {
      double[][] column = model.sensitivity(ports.get(j));
      double p = 0;
      double q = 0;
      double scale = 0;
      for (int k = 0; k < weights.length; k++) {
        p += weights[k] * column[0][k];
        q += weights[k] * column[1][k];
        scale += Math.abs(weights[k]) * (Math.abs(column[0][k]) + Math.abs(column[1][k]));
      }
      assertThat(adjoint[0][j]).isCloseTo(p, within(1e-10 * scale + 1e-18));
      assertThat(adjoint[1][j]).isCloseTo(q, within(1e-10 * scale + 1e-18));
    }
  }

  /**
   * A line's conductor current is linear in the injections: adding 7 kW and 3 kvar at 675 phase a
   * changes it by 7 × ∂I/∂p + 3 × ∂I/∂q; and for the feeder's own loads it is the current into the
   * line's conductor computed from the model's node voltages.
   */
  @Test
  void conductorCurrentIsLinearWithItsSensitivity() {
    Path master = TestFeeders.root().resolve("examples/feeders/opendss/ieee13/IEEE13Nodeckt.dss");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(master));
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    pf.solve();
    LinDist3Flow model = new LinDist3Flow(pf);
    PhaseElement line = net.elements().stream().filter(e -> e.name().equalsIgnoreCase("line.684611")).findFirst()
        .orElseThrow();
    PhaseElement main = net.elements().stream().filter(e -> e.name().equalsIgnoreCase("line.650632")).findFirst()
        .orElseThrow();
    List<LinDist3Flow.Injection> loads = model.feederInjections();
    LinDist3Flow.Port port = model.wye("675", 1);
    List<LinDist3Flow.Injection> more = new ArrayList<>(loads);
    more.add(new LinDist3Flow.Injection(port, 7, 3));
    for (PhaseElement e : List.of(line, main)) {
      double[] before = model.conductorCurrent(e, 0, loads);
      double[] after = model.conductorCurrent(e, 0, more);
      double[] d = model.conductorCurrentSensitivity(e, 0, port);
      double scale = Math.hypot(before[0], before[1]);
      assertThat(after[0] - before[0]).isCloseTo(7 * d[0] + 3 * d[2], within(1e-9 * scale));
      assertThat(after[1] - before[1]).isCloseTo(7 * d[1] + 3 * d[3], within(1e-9 * scale));
    }
    // 675 is not behind line 684-611: an injection there changes that line's current only through the
    // voltage at 684, orders of magnitude less than through the main line it flows through
    double[] lateral = model.conductorCurrentSensitivity(line, 0, port);
    double[] trunk = model.conductorCurrentSensitivity(main, 0, port);
    assertThat(Math.hypot(lateral[0], lateral[1])).isLessThan(1e-2 * Math.hypot(trunk[0], trunk[1]));
  }

  @Test
  void refusesUnknownBusesAndNodes() {
    Path master = TestFeeders.root().resolve("examples/feeders/opendss/ieee13/IEEE13Nodeckt.dss");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(master));
    LinDist3Flow model = new LinDist3Flow(new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()));
    assertThatThrownBy(() -> model.wye("nowhere", 1)).hasMessageContaining("no bus nowhere");
    // 645 has phases b and c only
    assertThatThrownBy(() -> model.wye("645", 1)).hasMessageContaining("bus 645 has no node 1");
  }
}
