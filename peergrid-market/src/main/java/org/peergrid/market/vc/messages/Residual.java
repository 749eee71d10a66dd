package org.peergrid.market.vc.messages;

/**
 * Coordinator ↔ the market between communities (C2C, a uniform-price double auction): a community's
 * unmatched offers per interval; on the way back, the sums over all the other communities.
 *
 * @param vcId the sending (or, on the way back, the receiving) community
 * @param iteration the round
 * @param surplusKwh (supply − demand)⁺ [kWh]
 * @param deficitKwh (demand − supply)⁺ [kWh]
 */
public record Residual(String vcId, int iteration, double[] surplusKwh, double[] deficitKwh) implements Message {}
