package org.peergrid.market.dispatch;

/**
 * Distribution locational marginal prices [money/kWh] per interval and bus (internal index), with
 * their split: dlmp = energy + voltage + congestion in every cell.
 *
 * @param dlmp the marginal cost of one more kW of load at the bus during the interval, per kWh
 * @param energy the root's price λ_0 / Δt, the same at every bus
 * @param voltage the part due to binding voltage limits
 * @param congestion the part due to binding thermal limits
 */
public record LocationalPrices(BusSeries dlmp, BusSeries energy, BusSeries voltage, BusSeries congestion) {}
