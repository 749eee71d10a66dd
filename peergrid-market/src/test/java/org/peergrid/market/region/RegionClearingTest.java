package org.peergrid.market.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.region.RegionClearing.FeederClearing;
import org.peergrid.market.testing.WorkedExamples;

/**
 * The region's clearing (docs/region.md) against hand derivations on one-interval regions, and its
 * guarantees on seeded random regions: never dearer than the feeders alone, for the region and for
 * each feeder; the substation payments add up to the utility bill and the exchange payments to zero.
 */
class RegionClearingTest {
  private static final double MONEY = 1e-6;

  @TempDir Path dir;

  /** A feeder on toy3.m with the given buildings, one tariff for all. */
  private Path feeder(String name, int intervals, String importPrices, String exportPrices, String buildings)
      throws IOException {
    Path toy3 = WorkedExamples.folder().resolve("toy3.m").toAbsolutePath();
    String text = """
        version: 1
        name: %s
        network: {matpower: "%s", background_load: false, ac_correction: false}
        horizon: {intervals: %d, interval_minutes: 60}
        tariff: {import: %s, export: %s}
        participants:
        %s
        """.formatted(name, toy3, intervals, importPrices, exportPrices, buildings);
    return Files.writeString(dir.resolve(name + ".yaml"), text);
  }

  private Region region(Path... feeders) throws IOException {
    StringBuilder text = new StringBuilder("version: 1\nfeeders:\n");
    for (Path f : feeders) {
      String id = f.getFileName().toString().replace(".yaml", "");
      text.append("  - {id: ").append(id).append(", scenario: ").append(f.getFileName()).append("}\n");
    }
    return RegionLoader.load(Files.writeString(dir.resolve("region.yaml"), text));
  }

  /**
   * One hour, import 6, export 2.5. Feeder A: 100 kW of PV and no load; B: 60 kW of load. Alone,
   * A sells 100 kWh at 2.5 (−250) and B buys 60 kWh at 6 (360): 110. Together the substation
   * exports only the net 40 kWh: −100. The saving is (6 − 2.5) × 60 kWh netted = 210, the region
   * exports, so the substation price is the export tariff: A still gets −250 and B pays 150.
   */
  @Test
  void surplusRegionSavesTheSpreadOnTheNettedEnergyAndPricesAtTheExportTariff() throws IOException {
    RegionClearing c = RegionClearing.clear(region(
        feeder("A", 1, "[6]", "[2.5]", "  - {id: PV, type: building, bus: 2, load_kw: [0], pv_kw: [100]}"),
        feeder("B", 1, "[6]", "[2.5]", "  - {id: L, type: building, bus: 3, load_kw: [60]}")),
        new DlmpMechanism());
    assertThat(c.status()).isEqualTo(DispatchStatus.OPTIMAL);
    assertThat(c.costAlone()).isCloseTo(-250 + 360, within(MONEY));
    assertThat(c.regionCost()).isCloseTo(-2.5 * 40, within(MONEY));
    assertThat(c.costAlone() - c.regionCost()).isCloseTo((6 - 2.5) * 60, within(MONEY));
    assertThat(c.totalExchangeKwh()).isCloseTo(60, within(1e-9));
    assertThat(c.nettingValueAlone()).isCloseTo((6 - 2.5) * 60, within(MONEY));
    assertThat(c.dispatch().orElseThrow().substationPrice()[0]).isCloseTo(2.5, within(1e-9));
    assertThat(c.feeders().get(0).costInRegion()).isCloseTo(-250, within(MONEY));
    assertThat(c.feeders().get(1).costInRegion()).isCloseTo(150, within(MONEY));
    assertThat(c.feeders().get(1).exchangePayment()).isCloseTo(2.5 * 60, within(MONEY));
    assertThat(c.feeders().get(0).exchangePayment()).isCloseTo(-2.5 * 60, within(MONEY));
  }

  /**
   * The same with 40 kW of PV: the region imports the net 20 kWh at 6, so the substation price is
   * the import tariff and the PV feeder is paid 6 for its 40 kWh. Alone: −100 + 360 = 260; together
   * 120; saving (6 − 2.5) × 40 = 140.
   */
  @Test
  void deficitRegionSavesTheSpreadOnTheNettedEnergyAndPricesAtTheImportTariff() throws IOException {
    RegionClearing c = RegionClearing.clear(region(
        feeder("A", 1, "[6]", "[2.5]", "  - {id: PV, type: building, bus: 2, load_kw: [0], pv_kw: [40]}"),
        feeder("B", 1, "[6]", "[2.5]", "  - {id: L, type: building, bus: 3, load_kw: [60]}")),
        new DlmpMechanism());
    assertThat(c.costAlone()).isCloseTo(260, within(MONEY));
    assertThat(c.regionCost()).isCloseTo(120, within(MONEY));
    assertThat(c.costAlone() - c.regionCost()).isCloseTo((6 - 2.5) * 40, within(MONEY));
    assertThat(c.totalExchangeKwh()).isCloseTo(40, within(1e-9));
    assertThat(c.dispatch().orElseThrow().substationPrice()[0]).isCloseTo(6, within(1e-9));
    assertThat(c.feeders().get(0).costInRegion()).isCloseTo(-240, within(MONEY));
    assertThat(c.feeders().get(1).costInRegion()).isCloseTo(360, within(MONEY));
    assertThat(c.utilityBill()).isCloseTo(6 * 20, within(MONEY));
  }

