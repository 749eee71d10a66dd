package org.peergrid.market.vc.messages;

/**
 * Coordinator → agent, in the non-cooperative game (docs/vc-game.md): the totals a member needs to
 * price its own offers under the market's rules, per interval, without any other member's offer.
 *
 * @param agentId the receiving member
 * @param iteration the round
 * @param supplyKwh the other members' offers to sell [kWh]
 * @param demandKwh the other members' offers to buy [kWh]
 * @param surplusKwh the other communities' surplus, from the market between communities [kWh]
 * @param deficitKwh the other communities' deficit [kWh]
 * @param pricePerKwh the DSO's network charge at the member's bus, per kWh of net withdrawal
 * @param step the share of the way to its best response that the protocol asks a member to move
 *     this round (the damping of the iteration), in (0, 1]; 0 in the certificate round, which moves nobody
 */
public record MarketState(String agentId, int iteration, double[] supplyKwh, double[] demandKwh,
    double[] surplusKwh, double[] deficitKwh, double[] pricePerKwh, double step) implements Message {}
