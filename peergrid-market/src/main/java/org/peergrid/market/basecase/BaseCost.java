package org.peergrid.market.basecase;

import org.peergrid.market.dispatch.DispatchResult;

/**
 * One building's base case: its own optimal day at the tariffs, alone (MODEL.md §3).
 *
 * @param buildingId the building
 * @param result its dispatch alone; the base cost is that dispatch's objective
 */
public record BaseCost(String buildingId, DispatchResult result) {

  /**
   * C⁰_b [money]: the utility bill at the tariffs plus its own battery's degradation.
   *
   * @throws IllegalStateException when the building cannot serve its own day alone
   */
  public double cost() {
    return result.optimal().objective();
  }
}
