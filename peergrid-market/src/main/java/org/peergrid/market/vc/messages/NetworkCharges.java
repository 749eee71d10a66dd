package org.peergrid.market.vc.messages;

/**
 * DSO → coordinator, in the non-cooperative game: the network charge per kWh of net withdrawal at
 * each of the community's buses (negative: paid for injecting), which keeps the feeder within its
 * limits (docs/vc-game.md §3).
 *
 * @param vcId the receiving community
 * @param iteration the DSO's round
 * @param busNumbers the buses, MATPOWER numbers
 * @param pricePerKwh [bus][interval]
 */
public record NetworkCharges(String vcId, int iteration, int[] busNumbers, double[][] pricePerKwh)
    implements Message {}
