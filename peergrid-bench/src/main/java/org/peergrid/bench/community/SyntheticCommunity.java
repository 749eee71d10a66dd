package org.peergrid.bench.community;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.BranchKey;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ShiftableLoad;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * A seeded synthetic energy community on the IEEE 33-bus feeder (case33bw): buildings with
 * residential or commercial load shapes, rooftop PV, a few batteries, shiftable loads and small
 * wind turbines, plus two DGs and a community battery. The same seed gives the same community on
 * every JVM ({@link Random} is specified bit for bit).
 *
 * <p>Building sizes are divided by {@code count / REFERENCE_COUNT}, so 30, 300 or 3,000 buildings
 * put roughly the same load on the feeder: a benchmark with more buildings measures a larger LP,
 * not an overloaded (infeasible) feeder. Every number here is synthetic; examples/ieee33-community/
 * README.md documents them.
 */
public final class SyntheticCommunity {
  /** The seed of the bundled example. */
  public static final long EXAMPLE_SEED = 20_240_401L;
  /** The building count at which sizes are as drawn (the bundled example). */
  public static final int REFERENCE_COUNT = 32;
  /** Buses that carry buildings: every MATPOWER bus of case33bw except the substation (1). */
  static final int FIRST_LOAD_BUS = 2;
  static final int LAST_LOAD_BUS = 33;

  /** Time-of-day import tariff [INR/kWh]: normal, solar hours (−20 %) and evening peak (+20 %). */
  public static final double SHOULDER_INR = 7.0;
  public static final double OFF_PEAK_INR = 5.6;
  public static final double PEAK_INR = 8.4;
  /** Solar hours 09–17 h and the evening peak 18–22 h [h, end exclusive]. */
  static final int OFF_PEAK_START_HOUR = 9;
  static final int OFF_PEAK_END_HOUR = 17;
  static final int PEAK_START_HOUR = 18;
  static final int PEAK_END_HOUR = 22;
  /** Flat export (feed-in) price [INR/kWh]. */
  public static final double EXPORT_INR = 3.0;

  /** Background load of the feeder: multiplier of case33bw's Pd/Qd, from night minimum to evening peak. */
  static final double BACKGROUND_MIN = 0.20;
  static final double BACKGROUND_MAX = 0.48;
  /** The background is a mixed feeder, mostly residential: its shape is this blend of the two shapes. */
  static final double RESIDENTIAL_WEIGHT = 0.6;

  /**
   * Thermal limit of the 6–26 branch that feeds the 26–33 lateral [kVA]: case33bw gives no ratings,
   * so this is an assumed cable rating, low enough to bind when the lateral draws most.
   */
  public static final String LIMITED_BRANCH = "6-26";
  public static final double LIMITED_BRANCH_KVA = 700;

  static final double COMMERCIAL_SHARE = 0.4;
  static final double PV_SHARE = 0.8;
  static final double BATTERY_SHARE = 0.2;
  static final double SHIFTABLE_SHARE = 1.0 / 5;
  static final double WIND_SHARE = 0.05;
  /** Multiplicative noise on every interval's load (standard deviation), so no two buildings are alike. */
  static final double LOAD_NOISE = 0.05;
  static final double BATTERY_DEGRADATION_INR = 0.5;

  private SyntheticCommunity() {}

  /** The kind of a building, which decides its load shape and sizes. */
  public enum Kind { RESIDENTIAL, COMMERCIAL }

  /** A generated building with its kind, for reports. */
  public record GeneratedBuilding(Building building, Kind kind, double pvKwp, double windKw) {}

