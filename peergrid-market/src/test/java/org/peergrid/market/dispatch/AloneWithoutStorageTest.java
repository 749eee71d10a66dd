package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The closed-form base case of a building without storage against GLOP's LP of the same day
 * ({@link LinDistFlowDispatch#solveAloneLp}), on seeded random buildings and tariffs: the cost to
 * 1e-9 (relative), and where the optimum is unique (a positive import tariff and a non-zero export
 * tariff: otherwise curtailing or not can cost the same) the schedule to 1e-7 kW, and the bus's
 * price wherever something crosses the root (elsewhere the dual is degenerate).
 */
class AloneWithoutStorageTest {
  private static final double KW = 1e-7;
  private static Scenario example;

  @BeforeAll
  static void load() {
    example = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community",
        "scenario.yaml"));
  }

  /** A day of {@code count} storage-less buildings; the tariffs drawn too, some export prices ≤ 0. */
  static Scenario randomDay(long seed, int count) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nt = example.horizon().intervals();
    double[] buy = new double[nt];
    double[] sell = new double[nt];
    for (int t = 0; t < nt; t++) {
      buy[t] = rng.nextDouble(0.5, 10);
      double kind = rng.nextDouble();
      // mostly a feed-in price below the import price; sometimes equal, zero or negative (paid to take power)
      sell[t] = kind < 0.6 ? rng.nextDouble(0, buy[t]) : kind < 0.7 ? buy[t] : kind < 0.8 ? 0 : -rng.nextDouble(0, 3);
    }
    List<Participant> buildings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double[] load = new double[nt];
      double[] pv = new double[nt];
      double[] wind = new double[nt];
      double pvKwp = rng.nextDouble() < 0.7 ? rng.nextDouble(1, 80) : 0;
      double windKw = rng.nextDouble() < 0.2 ? rng.nextDouble(1, 30) : 0;
      for (int t = 0; t < nt; t++) {
        load[t] = rng.nextDouble() < 0.05 ? 0 : rng.nextDouble(0, 60);
        pv[t] = pvKwp * Math.max(0, Math.sin(Math.PI * (t - 6) / 12.0)) * rng.nextDouble(0.5, 1);
        wind[t] = windKw * rng.nextDouble();
      }
      buildings.add(new Building("B" + i, 2 + i % 32, new TimeSeries(load), 0.95, new TimeSeries(pv),
          new TimeSeries(wind), Optional.empty(), Optional.empty()));
    }
    return new Scenario("random " + seed, example.currency(), example.network(), example.horizon(),
        new Tariff(new TimeSeries(buy), new TimeSeries(sell)), buildings);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void closedFormEqualsTheLp(long seed) {
    Scenario day = randomDay(seed, 12);
    int nt = day.horizon().intervals();
    for (Participant p : day.participants()) {
      assertThat(AloneWithoutStorage.applies(day, p)).isTrue();
      DispatchSolution closed = LinDistFlowDispatch.solveAlone(day, p).optimal();
      DispatchResult lpResult = LinDistFlowDispatch.solveAloneLp(day, p);
      assertThat(lpResult.status()).isEqualTo(DispatchStatus.OPTIMAL);
      DispatchSolution lp = lpResult.optimal();
      assertThat(closed.objective()).as("cost of %s", p.id())
          .isCloseTo(lp.objective(), within(1e-9 * Math.max(1, Math.abs(lp.objective()))));
      ParticipantSchedule a = closed.schedule(p.id());
      ParticipantSchedule b = lp.schedule(p.id());
      for (int t = 0; t < nt; t++) {
        double buy = day.tariff().importPrice().get(t);
        double sell = day.tariff().exportPrice().get(t);
        if (sell != 0) {
          String at = p.id() + " interval " + t;
          assertThat(a.curtailedKw().get(t)).as("curtailed, %s", at).isCloseTo(b.curtailedKw().get(t), within(KW));
          assertThat(a.importKw().get(t)).as("import, %s", at).isCloseTo(b.importKw().get(t), within(KW));
          assertThat(a.exportKw().get(t)).as("export, %s", at).isCloseTo(b.exportKw().get(t), within(KW));
          assertThat(a.generationKw().get(t)).as("generation, %s", at).isCloseTo(b.generationKw().get(t), within(KW));
          assertThat(closed.gridImportKw().get(t) - closed.gridExportKw().get(t)).as("exchange, %s", at)
              .isCloseTo(lp.gridImportKw().get(t) - lp.gridExportKw().get(t), within(KW));
          if (Math.abs(lp.gridImportKw().get(t) - lp.gridExportKw().get(t)) > 1e-6) {
            assertThat(closed.prices().dlmp().get(t, 0)).as("price, %s", at)
                .isCloseTo(lp.prices().dlmp().get(t, 0), within(1e-9 * Math.max(1, buy)));
          }
        }
      }
    }
  }

  @Test
  void storageGoesToTheLp() {
    Scenario day = randomDay(11, 1);
    Building plain = (Building) day.participants().get(0);
    Building withBattery = new Building("BB", plain.bus(), plain.loadKw(), 0.95, plain.pvKw(), plain.windKw(),
        Optional.of(new BatterySpec(10, 5, 5, 0.95, 0.95, 0.1, 0.9, 0.5, 0.1)), Optional.empty());
    assertThat(AloneWithoutStorage.applies(day, plain)).isTrue();
    assertThat(AloneWithoutStorage.applies(day, withBattery)).isFalse();
    assertThat(LinDistFlowDispatch.solveAlone(day, withBattery).message()).doesNotContain("closed form");
  }
}
