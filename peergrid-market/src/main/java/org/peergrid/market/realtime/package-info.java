/**
 * The real-time stage of a market day (MODEL.md §7, docs/realtime.md): actual load and
 * generation, batteries re-dispatched over the rest of the day (a rolling horizon on the day-ahead
 * LP), deviations from the day-ahead position settled at real-time prices (the two-settlement
 * system), and every real-time interval through the AC power flow.
 */
package org.peergrid.market.realtime;
