package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The day as it actually is: the forecast scenario with the buildings' load, PV and wind replaced
 * by actual values. Everything else (feeder, tariffs, batteries, background load) is as forecast:
 * actuals are per participant, and the background load belongs to nobody in the market.
 */
final class ActualDay {
  private ActualDay() {}

  /** A building's actual series: load, PV and wind [kW], one value per interval. */
  record Series(double[] loadKw, double[] pvKw, double[] windKw) {}

  /**
   * @param actual actual series by building id; buildings not in the map are as forecast
   */
  static Scenario of(Scenario forecast, Map<String, Series> actual) {
    return new Scenario(forecast.name(), forecast.currency(), forecast.network(), forecast.horizon(),
        forecast.tariff(), participants(forecast.participants(), actual), forecast.realtimeTariff());
  }

  /** The same on a three-phase feeder: the participants on the same buses and phases, with the actual values. */
  static ThreePhaseScenario of(ThreePhaseScenario forecast, Map<String, Series> actual) {
    return new ThreePhaseScenario(forecast.name(), forecast.currency(), forecast.network(), forecast.horizon(),
        forecast.tariff(), participants(forecast.participants(), actual), forecast.connections(),
        forecast.bargaining(), forecast.uncertainty(), forecast.stages(), forecast.realtimeTariff(),
        forecast.minuteLoadKw());
  }

  /** The participants with each building's actual series where {@code actual} has them. */
  static List<Participant> participants(List<Participant> forecast, Map<String, Series> actual) {
    List<Participant> participants = new ArrayList<>();
    for (Participant p : forecast) {
      Series s = actual.get(p.id());
      if (p instanceof Building b && s != null) {
        participants.add(new Building(b.id(), b.bus(), new TimeSeries(s.loadKw()), b.powerFactor(),
            new TimeSeries(s.pvKw()), new TimeSeries(s.windKw()), b.battery(), b.shiftable()));
      } else {
        participants.add(p);
      }
    }
    return participants;
  }

  /** A building's forecast series, copied, to be overwritten where actuals differ. */
  static Series forecastOf(Building b) {
    return new Series(b.loadKw().values(), b.pvKw().values(), b.windKw().values());
  }

  /** Whether every building's load, PV and wind in interval t are exactly as forecast. */
  static boolean asForecast(Scenario forecast, Scenario actual, int t) {
    return asForecast(forecast.buildings(), actual.buildings(), t);
  }

  /** The same for two lists of the same buildings. */
  static boolean asForecast(List<Building> f, List<Building> a, int t) {
    for (int i = 0; i < f.size(); i++) {
      if (f.get(i).loadKw().get(t) != a.get(i).loadKw().get(t) || f.get(i).pvKw().get(t) != a.get(i).pvKw().get(t)
          || f.get(i).windKw().get(t) != a.get(i).windKw().get(t)) {
        return false;
      }
    }
    return true;
  }
}
