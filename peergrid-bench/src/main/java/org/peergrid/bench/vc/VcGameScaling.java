package org.peergrid.bench.vc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.peergrid.bench.community.SyntheticCommunity;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.VcFormation;
import org.peergrid.market.vc.VcCoop;
import org.peergrid.market.vc.VcCoopResult;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcGameClearing;
import org.peergrid.market.vc.VcNashGame;

/**
 * Scale run of the virtual-community game (docs/vc-coop.md): {@code count} synthetic buildings of
 * {@link SyntheticCommunity} (same shapes, batteries, shiftable loads and scaling: the feeder's total
 * load stays that of 32 buildings) spread round-robin over the load buses of a larger MATPOWER
 * feeder, 24 one-hour intervals, no thermal limits, default voltage limits, and no background load:
 * with it, the feeder imports in every hour, the first prices (the import tariff) are already the
 * equilibrium and the game ends in one round, which measures nothing. Without it the community
 * exports at midday and the root's price must be found. Prints one line per run:
 * formation, game and central-LP wall times, rounds, messages, gap, peak heap.
 *
 * <p>Usage: {@code java -cp ... org.peergrid.bench.vc.VcGameScaling FEEDER.m COUNT [COUNT...] [--game]
 * [--no-central]}. Without {@code --game} it plays vc-coop (the decomposition); with it, vc-game, the
 * non-cooperative game (docs/vc-game.md): the whole clearing ({@code VcGameClearing}: the DSO's
 * plays with its network charges, the AC check of each, and the AC-corrected cooperative optimum for
 * the price of anarchy), or with {@code --no-central} one play of the game without network charges,
 * no DSO loop and no central LP (5 minutes at 10,000 buildings), so no gap or price of anarchy.
 * Peak memory is printed twice: the Java heap, and the process's resident high-water mark (VmHWM),
 * which also holds the players' native GLOP models.
 */
public final class VcGameScaling {
  private VcGameScaling() {}

  public static void main(String[] args) {
    Path feeder = Path.of(args[0]);
    boolean central = !List.of(args).contains("--no-central");
    boolean game = List.of(args).contains("--game");
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        if (game) {
          runGame(feeder, Integer.parseInt(args[i]), central);
        } else {
          run(feeder, Integer.parseInt(args[i]), central);
        }
      }
    }
  }

  /** vc-game: the whole clearing with the DSO's loop and the price of anarchy, or one play without them. */
  static void runGame(Path feeder, int count, boolean whole) {
    resetPeaks();
    Scenario s = scenario(feeder, count, 24, SyntheticCommunity.EXAMPLE_SEED);
    long t0 = System.nanoTime();
    Grouping g = VcFormation.form(s, FormationRules.DEFAULT);
    long t1 = System.nanoTime();
    VcEquilibrium e;
    String extra;
    if (whole) {
      VcGameClearing c = VcGameClearing.clear(s, g, NashGameSettings.defaults());
      e = c.equilibrium().orElseThrow();
      extra = String.format(Locale.ROOT, " dso_plays=%d ac_violations=%s price_of_anarchy=%.6f", c.dsoPlays(),
          c.acViolationsPerPlay(), c.priceOfAnarchy().orElse(Double.NaN));
    } else {
      e = VcNashGame.play(s, g, new double[s.participants().size()][s.horizon().intervals()],
          NashGameSettings.defaults());
      extra = " dso_plays=0 (one play, no network charges)";
    }
    long t2 = System.nanoTime();
    long closedForm = s.buildings().stream().filter(b -> b.battery().isEmpty() && b.shiftable().isEmpty()).count();
    System.out.printf(Locale.ROOT, "%s vc-game buildings=%d closed_form_players=%d vcs=%d formation_ms=%d "
            + "clearing_ms=%d game_ms=%d rounds=%d converged=%s messages=%d epsilon=%.3e epsilon_pct=%.2e%s "
            + "peak_heap_mb=%d peak_rss_mb=%d threads=%d%n",
        s.network().radial().feeder().name(), count, closedForm, g.communities().size(), (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, e.runMillis(), e.rounds(), e.converged(), e.messages(), e.largestEpsilon(),
        e.largestEpsilonPct().orElse(Double.NaN), extra, peakHeapMb(), residentPeakMb(),
        Runtime.getRuntime().availableProcessors());
  }

  static void run(Path feeder, int count, boolean withCentral) {
    resetPeaks();
    Scenario s = scenario(feeder, count, 24, SyntheticCommunity.EXAMPLE_SEED);
    long t0 = System.nanoTime();
    Grouping g = VcFormation.form(s, FormationRules.DEFAULT);
    long t1 = System.nanoTime();
    VcCoopResult game = VcCoop.play(s, g, GameSettings.defaults());
    long t2 = System.nanoTime();
    long gamePeak = peakHeapMb();
    long rssMb = residentPeakMb();
    double c = withCentral ? LinDistFlowDispatch.solve(s).optimal().objective() : Double.NaN;
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s buildings=%d vcs=%d formation_ms=%d game_ms=%d rounds=%d converged=%s "
            + "messages=%d gap_pct=%.2e central_ms=%d peak_heap_mb_game=%d peak_rss_mb=%d threads=%d%n",
        s.network().radial().feeder().name(), count, g.communities().size(), (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, game.iterations(), game.converged(), game.messages(),
        100 * (game.solution().objective() - c) / Math.abs(c), (t3 - t2) / 1_000_000, gamePeak, rssMb,
        Runtime.getRuntime().availableProcessors());
  }

  /** The process's resident-memory high-water mark so far [MB] (Linux VmHWM), or −1 where unknown. */
  static long residentPeakMb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** SyntheticCommunity's buildings moved round-robin (bus order shuffled by the seed) onto the feeder's load buses. */
  static Scenario scenario(Path feeder, int count, int intervals, long seed) {
    RadialNetwork radial = RadialNetwork.of(MatpowerCaseReader.read(feeder));
    List<Integer> buses = new ArrayList<>();
    for (int k = 1; k < radial.busCount(); k++) {
      buses.add(radial.busNumber(k));
    }
    java.util.Collections.shuffle(buses, new Random(seed));
    NetworkSettings network = new NetworkSettings(feeder, radial, NetworkSettings.DEFAULT_VMIN_PU,
        NetworkSettings.DEFAULT_VMAX_PU, NetworkSettings.DEFAULT_ROOT_VOLTAGE_PU, false,
        TimeSeries.constant(1, intervals), Map.of());
    List<Participant> participants = new ArrayList<>();
    int i = 0;
    for (var generated : SyntheticCommunity.buildings(count, intervals, seed, String.valueOf(count).length())) {
      Building b = generated.building();
      participants.add(new Building(b.id(), buses.get(i++ % buses.size()), b.loadKw(), b.powerFactor(), b.pvKw(),
          b.windKw(), b.battery(), b.shiftable()));
    }
    Tariff tariff = new Tariff(new TimeSeries(SyntheticCommunity.importTariff(intervals)),
        TimeSeries.constant(SyntheticCommunity.EXPORT_INR, intervals));
    return new Scenario("vc-scaling-" + count, "INR", network, new Horizon(intervals, 24 * 60 / intervals), tariff,
        participants);
  }

  /** Resets the heap pools' peaks (after a GC), for {@link #peakHeapMb()} of the next run. */
  public static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The Java heap's peak since {@link #resetPeaks()} [MB]. */
  public static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
