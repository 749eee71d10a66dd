package org.peergrid.market.vc.messages;

/**
 * Agent → coordinator, in the non-cooperative game: the net energy the member offers to buy
 * (positive) or sell (negative) in each interval; nothing about why.
 *
 * @param agentId the sender
 * @param iteration the round
 * @param quantityKwh net withdrawal per interval [kWh]
 * @param gain what the member's exact best response would have saved against its previous offer,
 *     at the round's state [money]: its ε, which the round's stopping test reads
 */
public record Bid(String agentId, int iteration, double[] quantityKwh, double gain) implements Message {}