  private static final int SEEDS = 24;
  private static int cleared;
  private static int exchanged;

  @org.junit.jupiter.api.AfterAll
  static void mostRandomRegionsExchangeEnergy() {
    // Feeder 0 always has PV: the property test is about regions that trade, not idle ones.
    if (cleared == SEEDS) {
      assertThat(exchanged).isGreaterThanOrEqualTo(SEEDS / 2);
    }
  }

  static IntStream workedExamples() {
    return IntStream.rangeClosed(1, 6);
  }

  /**
   * A region of one feeder is that feeder: the region's LP (root costs moved to the substation row)
   * must give `clear`'s cost and root prices on every worked example. Two copies of one feeder sit
   * on the same side of the substation in every interval, so they exchange nothing and cost twice
   * as much.
   */
  @ParameterizedTest
  @MethodSource("workedExamples")
  void aRegionOfOneFeederIsThatFeederAndTwinsExchangeNothing(int example) throws IOException {
    Path scenario = WorkedExamples.folder().resolve("ex" + example + ".yaml").toAbsolutePath();
    Region one = RegionLoader.load(Files.writeString(dir.resolve("one.yaml"),
        "version: 1\nfeeders:\n  - {id: F, scenario: \"" + scenario + "\"}\n"));
    RegionClearing c = RegionClearing.clear(one, new DlmpMechanism());
    assertThat(c.status()).isEqualTo(DispatchStatus.OPTIMAL);
    FeederClearing f = c.feeders().get(0);
    double scale = 1 + Math.abs(f.costAlone());
    assertThat(f.costInRegion()).isCloseTo(f.costAlone(), within(MONEY * scale));
    assertThat(c.regionCost()).isCloseTo(f.costAlone(), within(MONEY * scale));
    assertThat(c.totalExchangeKwh()).isZero();
    DispatchSolution alone = f.alone().dispatch().optimal();
    DispatchSolution inRegion = f.inRegion().dispatch().optimal();
    for (int t = 0; t < alone.gridImportKw().size(); t++) {
      double net = alone.gridImportKw().get(t) - alone.gridExportKw().get(t);
      assertThat(inRegion.gridImportKw().get(t) - inRegion.gridExportKw().get(t)).isCloseTo(net, within(1e-6));
      if (Math.abs(net) > 1e-6) {
        // Where the root trades, its price is the tariff of that trade in both LPs.
        assertThat(inRegion.prices().dlmp().get(t, 0)).isCloseTo(alone.prices().dlmp().get(t, 0), within(1e-7));
      }
    }
    Region twins = RegionLoader.load(Files.writeString(dir.resolve("twins.yaml"), "version: 1\nfeeders:\n"
        + "  - {id: A, scenario: \"" + scenario + "\"}\n  - {id: B, scenario: \"" + scenario + "\"}\n"));
    RegionClearing two = RegionClearing.clear(twins, new DlmpMechanism());
    assertThat(two.regionCost()).isCloseTo(2 * f.costAlone(), within(2 * MONEY * scale));
    assertThat(two.totalExchangeKwh()).isCloseTo(0, within(1e-6));
  }

  static IntStream seeds() {
    return IntStream.range(0, SEEDS);
  }