  /** π^buy per interval [INR/kWh] by the hour in which the interval starts. */
  public static double[] importTariff(int intervals) {
    double[] price = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      double hour = t * 24.0 / intervals;
      boolean offPeak = hour >= OFF_PEAK_START_HOUR && hour < OFF_PEAK_END_HOUR;
      boolean peak = hour >= PEAK_START_HOUR && hour < PEAK_END_HOUR;
      price[t] = peak ? PEAK_INR : offPeak ? OFF_PEAK_INR : SHOULDER_INR;
    }
    return price;
  }

  /**
   * Multiplier of the feeder's background load per interval: a blend of the residential and
   * commercial shapes (a mixed, mostly residential feeder), mapped linearly onto [BACKGROUND_MIN, BACKGROUND_MAX].
   */
  public static double[] backgroundProfile(int intervals) {
    return backgroundProfile(intervals, BACKGROUND_MAX);
  }

  /** The same shape mapped onto [BACKGROUND_MIN, {@code max}]. */
  public static double[] backgroundProfile(int intervals, double max) {
    double[] mixed = new double[intervals];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < intervals; t++) {
      mixed[t] = RESIDENTIAL_WEIGHT * DailyShapes.at(DailyShapes.RESIDENTIAL, t, intervals)
          + (1 - RESIDENTIAL_WEIGHT) * DailyShapes.at(DailyShapes.COMMERCIAL, t, intervals);
      lo = Math.min(lo, mixed[t]);
      hi = Math.max(hi, mixed[t]);
    }
    for (int t = 0; t < intervals; t++) {
      mixed[t] = round(BACKGROUND_MIN + (max - BACKGROUND_MIN) * (mixed[t] - lo) / (hi - lo));
    }
    return mixed;
  }

  /**
   * {@code count} buildings spread round-robin over buses 2–33 (bus order shuffled once by the seed).
   *
   * @param idWidth digits of the running number in the ids (e.g. 2 gives R01, C02)
   */
  public static List<GeneratedBuilding> buildings(int count, int intervals, long seed, int idWidth) {
    Random random = new Random(seed);
    int[] buses = shuffledBuses(random);
    double scale = (double) REFERENCE_COUNT / count;
    List<GeneratedBuilding> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(building(random, i + 1, buses[i % buses.length], intervals, scale, idWidth));
    }
    return out;
  }

  private static int[] shuffledBuses(Random random) {
    int[] buses = new int[LAST_LOAD_BUS - FIRST_LOAD_BUS + 1];
    for (int i = 0; i < buses.length; i++) {
      buses[i] = FIRST_LOAD_BUS + i;
    }
    for (int i = buses.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = buses[i];
      buses[i] = buses[j];
      buses[j] = swap;
    }
    return buses;
  }

  private static GeneratedBuilding building(Random random, int number, int bus, int intervals, double scale,
      int idWidth) {
    boolean commercial = random.nextDouble() < COMMERCIAL_SHARE;
    Kind kind = commercial ? Kind.COMMERCIAL : Kind.RESIDENTIAL;
    String id = (commercial ? "C" : "R") + String.format("%0" + idWidth + "d", number);
    double peakKw = scale * (commercial ? uniform(random, 40, 100) : uniform(random, 20, 50));
    double[] shape = commercial ? DailyShapes.COMMERCIAL : DailyShapes.RESIDENTIAL;
    double[] load = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      load[t] = round(peakKw * DailyShapes.at(shape, t, intervals) * (1 + LOAD_NOISE * random.nextGaussian()));
    }
    double pvKwp = random.nextDouble() < PV_SHARE ? scale * (commercial ? uniform(random, 40, 110)
        : uniform(random, 20, 50)) : 0;
    double[] pv = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      pv[t] = round(pvKwp * DailyShapes.pvPerKwp(t, intervals));
    }
    double windKw = random.nextDouble() < WIND_SHARE ? scale * uniform(random, 15, 30) : 0;
    double[] wind = new double[intervals];
    if (windKw > 0) {
      double[] perKw = SmallWindTurbine.outputPerKw(random, intervals);
      for (int t = 0; t < intervals; t++) {
        wind[t] = round(windKw * perKw[t]);
      }
    }
    Optional<BatterySpec> battery = Optional.empty();
    if (random.nextDouble() < BATTERY_SHARE) {
      double capacity = round(scale * uniform(random, 60, 150));
      // C/3 power rating: a typical stationary lithium-ion pack that empties in about three hours.
      double power = round(capacity / 3);
      battery = Optional.of(new BatterySpec(capacity, power, power, 0.95, 0.95, 0.1, 0.9, 0.5,
          BATTERY_DEGRADATION_INR));
    }
    Optional<ShiftableLoad> shiftable = Optional.empty();
    if (random.nextDouble() < SHIFTABLE_SHARE) {
      // Residential: water pumping and laundry within 08–18 h; commercial: pre-cooling or EV fleet charging 07–19 h.
      double energy = round(scale * (commercial ? uniform(random, 30, 80) : uniform(random, 10, 30)));
      int start = (commercial ? 7 : 8) * intervals / 24;
      int end = (commercial ? 19 : 18) * intervals / 24;
      double windowHours = (end - start) * 24.0 / intervals;
      // At most twice the average power over the window, so the energy fits with room to move.
      double maxKw = round(2 * energy / windowHours);
      shiftable = Optional.of(new ShiftableLoad(energy, start, end, maxKw));
    }
    Building b = new Building(id, bus, new TimeSeries(load), 0.95, new TimeSeries(pv), new TimeSeries(wind), battery,
        shiftable);
    return new GeneratedBuilding(b, kind, pvKwp, windKw);
  }

  /**
   * The shared assets, the same for every building count: a cheap DG at the end of the main
   * feeder, a dearer one at the end of the 26–33 lateral, and a community battery at bus 30 (the
   * lateral's large reactive load).
   */
  public static List<Participant> sharedAssets() {
    return List.of(
        new DistributedGenerator("DG18", 18, 0, 200, 6.5),
        new DistributedGenerator("DG33", 33, 0, 250, 8.0),
        new CommunityBattery("CB30", 30, new BatterySpec(600, 150, 150, 0.95, 0.95, 0.1, 0.9, 0.5, 0.3)));
  }

  /** A whole scenario on case33bw for the benchmark: {@code count} buildings plus the shared assets. */
  public static Scenario scenario(Path case33bw, int count, int intervals, long seed) {
    RadialNetwork radial = RadialNetwork.of(MatpowerCaseReader.read(case33bw));
    NetworkSettings network = new NetworkSettings(case33bw, radial, NetworkSettings.DEFAULT_VMIN_PU,
        NetworkSettings.DEFAULT_VMAX_PU, NetworkSettings.DEFAULT_ROOT_VOLTAGE_PU, true,
        new TimeSeries(backgroundProfile(intervals)), Map.of(BranchKey.parse(LIMITED_BRANCH), LIMITED_BRANCH_KVA));
    List<Participant> participants = new ArrayList<>();
    int width = String.valueOf(count).length();
    buildings(count, intervals, seed, width).forEach(g -> participants.add(g.building()));
    participants.addAll(sharedAssets());
    Tariff tariff = new Tariff(new TimeSeries(importTariff(intervals)), TimeSeries.constant(EXPORT_INR, intervals));
    return new Scenario("synthetic-" + count + "x" + intervals, "INR", network,
        new Horizon(intervals, 24 * 60 / intervals), tariff, participants);
  }

  private static double uniform(Random random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Three decimals: what the CSV keeps, so the file and the in-memory scenario agree exactly. */
  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
