package org.peergrid.grid.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.testsupport.FeederBuilder;
import org.peergrid.grid.testsupport.NewtonPowerFlow;

class SweepPowerFlowTest {
  static final double DELTA_V = 1e-9;

  @Test
  void twoBusFeederMatchesTheClosedForm() {
    // One line r + jx feeding a purely resistive load P at the end: with V1 = 1, the receiving voltage
    // solves V^2 = V (1 - r I) along the real axis: V^2 - V + rP = 0 (x drops out at zero reactive power
    // only in magnitude to first order, so use x = 0 to get an exact closed form).
    double r = 0.05;
    double p = 2.0; // p.u.
    Feeder feeder = new FeederBuilder(1).source(1, 1.0).load(2, p * 1000, 0).line(1, 2, r, 0).build();

    PowerFlowResult res = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();

    double v = (1 + Math.sqrt(1 - 4 * r * p)) / 2;
    assertThat(res.converged()).isTrue();
    assertThat(res.voltageMagnitudePu(1)).isCloseTo(v, within(DELTA_V));
    assertThat(res.lossesKw()).isCloseTo(r * (p / v) * (p / v) * 1000, within(1e-6));
    assertThat(res.sourceKw()).isCloseTo(p * 1000 + res.lossesKw(), within(1e-6));
  }

  @Test
  void rootVoltageGivenByTheCallerReplacesTheCaseSetpoint() {
    // The two-bus closed form with |V0| = 1.03 (the case says 1.0): V^2 - V0 V + rP = 0.
    double r = 0.05;
    double p = 2.0;
    double v0 = 1.03;
    Feeder feeder = new FeederBuilder(1).source(1, 1.0).load(2, p * 1000, 0).line(1, 2, r, 0).build();

    PowerFlowResult res = new SweepPowerFlow(RadialNetwork.of(feeder), PowerFlowParameters.DEFAULT, v0).solve();

    assertThat(res.voltageMagnitudePu(0)).isCloseTo(v0, within(DELTA_V));
    assertThat(res.voltageMagnitudePu(1)).isCloseTo((v0 + Math.sqrt(v0 * v0 - 4 * r * p)) / 2, within(DELTA_V));
  }

  @Test
  void transformersChargingShuntsAndReversedBranchesAgreeWithNewton() {
    // Every branch feature, in both orientations: taps and phase shift on the parent side (1-2) and on the
    // child side (3 is the from bus of 3-2), charging, a capacitor shunt and a generator at a PQ bus.
    Feeder feeder = new FeederBuilder(10)
        .source(1, 1.02)
        .load(2, 800, 300)
        .shunt(3, 500, 200, 10, 400)
        .load(4, 300, 100)
        .load(5, 200, 50)
        .generator(5, 150, 20)
        .branch(1, 2, 0.002, 0.04, 0.001, 1.025, 2.0)
        .branch(3, 2, 0.03, 0.05, 0.002, 0.975, -1.0)
        .branch(2, 4, 0.04, 0.03, 0.0005, 1, 0)
        .branch(5, 4, 0.05, 0.04, 0, 1.01, 0)
        .build();

    assertAgreesWithNewton(feeder);
  }

  static IntStream seeds() {
    return IntStream.range(0, 25);
  }

