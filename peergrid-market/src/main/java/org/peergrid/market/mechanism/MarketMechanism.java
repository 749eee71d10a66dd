package org.peergrid.market.mechanism;

import org.peergrid.market.scenario.Scenario;

/**
 * A way to clear a scenario's day: who decides and how money moves (MODEL.md §4). Every mechanism
 * schedules the same physical system under the same limits; implementations are pure functions of
 * the scenario and are registered by name in {@link Mechanisms}.
 */
public interface MarketMechanism {

  /** The name that scenario runs select it by, lower case (e.g. {@code dlmp}). */
  String name();

  /** One line for help texts. */
  String description();

  /** Schedules, settles and checks the day. Infeasibility is a result, not an exception. */
  ClearingResult clear(Scenario scenario);
}
