package org.peergrid.platform.store;

/**
 * A market day's row.
 *
 * @param id the day's id
 * @param scenario the scenario text as the DSO sent it
 * @param feeder the MATPOWER case text
 * @param mechanism the settlement mechanism's name
 * @param gateClosureMs when offers stop being accepted and the scheduler clears [epoch ms]
 * @param state {@link DayState}
 * @param openedMs when it was opened [epoch ms]
 * @param clearedMs when clearing finished, or null
 * @param message why clearing failed, or null
 */
public record DayRecord(String id, String scenario, String feeder, String mechanism, long gateClosureMs,
    DayState state, long openedMs, Long clearedMs, String message) {}
