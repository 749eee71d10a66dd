package org.peergrid.market.vc;

/**
 * One trade of the non-cooperative game (trades.csv).
 *
 * @param interval from 0
 * @param type B2B (members of one community), B2C (a one-member community — a lone building, an EV,
 *     a DG or the community battery — with a community), C2C (between communities), GRID (with the
 *     utility through the DSO at the tariffs)
 * @param seller a participant, a community or GRID
 * @param buyer likewise
 * @param kwh energy [kWh]
 * @param price [money/kWh]
 */
public record GameTrade(int interval, String type, String seller, String buyer, double kwh, double price) {}
