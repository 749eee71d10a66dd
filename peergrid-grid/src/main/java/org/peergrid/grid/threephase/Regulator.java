package org.peergrid.grid.threephase;

/**
 * A RegControl's settings (OpenDSS units: volts on the PT secondary, amperes of CT primary): it watches
 * one coil of a transformer winding, compensates line drop with {@code R + jX} volts at rated CT
 * current, and moves the tap winding in steps while the compensated voltage is outside
 * {@code vreg +/- band/2}.
 *
 * @param element index of the controlled transformer in {@link PhaseNetwork#elements()}
 * @param winding monitored winding, 0-based
 * @param tapWinding winding whose tap moves, 0-based
 * @param ptPhase monitored phase (coil), 0-based
 */
public record Regulator(String name, String location, int element, int winding, int tapWinding, double vreg,
    double band, double ptRatio, double ctPrimary, double r, double x, double delay, int maxTapChange,
    int ptPhase) {}