  /**
   * Random regions of 2–4 feeders on toy3 (some on a 10 MVA base, so that the objective scaling
   * between feeders is exercised), 3–5 hourly intervals, buildings with load, PV and batteries.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void regionNeverCostsMoreThanItsFeedersAloneAndItsMoneyBalances(int seed) throws IOException {
    Random rnd = new Random(seed);
    int intervals = 3 + rnd.nextInt(3);
    double[] imp = new double[intervals];
    double[] exp = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      // Rounded as the file writes them, so that the bounds below are the tariffs the LP sees.
      imp[t] = Math.round(3000 + 6000 * rnd.nextDouble()) / 1000.0;
      exp[t] = Math.round(imp[t] * 1000 * rnd.nextDouble()) / 1000.0;
    }
    String importPrices = list(imp);
    String exportPrices = list(exp);
    String toy3 = Files.readString(WorkedExamples.folder().resolve("toy3.m"));
    Files.writeString(dir.resolve("toy3-10mva.m"), toy3.replace("mpc.baseMVA = 1;", "mpc.baseMVA = 10;"));
    int feeders = 2 + rnd.nextInt(3);
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < feeders; f++) {
      StringBuilder buildings = new StringBuilder();
      int count = 1 + rnd.nextInt(3);
      for (int b = 0; b < count; b++) {
        double[] load = new double[intervals];
        double[] pv = new double[intervals];
        for (int t = 0; t < intervals; t++) {
          load[t] = 5 + 40 * rnd.nextDouble();
          pv[t] = f == 0 || rnd.nextBoolean() ? 80 * rnd.nextDouble() : 0;
        }
        buildings.append("  - {id: B").append(b).append(", type: building, bus: ").append(2 + rnd.nextInt(2))
            .append(", load_kw: ").append(list(load)).append(", pv_kw: ").append(list(pv));
        if (rnd.nextBoolean()) {
          buildings.append(", battery: {capacity_kwh: 50, charge_kw: 15, discharge_kw: 15, soc_initial: 0.5,"
              + " efficiency_charge: 0.95, efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9,"
              + " degradation_cost_per_kwh: 0.1}");
        }
        buildings.append("}\n");
      }
      Path file = feeder("F" + f, intervals, importPrices, exportPrices, buildings.toString().stripTrailing());
      if (rnd.nextBoolean()) {
        Files.writeString(file, Files.readString(file).replace(WorkedExamples.folder().resolve("toy3.m")
            .toAbsolutePath().toString(), dir.resolve("toy3-10mva.m").toAbsolutePath().toString()));
      }
      files.add(file);
    }
    RegionClearing c = RegionClearing.clear(region(files.toArray(Path[]::new)), new DlmpMechanism());
    assertThat(c.status()).isEqualTo(DispatchStatus.OPTIMAL);
    double scale = 1 + Math.abs(c.costAlone());
    assertThat(c.regionCost()).isLessThanOrEqualTo(c.costAlone() + MONEY * scale);
    // The alone schedules netted at the substation are feasible in the region: a floor of the saving.
    assertThat(c.costAlone() - c.regionCost()).isGreaterThanOrEqualTo(c.nettingValueAlone() - MONEY * scale);
    double[] price = c.dispatch().orElseThrow().substationPrice();
    double payments = 0;
    double exchange = 0;
    double feederCosts = 0;
    for (FeederClearing f : c.feeders()) {
      assertThat(f.costInRegion()).as("feeder %s", f.feeder().id())
          .isLessThanOrEqualTo(f.costAlone() + MONEY * scale);
      payments += f.substationPayment();
      exchange += f.exchangePayment();
      feederCosts += f.costInRegion();
      DispatchSolution s = f.inRegion().dispatch().optimal();
      for (int t = 0; t < intervals; t++) {
        // Every feeder's root DLMP is the substation price, whatever its base power.
        assertThat(s.prices().dlmp().get(t, 0)).isCloseTo(price[t], within(1e-7));
        assertThat(s.gridImportKw().get(t) * s.gridExportKw().get(t)).isZero();
      }
    }
    for (int t = 0; t < intervals; t++) {
      assertThat(price[t]).isBetween(exp[t] - 1e-9, imp[t] + 1e-9);
    }
    assertThat(payments).isCloseTo(c.utilityBill(), within(MONEY * scale));
    assertThat(exchange).isCloseTo(0, within(MONEY * scale));
    assertThat(feederCosts).isCloseTo(c.regionCost(), within(MONEY * scale));
    // The DSOs reach the central optimum by answering prices alone (Dantzig–Wolfe): another route to it.
    PriceCoordination byPrices = PriceCoordination.run(c.region(), LocalDsos.placement());
    assertThat(byPrices.converged()).isTrue();
    assertThat(byPrices.cost()).isCloseTo(c.regionCost(), within(MONEY * scale));
    assertThat(byPrices.lowerBound()).isLessThanOrEqualTo(byPrices.cost() + MONEY * scale);
    // The mix settles by the same rule: its money balances, and every DSO gains or breaks even.
    double mixed = 0;
    double mixedExchange = 0;
    for (PriceCoordination.FeederShare f : byPrices.feeders()) {
      mixed += f.costInRegion();
      mixedExchange += f.exchangePayment();
      assertThat(f.costInRegion()).isLessThanOrEqualTo(f.costAlone() + MONEY * scale);
    }
    assertThat(mixed).isCloseTo(byPrices.cost(), within(MONEY * scale));
    assertThat(mixedExchange).isCloseTo(0, within(MONEY * scale));
    // Without any exchange every feeder would pay the tariffs on its own, so a positive saving needs one.
    if (c.nettingValueAlone() > MONEY * scale) {
      assertThat(c.totalExchangeKwh()).isPositive();
      exchanged++;
    }
    cleared++;
  }

  private static String list(double[] v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
    }
    return s.append("]").toString();
  }
}
