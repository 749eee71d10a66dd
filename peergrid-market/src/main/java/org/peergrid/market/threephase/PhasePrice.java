package org.peergrid.market.threephase;

import org.peergrid.grid.threephase.LinDist3Flow;

/**
 * The distribution locational marginal price at one port (a bus and phase): the change of the
 * clearing's minimum cost per kW more load drawn through the port during the interval, money/kWh,
 * with its split {@code dlmp = energy + voltage + unbalance + congestion}. The linear model is
 * lossless, so there is no loss part.
 *
 * @param energy the balance row's dual, the same at every port
 * @param voltage Σ over the node voltage rows of their dual times the port's effect on the row
 * @param unbalance the same over the unbalance rows
 * @param congestion the same over the branch-limit rows
 */
public record PhasePrice(String bus, LinDist3Flow.Port port, double dlmp, double energy, double voltage,
    double unbalance, double congestion) {}
