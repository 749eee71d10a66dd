package org.peergrid.cli;

import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.WeatherCorrelation;

/**
 * What the uncertainty files and console say about the scenario, on either kind of feeder.
 *
 * @param feeder the MATPOWER case's name and bus count, or the OpenDSS script's file name and phase nodes
 */
record UncertaintyHeading(String name, String currency, int participants, int intervals, int intervalMinutes,
    String feeder, WeatherCorrelation correlation) {

  static UncertaintyHeading of(Scenario s) {
    return new UncertaintyHeading(s.name(), s.currency(), s.participants().size(), s.horizon().intervals(),
        s.horizon().intervalMinutes(), s.network().radial().feeder().name() + " (" + s.network().radial().busCount()
        + " buses)", s.uncertainty().correlation());
  }

  static UncertaintyHeading of(ThreePhaseScenario s) {
    return new UncertaintyHeading(s.name(), s.currency(), s.participants().size(), s.horizon().intervals(),
        s.horizon().intervalMinutes(), s.network().opendss().getFileName() + " (three-phase, "
        + s.network().feeder().busCount() + " buses)", s.uncertainty().correlation());
  }
}
