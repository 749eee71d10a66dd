package org.peergrid.market.vc.messages;

/**
 * DSO → coordinator: the network's prices (DLMPs) at the buses of the coordinator's members, and
 * the value the DSO puts on the community's current offers (the dual of its convexity row).
 *
 * @param vcId the receiving community
 * @param iteration the round
 * @param busNumbers the buses priced, MATPOWER numbers
 * @param pricePerKwh [bus][interval], money per kWh withdrawn
 * @param offerValue a new offer helps only if its priced cost is below this [money]
 */
public record NetworkPrices(String vcId, int iteration, int[] busNumbers, double[][] pricePerKwh, double offerValue)
    implements Message {}
