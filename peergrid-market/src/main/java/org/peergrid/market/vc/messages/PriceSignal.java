package org.peergrid.market.vc.messages;

/**
 * Coordinator → agent: the price of each interval at the agent's bus.
 *
 * @param agentId the receiving agent
 * @param iteration the round
 * @param pricePerKwh one per interval, money per kWh withdrawn (paid back per kWh injected)
 */
public record PriceSignal(String agentId, int iteration, double[] pricePerKwh) implements Message {}
