package org.peergrid.market.accheck;

/**
 * A voltage magnitude at a bus in an interval.
 *
 * @param interval the interval, from 0
 * @param bus MATPOWER bus number
 * @param pu |V| [p.u.]
 */
public record BusVoltage(int interval, int bus, double pu) {}
