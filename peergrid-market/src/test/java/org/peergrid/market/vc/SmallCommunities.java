package org.peergrid.market.vc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ShiftableLoad;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/** Seeded small communities on case33bw with loose voltage limits, so that no network limit binds. */
final class SmallCommunities {
  private SmallCommunities() {}

  static Scenario of(long seed, int buildings, int intervals, double vmin) {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case33bw.m");
    RadialNetwork radial = RadialNetwork.of(MatpowerCaseReader.read(file));
    NetworkSettings net = new NetworkSettings(file, radial, vmin, 1.1, 1.0, true,
        TimeSeries.constant(0.2, intervals), Map.of());
    Random r = new Random(seed);
    List<Participant> ps = new ArrayList<>();
    for (int i = 0; i < buildings; i++) {
      double[] load = new double[intervals];
      double[] pv = new double[intervals];
      double pvPeak = r.nextDouble() * 60;
      for (int t = 0; t < intervals; t++) {
        load[t] = 5 + 30 * r.nextDouble();
        pv[t] = pvPeak * Math.max(0, Math.sin(Math.PI * (t + 0.5) / intervals));
      }
      Optional<BatterySpec> battery = i % 2 == 0
          ? Optional.of(new BatterySpec(40, 15, 15, 0.95, 0.95, 0.1, 0.9, 0.5, 0.2)) : Optional.empty();
      Optional<ShiftableLoad> shift = i % 3 == 0
          ? Optional.of(new ShiftableLoad(20, 0, intervals, 10)) : Optional.empty();
      ps.add(new Building("B" + i, 2 + r.nextInt(32), new TimeSeries(load), 0.95, new TimeSeries(pv),
          TimeSeries.constant(0, intervals), battery, shift));
    }
    double[] buy = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      buy[t] = 5 + 3 * r.nextDouble();
    }
    return new Scenario("small-" + seed, "INR", net, new Horizon(intervals, 60), new Tariff(new TimeSeries(buy),
        TimeSeries.constant(3, intervals)), ps);
  }
}
