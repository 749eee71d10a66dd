package org.peergrid.platform.store;

/**
 * A market day's row.
 *
 * @param id the day's id
 * @param scenario the scenario text as the DSO sent it
 * @param feeder the MATPOWER case text, or a three-phase day's OpenDSS master script
 * @param mechanism the settlement mechanism's name
 * @param gateClosureMs when offers stop being accepted and the scheduler clears [epoch ms]
 * @param state {@link DayState}
 * @param openedMs when it was opened [epoch ms]
 * @param clearedMs when clearing finished, or null
 * @param message why clearing failed, or null
 * @param feederFiles a three-phase day's other OpenDSS scripts, the ones its master script ({@code feeder})
 *     redirects to, as a JSON object of file name to text; null for a MATPOWER day or a single script
 */
public record DayRecord(String id, String scenario, String feeder, String mechanism, long gateClosureMs,
    DayState state, long openedMs, Long clearedMs, String message,
    String feederFiles) {}
