package org.peergrid.market.vc.messages;

/**
 * Agent → coordinator: the net energy the agent would withdraw at the prices it was sent (its best
 * response), and the private cost of doing so (battery wear, generator fuel). Neither its load nor
 * its PV nor its battery's state: only the net quantity it would trade.
 *
 * @param agentId the sender
 * @param iteration the round it answers
 * @param quantityKwh net withdrawal per interval [kWh], negative when injecting
 * @param cost the private cost of that schedule [money]
 */
public record Offer(String agentId, int iteration, double[] quantityKwh, double cost) implements Message {}
