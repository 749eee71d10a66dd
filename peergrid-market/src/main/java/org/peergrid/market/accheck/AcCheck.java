package org.peergrid.market.accheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Scenario;

/**
 * Checks a schedule with the full AC power flow (MODEL.md §2, Validation): every interval's net
 * bus loads ({@link BusLoads#day}, put together once for the day) go through one backward/forward
 * sweep of a power flow built once, at the scenario's root
 * voltage, and the voltages and sending-end apparent powers are held against the scenario's limits.
 *
 * <p>LinDistFlow drops the losses and the squared-current terms, so a limit that binds in the LP
 * is usually broken slightly in AC: the size of that gap is what this check reports.
 */
public final class AcCheck {
  /**
   * Deviations up to this much beyond a voltage limit are numerical noise (the LP's feasibility
   * tolerance is about 1e-7 on v = V², the sweep's 1e-10), not violations [p.u.].
   */
  public static final double VOLTAGE_TOLERANCE_PU = 1e-6;
  /** Likewise for thermal limits, relative to the limit. */
  public static final double LOADING_TOLERANCE = 1e-6;

  private AcCheck() {}

  /** Sees every interval's power flow as the check runs (for voltage and loading traces). */
  @FunctionalInterface
  public interface IntervalListener {
    void interval(int t, PowerFlowResult powerFlow);
  }

  public static AcCheckResult run(Scenario scenario, DispatchSolution solution) {
    return run(scenario, solution, (t, pf) -> {});
  }

  /** The check, handing each interval's power flow to {@code listener} as well. */
  public static AcCheckResult run(Scenario scenario, DispatchSolution solution, IntervalListener listener) {
    long start = System.nanoTime();
    NetworkSettings net = scenario.network();
    RadialNetwork radial = net.radial();
    SweepPowerFlow sweep = new SweepPowerFlow(radial, PowerFlowParameters.DEFAULT, net.rootVoltagePu());
    OptionalDouble[] limits = new OptionalDouble[radial.busCount()];
    for (int k = 1; k < limits.length; k++) {
      limits[k] = net.limitKvaInto(k);
    }
    double hours = scenario.horizon().hours();
    BusLoads.Day loads = BusLoads.day(scenario, solution);
    List<AcInterval> intervals = new ArrayList<>();
    List<AcViolation> violations = new ArrayList<>();
    for (int t = 0; t < scenario.horizon().intervals(); t++) {
      PowerFlowResult pf = sweep.solve(loads.activeKw()[t], loads.reactiveKvar()[t]);
      listener.interval(t, pf);
      Optional<BranchLoading> mostLoaded = Optional.empty();
      for (int k = 1; k < limits.length; k++) {
        if (limits[k].isPresent()) {
          BranchLoading b = new BranchLoading(t, pf.branch(k).fromBus(), pf.branch(k).toBus(), pf.sendingEndKva(k),
              limits[k].getAsDouble());
          if (mostLoaded.isEmpty() || b.percent() > mostLoaded.get().percent()) {
            mostLoaded = Optional.of(b);
          }
        }
      }
      intervals.add(new AcInterval(t, pf.status(), pf.iterations(), pf.lossesKw(), pf.lossesKw() * hours,
          pf.sourceKw(), voltage(t, pf, pf.minVoltageIndex()), voltage(t, pf, pf.maxVoltageIndex()), mostLoaded));
      if (pf.converged()) {
        addViolations(t, pf, net, limits, violations);
      }
    }
    return new AcCheckResult(intervals, violations, (System.nanoTime() - start) / 1_000_000);
  }

  private static BusVoltage voltage(int t, PowerFlowResult pf, int k) {
    return new BusVoltage(t, pf.busNumber(k), pf.voltageMagnitudePu(k));
  }

  private static void addViolations(int t, PowerFlowResult pf, NetworkSettings net, OptionalDouble[] limits,
      List<AcViolation> out) {
    for (int k = 0; k < pf.busCount(); k++) {
      double v = pf.voltageMagnitudePu(k);
      String bus = "bus " + pf.busNumber(k);
      if (v < net.vminPu() - VOLTAGE_TOLERANCE_PU) {
        out.add(new AcViolation(t, AcViolation.Kind.UNDER_VOLTAGE, bus, v, net.vminPu()));
      } else if (v > net.vmaxPu() + VOLTAGE_TOLERANCE_PU) {
        out.add(new AcViolation(t, AcViolation.Kind.OVER_VOLTAGE, bus, v, net.vmaxPu()));
      }
    }
    for (int k = 1; k < limits.length; k++) {
      if (limits[k].isPresent()) {
        double limit = limits[k].getAsDouble();
        double kva = pf.sendingEndKva(k);
        if (kva > limit * (1 + LOADING_TOLERANCE)) {
          out.add(new AcViolation(t, AcViolation.Kind.BRANCH_OVERLOAD,
              pf.branch(k).fromBus() + "-" + pf.branch(k).toBus(), kva, limit));
        }
      }
    }
  }
}
