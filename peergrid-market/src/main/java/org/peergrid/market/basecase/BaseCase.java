package org.peergrid.market.basecase;

import java.util.List;
import java.util.function.Supplier;
import org.peergrid.market.Beside;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The base case of MODEL.md §3: each building trades only with the utility at (π^buy, π^sell),
 * its own battery and shiftable load scheduled optimally for itself, with no sharing and no
 * network. It is the same LP as the community's, on a single bus with that building alone.
 *
 * @param costs one per building, in scenario order
 */
public record BaseCase(List<BaseCost> costs) {

  public BaseCase {
    costs = List.copyOf(costs);
  }

  /** Solves every building's and every EV's day alone. */
  public static BaseCase of(Scenario scenario) {
    return of(scenario, null);
  }

  /** The same, each participant's LP re-solved warm in {@code warm} (null: cold). */
  public static BaseCase of(Scenario scenario, WarmSolvers warm) {
    return new BaseCase(scenario.participants().stream().filter(BaseCase::hasBaseCase)
        .map(b -> new BaseCost(b.id(), warm == null ? LinDistFlowDispatch.solveAlone(scenario, b)
            : warm.alone(b.id()).solveAlone(scenario, b))).toList());
  }

  /**
   * {@link #of(Scenario)} started now on a thread of its own, for a caller that has the community's
   * LP to solve meanwhile (the base cases do not depend on it): the one-shot clearing's two cores
   * then work at once (docs/benchmarks.md, "After oneshot3"). The supplier waits for the result; an
   * exception of the computation is thrown there. Unused (the community's day failed), the thread
   * just ends. Each base case has its own GLOP solver, so the two threads share nothing mutable.
   */
  public static Supplier<BaseCase> startedBeside(Scenario scenario) {
    return Beside.start("base cases of " + scenario.name(), () -> of(scenario));
  }

  /**
   * Whether a participant has a day of its own at the tariffs: buildings, and EVs (whose owners
   * would otherwise charge at the tariff); generators and the community battery do not.
   */
  public static boolean hasBaseCase(Participant p) {
    return p instanceof Building || p instanceof ElectricVehicle;
  }

  /** Whether every building's day is feasible alone (otherwise base costs are undefined). */
  public boolean allFeasible() {
    return costs.stream().allMatch(c -> c.result().status() == DispatchStatus.OPTIMAL);
  }

  /** C⁰_b of one building [money]. */
  public double cost(String buildingId) {
    return costs.stream().filter(c -> c.buildingId().equals(buildingId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no building " + buildingId)).cost();
  }

  /** Σ_b C⁰_b [money]. */
  public double total() {
    return costs.stream().mapToDouble(BaseCost::cost).sum();
  }

  /** Building ids whose day is infeasible alone, for messages. */
  public List<String> infeasible() {
    return costs.stream().filter(c -> c.result().status() != DispatchStatus.OPTIMAL).map(BaseCost::buildingId).toList();
  }
}
