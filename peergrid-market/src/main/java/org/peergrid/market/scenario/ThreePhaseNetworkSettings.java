package org.peergrid.market.scenario;

import java.nio.file.Path;
import java.util.Map;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.PhaseNetwork;

/**
 * The scenario's {@code network} section when it names an OpenDSS feeder ({@code network.opendss}):
 * the phase-frame feeder and the limits the three-phase clearing holds (docs/opendss.md, "Markets
 * on three-phase feeders").
 *
 * @param opendss the master script (resolved against the scenario file)
 * @param feeder the feeder in the phase frame, built from the script
 * @param vminPu lowest node-to-ground voltage of every phase node [p.u.]
 * @param vmaxPu highest [p.u.]
 * @param unbalancePu the largest phase voltage unbalance rate (PVUR) at a three-phase bus; +∞ for no limit
 * @param backgroundLoad whether the feeder's own loads stay on it as load that nobody trades
 * @param backgroundProfile multiplier of those loads per interval
 * @param acCorrection whether the clearing tightens its voltage limits until the three-phase power
 *     flow is inside them
 * @param lineLimitAmps the current limit of every phase conductor of a line, by the line's OpenDSS name
 *     in lower case ({@code line.684611}), amperes ({@code line_limit_a})
 */
public record ThreePhaseNetworkSettings(
    Path opendss,
    PhaseNetwork feeder,
    double vminPu,
    double vmaxPu,
    double unbalancePu,
    boolean backgroundLoad,
    TimeSeries backgroundProfile,
    boolean acCorrection,
    Map<String, Double> lineLimitAmps) {
  /** The default PVUR limit: 2 %, the usual planning limit for voltage unbalance (EN 50160 states it for VUF). */
  public static final double DEFAULT_UNBALANCE_PU = 0.02;

  public ThreePhaseNetworkSettings {
    if (feeder == null) {
      throw new ValidationException("opendss: the feeder is required");
    }
    NetworkSettings.requireVoltageLimits(vminPu, vmaxPu);
    lineLimitAmps = Map.copyOf(lineLimitAmps);
    if (!(unbalancePu > 0)) {
      throw new ValidationException("unbalance_pu must be positive, got " + unbalancePu);
    }
  }

  /**
   * The same settings on a feeder of their own, built again from the script: the power flow's tap
   * control and LinDist3Flow change the feeder's elements in place (taps, admittances), so clearings
   * that run at the same time on different threads each need their own.
   */
  public ThreePhaseNetworkSettings withOwnFeeder() {
    return new ThreePhaseNetworkSettings(opendss, DssNetworkBuilder.build(DssScriptReader.read(opendss)), vminPu,
        vmaxPu, unbalancePu, backgroundLoad, backgroundProfile, acCorrection, lineLimitAmps);
  }

  /** The multiplier of the feeder's own loads in interval t: the profile's value, or 0 without background load. */
  public double backgroundMultiplier(int t) {
    return backgroundLoad ? backgroundProfile.get(t) : 0;
  }
}
