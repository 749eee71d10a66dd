package org.peergrid.market.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * Small case33bw days of 24 hourly intervals with a few buildings and EVs, for tests that need
 * exact numbers: the tariff is cheapest (4) in hours 2–4 and 12–14, 6 otherwise; export pays 2.
 */
public final class EvScenarios {
  public static final int HOURS = 24;

  private EvScenarios() {}

  public static RadialNetwork case33() {
    return RadialNetwork.of(MatpowerCaseReader.read(case33File()));
  }

  public static Path case33File() {
    return Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case33bw.m");
  }

  /** The tariff's import price in hour t. */
  public static double importPrice(int t) {
    return (t >= 2 && t <= 4) || (t >= 12 && t <= 14) ? 4 : 6;
  }

  /** Buildings with PV at buses 18 and 33 and plain loads at 6 and 25, plus the given EVs. */
  public static Scenario community(double vmin, double vmax, double background, double pvPeakKw,
      List<ElectricVehicle> evs) {
    List<Participant> ps = new ArrayList<>();
    ps.add(building("PV18", 18, 20, pvPeakKw));
    ps.add(building("PV33", 33, 20, pvPeakKw));
    ps.add(building("L06", 6, 60, 0));
    ps.add(building("L25", 25, 80, 0));
    ps.addAll(evs);
    return scenario(vmin, vmax, background, ps);
  }

  public static Scenario scenario(double vmin, double vmax, double background, List<Participant> ps) {
    NetworkSettings net = new NetworkSettings(case33File(), case33(), vmin, vmax, 1.0, background > 0,
        TimeSeries.constant(background, HOURS), Map.of());
    double[] buy = new double[HOURS];
    for (int t = 0; t < HOURS; t++) {
      buy[t] = importPrice(t);
    }
    return new Scenario("ev-test", "INR", net, new Horizon(HOURS, 60),
        new Tariff(new TimeSeries(buy), TimeSeries.constant(2, HOURS)), ps);
  }

  /** A building with a flat load and a half-sine PV profile over hours 6–18. */
  public static Building building(String id, int bus, double loadKw, double pvPeakKw) {
    double[] pv = new double[HOURS];
    for (int t = 6; t < 18; t++) {
      pv[t] = pvPeakKw * Math.sin(Math.PI * (t - 6 + 0.5) / 12);
    }
    return new Building(id, bus, TimeSeries.constant(loadKw, HOURS), 0.95, new TimeSeries(pv),
        TimeSeries.constant(0, HOURS), Optional.empty(), Optional.empty());
  }

  /** Two overnight home chargers and a workplace car. */
  public static List<ElectricVehicle> threeEvs() {
    return List.of(
        new ElectricVehicle("EV1", 22, 18, 7, 10, 40, 50, 7.4, 0.9, 0),
        new ElectricVehicle("EV2", 30, 20, 6, 20, 45, 60, 11, 0.92, 5),
        new ElectricVehicle("EV3", 16, 9, 17, 15, 35, 40, 7.4, 0.92, 0));
  }
}
