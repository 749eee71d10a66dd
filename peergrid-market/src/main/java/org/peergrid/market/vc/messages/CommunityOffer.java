package org.peergrid.market.vc.messages;

/**
 * Coordinator → DSO: its members' offers of one round added up per bus.
 *
 * @param vcId the sending community
 * @param iteration the round
 * @param busNumbers the buses, MATPOWER numbers
 * @param quantityKwh net withdrawal [bus][interval] [kWh]
 * @param cost Σ of the members' private costs [money]
 */
public record CommunityOffer(String vcId, int iteration, int[] busNumbers, double[][] quantityKwh, double cost)
    implements Message {}
