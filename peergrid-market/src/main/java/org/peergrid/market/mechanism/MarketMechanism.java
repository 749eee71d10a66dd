package org.peergrid.market.mechanism;

import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.scenario.Scenario;

/**
 * How money moves on the cooperative schedule (MODEL.md §4). Every mechanism settles the same
 * energy: the engine ({@link CooperativeDay}) schedules the day once, with DLMPs, base costs and
 * the AC check, and a mechanism is a pure function from that {@link CooperativeOutcome} to a
 * settlement. Implementations are named after their method and registered in {@link Mechanisms};
 * docs/mechanisms.md says how to add one.
 */
public interface MarketMechanism {

  /** The name that runs select it by, lower case (e.g. {@code dlmp}). */
  String name();

  /** One line for help texts. */
  String description();

  /**
   * Settles the schedule: rows per participant and interval, costs against the base case. A
   * mechanism that cannot keep its guarantees says so with {@link SettlementStatus#NO_SPLIT}.
   *
   * @throws IllegalStateException when the budget identity fails (a defect, not an input error)
   */
  MechanismOutcome settle(CooperativeOutcome outcome);

  /** Schedules, checks and settles the day with this mechanism. */
  default ClearingResult clear(Scenario scenario) {
    return CooperativeDay.solve(scenario).clearWith(this);
  }

  /**
   * The same, re-solving the LPs warm in a thread's {@code warm} solvers where the mechanism can
   * (the uncertainty paths clear many days of one structure). A mechanism that schedules the day
   * its own way, overriding {@link #clear(Scenario)}, overrides this too or is cleared cold.
   */
  default ClearingResult clear(Scenario scenario, WarmSolvers warm) {
    return CooperativeDay.solve(scenario, warm).clearWith(this);
  }
}
