package org.peergrid.market.dispatch;

/**
 * The linearised network state of a schedule.
 *
 * @param flowKw active flow into each bus from its parent [kW] (0 at the root), away from the root positive
 * @param voltagePu √v, the LinDistFlow voltage magnitude [p.u.]
 */
public record NetworkState(BusSeries flowKw, BusSeries voltagePu) {}
