package org.peergrid.market.dispatch;

import java.util.List;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * A price taker's best response: one participant alone, without a network, buying and selling at
 * one given price per interval. It is the base-case LP of MODEL.md §3 with the tariffs replaced by
 * that price (import = export), so the participant's own constraints are modelled exactly as in the
 * central dispatch. Each call builds and frees its own GLOP solver, so calls may run in parallel.
 */
public final class PriceResponse {
  private PriceResponse() {}

  /**
   * @param scenario the day (only its horizon, network base power and currency are used)
   * @param participant the price taker, with its private data
   * @param pricePerKwh the price of interval t for withdrawing (and injecting) one kWh
   * @return the participant's schedule; its objective is Σ_t price·net withdrawal·Δt plus its private
   *     cost (battery wear, DG fuel)
   */
  public static DispatchResult respond(Scenario scenario, Participant participant, double[] pricePerKwh) {
    TimeSeries price = new TimeSeries(pricePerKwh);
    Scenario alone = new Scenario(scenario.name(), scenario.currency(), scenario.network(), scenario.horizon(),
        new Tariff(price, price), List.of(participant));
    return LinDistFlowDispatch.solve(DispatchModel.copperPlate(alone, participant), participant.id() + " at prices");
  }
}
