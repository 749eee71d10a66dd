package org.peergrid.market.settlement;

import java.util.OptionalDouble;

/**
 * A participant's day under a mechanism, as settlement.csv reports it.
 *
 * @param participant the participant id
 * @param baseCost C⁰_b for a building [money]; empty for generators and community batteries
 * @param cost what it pays, net of what it receives, plus its own battery's degradation [money]
 * @param savings base cost − cost for a building; empty otherwise
 * @param individuallyRational whether a building pays no more than its base cost (within a cent's
 *     millionth); true for others, which have no base case
 */
public record ParticipantSettlement(String participant, OptionalDouble baseCost, double cost, OptionalDouble savings,
    boolean individuallyRational) {}
