package org.peergrid.market.accheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LimitTightening;
import org.peergrid.market.dispatch.NetworkState;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Scenario;

/**
 * The AC-corrected clearing loop (docs/model.md §8): solve with LinDistFlow, run the {@link AcCheck},
 * and where the AC power flow breaks a limit, tighten that limit in the LP by the measured
 * AC-versus-LinDistFlow gap and solve again; stop when the check passes, when nothing more can be
 * tightened, or after {@link #MAX_SOLVES} solves. Should a tightening leave no schedule at all, the
 * previous schedule is the answer, its AC violations reported.
 *
 * <p>Why it works: LinDistFlow drops the losses, so at a given schedule the AC voltage is lower
 * than the LP's by a gap g = v_LP − V_AC² (in v = V²) that changes little when the schedule moves a
 * little. Holding v_LP ≥ V^min² + g + margin then gives V_AC² ≥ V^min² + margin. Likewise for
 * loadings: the LP bound becomes S^max − (S_AC − S_LP) − margin. Tightenings only grow, so a
 * correction is never undone and the loop cannot cycle; it is not a proof of convergence (the gap
 * moves with the schedule), hence the solve limit and the reported outcome.
 *
 * <p>The solver is a parameter so that the central clearing and the VC game's DSO master use the
 * same loop with the same one LP formulation.
 */
public final class AcCorrection {
  /** At most this many solves (the first plus corrections); on the bundled example 2 suffice. */
  public static final int MAX_SOLVES = 6;
  /**
   * Extra raise of V^min² beyond the measured gap [p.u.²]: 2·10⁻⁵ in v is 10⁻⁵ p.u. in V, ten times the
   * AC check's voltage tolerance, so that the small change of the gap from one solve to the next does
   * not leave a violation of a few 10⁻⁶ p.u.
   */
  public static final double VOLTAGE_MARGIN_SQUARED = 2e-5;
  /** Extra cut of S^max beyond the measured loading gap, relative to S^max (100 times the check's tolerance). */
  public static final double LOADING_MARGIN = 1e-4;

  private AcCorrection() {}

  /**
   * The outcome of the loop.
   *
   * @param result the last solve's result
   * @param check the AC check of its schedule; empty when it has none (infeasible, solver failure)
   * @param solves how many times the LP (or game) was solved
   * @param tightening the tightening that the last solve used
   * @param violationsPerSolve the AC check's violation count after each solve
   */
  public record Outcome<R>(R result, Optional<AcCheckResult> check, int solves, LimitTightening tightening,
      List<Integer> violationsPerSolve) {
    public Outcome {
      violationsPerSolve = List.copyOf(violationsPerSolve);
    }

    /** For people: e.g. "3 solves, AC violations 9 → 2 → 0, 14 limits tightened". */
    public String describe() {
      return solves + (solves == 1 ? " solve" : " solves") + ", AC violations "
          + String.join(" → ", violationsPerSolve.stream().map(String::valueOf).toList()) + ", "
          + tightening.tightenedCount() + " limits tightened";
    }

    /** Whether the last schedule passes the AC check. */
    public boolean passed() {
      return check.isPresent() && check.get().violations().isEmpty() && check.get().converged();
    }
  }

  /**
   * Runs the loop.
   *
   * @param solve a clearing under a tightening of the limits
   * @param schedule its schedule, or empty when it has none
   */
  public static <R> Outcome<R> run(Scenario scenario, Function<LimitTightening, R> solve,
      Function<R, Optional<DispatchSolution>> schedule) {
    return run(scenario, solve, schedule, MAX_SOLVES);
  }

  /** The loop with at most {@code maxSolves} solves (1: just solve and check). */
  public static <R> Outcome<R> run(Scenario scenario, Function<LimitTightening, R> solve,
      Function<R, Optional<DispatchSolution>> schedule, int maxSolves) {
    RadialNetwork radial = scenario.network().radial();
    LimitTightening tightening = LimitTightening.none(scenario.horizon().intervals(), radial.busCount());
    List<Integer> violations = new ArrayList<>();
    Outcome<R> last = null;
    for (int solves = 1; ; solves++) {
      R result = solve.apply(tightening);
      Optional<DispatchSolution> solution = schedule.apply(result);
      if (solution.isEmpty()) {
        // Tightened beyond what the day allows: the last schedule that existed is the answer, with
        // its AC violations reported; without one, the day has none.
        return last != null ? last : new Outcome<>(result, Optional.empty(), solves, tightening, violations);
      }
      List<PowerFlowResult> flows = new ArrayList<>();
      AcCheckResult check = AcCheck.run(scenario, solution.get(), (t, pf) -> flows.add(pf));
      violations.add(check.violations().size());
      last = new Outcome<>(result, Optional.of(check), solves, tightening.copy(), violations);
      boolean done = check.violations().isEmpty() || solves >= maxSolves || !check.converged();
      if (done || !tighten(scenario, solution.get().network(), flows, tightening)) {
        return last;
      }
    }
  }

  /** Tightens every limit that an interval's AC power flow breaks; false when none could be. */
  static boolean tighten(Scenario scenario, NetworkState lp, List<PowerFlowResult> flows, LimitTightening into) {
    NetworkSettings net = scenario.network();
    RadialNetwork radial = net.radial();
    double vmin = net.vminPu();
    double vmax = net.vmaxPu();
    boolean changed = false;
    for (int t = 0; t < flows.size(); t++) {
      PowerFlowResult pf = flows.get(t);
      double[] q = reactiveFlowKvar(scenario, radial, t);
      for (int k = 1; k < radial.busCount(); k++) {
        double ac = pf.voltageMagnitudePu(k);
        double linear = lp.voltagePu().get(t, k);
        double gap = linear * linear - ac * ac;
        if (ac < vmin - AcCheck.VOLTAGE_TOLERANCE_PU) {
          changed |= into.raiseVmin(t, k, gap + VOLTAGE_MARGIN_SQUARED);
        } else if (ac > vmax + AcCheck.VOLTAGE_TOLERANCE_PU) {
          changed |= into.lowerVmax(t, k, -gap + VOLTAGE_MARGIN_SQUARED);
        }
        OptionalDouble limit = net.limitKvaInto(k);
        if (limit.isPresent() && pf.sendingEndKva(k) > limit.getAsDouble() * (1 + AcCheck.LOADING_TOLERANCE)) {
          double linearKva = Math.hypot(lp.flowKw().get(t, k), q[k]);
          double loadingGap = pf.sendingEndKva(k) - linearKva;
          changed |= into.lowerLimit(t, k, loadingGap + LOADING_MARGIN * limit.getAsDouble());
        }
      }
    }
    return changed;
  }

  /** The fixed reactive flow into every bus that the LP uses: the subtree's reactive load [kvar]. */
  private static double[] reactiveFlowKvar(Scenario scenario, RadialNetwork radial, int t) {
    double[] q = BusLoads.reactiveKvar(scenario, t);
    for (int k = radial.busCount() - 1; k >= 1; k--) {
      q[radial.parent(k)] += q[k];
    }
    return q;
  }
}