  /** Random trees (seeded): random shapes, impedances, loads, some reversed branches and shunts. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomRadialFeedersAgreeWithNewton(int seed) {
    Random rnd = new Random(seed);
    int n = 2 + rnd.nextInt(60);
    FeederBuilder b = new FeederBuilder(1 + rnd.nextInt(10)).source(1, 0.98 + 0.06 * rnd.nextDouble());
    for (int bus = 2; bus <= n; bus++) {
      double kw = 5 + 60 * rnd.nextDouble();
      double kvar = kw * (rnd.nextDouble() - 0.2);
      if (rnd.nextInt(5) == 0) {
        b.shunt(bus, kw, kvar, 0, 30 * rnd.nextDouble());
      } else {
        b.load(bus, kw, kvar);
      }
      int parent = 1 + rnd.nextInt(bus - 1);
      double r = 0.0005 + 0.01 * rnd.nextDouble();
      double x = 0.0005 + 0.01 * rnd.nextDouble();
      if (rnd.nextBoolean()) {
        b.line(parent, bus, r, x);
      } else {
        b.line(bus, parent, r, x);
      }
    }
    assertAgreesWithNewton(b.build());
  }

  private static void assertAgreesWithNewton(Feeder feeder) {
    PowerFlowResult sweep = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();
    NewtonPowerFlow.Solution newton = NewtonPowerFlow.solve(feeder, 1e-11);

    assertThat(sweep.status()).isEqualTo(PowerFlowStatus.CONVERGED);
    for (int k = 0; k < sweep.busCount(); k++) {
      int bus = sweep.busNumber(k);
      assertThat(sweep.voltageMagnitudePu(k)).as("Vm bus %d", bus).isCloseTo(newton.vm().get(bus), within(DELTA_V));
      assertThat(sweep.voltageAngleDeg(k)).as("Va bus %d", bus).isCloseTo(newton.vaDeg().get(bus), within(1e-7));
    }
    assertThat(sweep.lossesKw()).isCloseTo(newton.lossesKw(), within(1e-6));
    assertThat(sweep.lossesKvar()).isCloseTo(newton.lossesKvar(), within(1e-6));
  }

  @Test
  void branchFlowsBalanceAtEveryBus() {
    Feeder feeder = org.peergrid.grid.testsupport.TestFeeders.load("case18"); // shunts and line charging
    PowerFlowResult r = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();
    RadialNetwork net = r.network();

    // At each bus, power from the parent branch equals load + shunt + what leaves into child branches.
    double[] inflowKw = new double[net.busCount()];
    double[] outflowKw = new double[net.busCount()];
    for (int k = 1; k < net.busCount(); k++) {
      boolean parentIsFrom = net.parentIsFrom(k);
      double intoChild = -(parentIsFrom ? r.pToKw(k) : r.pFromKw(k));
      double fromParent = parentIsFrom ? r.pFromKw(k) : r.pToKw(k);
      inflowKw[k] += intoChild;
      outflowKw[net.parent(k)] += fromParent;
    }
    inflowKw[0] = r.sourceKw();
    for (int k = 0; k < net.busCount(); k++) {
      var bus = feeder.bus(net.busNumber(k)).orElseThrow();
      double v2 = r.voltageMagnitudePu(k) * r.voltageMagnitudePu(k);
      double consumed = bus.loadKw() + bus.shuntConductanceKw() * v2 + outflowKw[k];
      assertThat(inflowKw[k]).as("bus %d", bus.number()).isCloseTo(consumed, within(1e-6));
    }
  }

  @Test
  void overloadedFeederEndsWithAStatusNotAnException() {
    // 1 p.u. line impedance and 5 p.u. load: beyond the nose of the PV curve, no solution exists.
    Feeder feeder = new FeederBuilder(1).source(1, 1.0).load(2, 5000, 0).line(1, 2, 1.0, 1.0).build();

    PowerFlowResult r = new SweepPowerFlow(RadialNetwork.of(feeder)).solve();

    assertThat(r.status()).isIn(PowerFlowStatus.DIVERGED, PowerFlowStatus.MAX_ITERATIONS);
    assertThat(r.converged()).isFalse();
  }

  @Test
  void solvesWithOtherLoadsAndReusesItsWorkArrays() {
    var net = RadialNetwork.of(org.peergrid.grid.testsupport.TestFeeders.load("case33bw"));
    var pf = new SweepPowerFlow(net);
    PowerFlowResult base = pf.solve();

    double[] kw = net.loadKw();
    double[] kvar = net.loadKvar();
    for (int k = 0; k < kw.length; k++) {
      kw[k] *= 0.5;
      kvar[k] *= 0.5;
    }
    PowerFlowResult half = pf.solve(kw, kvar);
    PowerFlowResult again = pf.solve();

    assertThat(half.lossesKw()).isLessThan(base.lossesKw() / 3); // losses go roughly with the square of load
    assertThat(again.lossesKw()).isEqualTo(base.lossesKw());
    assertThat(base.lossesKw()).isCloseTo(202.67713, within(0.01)); // the first result was not overwritten
  }
}
