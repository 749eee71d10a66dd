package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.probabilistic.ScenarioInputs;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.uncertainty.RandomInput;

/**
 * Warm re-solves ({@link WarmDispatch}) against cold ones ({@link LinDistFlowDispatch}) on seeded
 * days of the bundled example: the same objective and DLMPs to 1e-7, in every kind of problem
 * that is re-solved warm (the community's day, its AC-tightened days, each building alone, the
 * day with network charges), and evidence that the re-solve starts from the previous basis.
 */
class WarmDispatchTest {
  /** Relative on the objective (money), absolute on prices (money/kWh). */
  static final double TOLERANCE = 1e-7;
  private static Scenario example;
  private static Scenario exampleEv;

  @BeforeAll
  static void load() {
    Path dir = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community");
    example = ScenarioLoader.load(dir.resolve("scenario.yaml"));
    exampleEv = ScenarioLoader.load(dir.resolve("scenario-ev.yaml"));
  }

  /** The example's day with every uncertain input (PV, wind, load) drawn from its distribution. */
  static Scenario seededDay(Scenario base, long seed) {
    ScenarioInputs inputs = ScenarioInputs.of(base);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = inputs.inputs().stream().mapToDouble(input -> input.sample(rng)).toArray();
    return inputs.apply(base, x);
  }

  /**
   * Same status, objective and DLMPs. Where nothing crosses the root in an interval the LP's duals
   * are degenerate (any price between the export and the import tariff is optimal, as the
   * solution's notes say), so there both prices are held to that range instead of to each other.
   */
  static void assertSameOptimum(Scenario day, DispatchResult warm, DispatchResult cold) {
    assertThat(warm.status()).isEqualTo(cold.status());
    if (cold.status() != DispatchStatus.OPTIMAL) {
      return;
    }
    DispatchSolution w = warm.optimal();
    DispatchSolution c = cold.optimal();
    assertThat(Math.abs(w.objective() - c.objective()))
        .as("objective %s warm, %s cold", w.objective(), c.objective())
        .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(c.objective())));
    double[][] wp = w.prices().dlmp().values();
    double[][] cp = c.prices().dlmp().values().clone();
    for (int t = 0; t < cp.length; t++) {
      if (c.gridImportKw().get(t) < NOTHING_KW && c.gridExportKw().get(t) < NOTHING_KW) {
        double low = day.tariff().exportPrice().get(t) - TOLERANCE;
        double high = day.tariff().importPrice().get(t) + TOLERANCE;
        assertThat(wp[t][0]).as("warm price in interval %d, where nothing crosses the root", t).isBetween(low, high);
        assertThat(cp[t][0]).as("cold price in interval %d, where nothing crosses the root", t).isBetween(low, high);
        cp[t] = wp[t];
      }
    }
    assertThat(maxDifference(wp, cp)).as("largest DLMP difference").isLessThanOrEqualTo(TOLERANCE);
  }

  /** Below this the root carries nothing [kW] (as in SolutionReader). */
  private static final double NOTHING_KW = 1e-6;

  static double maxDifference(double[][] a, double[][] b) {
    double max = 0;
    for (int t = 0; t < a.length; t++) {
      for (int k = 0; k < a[t].length; k++) {
        max = Math.max(max, Math.abs(a[t][k] - b[t][k]));
      }
    }
    return max;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void communityDaysReSolvedWarmMatchColdSolves(long seed) {
    try (WarmDispatch warm = new WarmDispatch()) {
      for (int day = 0; day < 3; day++) {
        Scenario s = seededDay(example, seed * 100 + day);
        assertSameOptimum(s, warm.solve(s), LinDistFlowDispatch.solve(s));
      }
      assertThat(warm.builds()).as("one LP for days of one structure").isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void evDaysReSolvedWarmMatchColdSolves(long seed) {
    try (WarmDispatch warm = new WarmDispatch()) {
      for (int day = 0; day < 3; day++) {
        Scenario s = seededDay(exampleEv, seed * 100 + day);
        assertSameOptimum(s, warm.solve(s), LinDistFlowDispatch.solve(s));
      }
      assertThat(warm.builds()).isEqualTo(1);
    }
  }

  @Test
  void eachBuildingAloneReSolvedWarmMatchesItsColdBaseCase() {
    try (WarmSolvers warm = new WarmSolvers()) {
      for (long seed = 10; seed < 13; seed++) {
        Scenario s = seededDay(exampleEv, seed);
        for (Participant p : s.participants()) {
          if (org.peergrid.market.basecase.BaseCase.hasBaseCase(p)) {
            assertSameOptimum(s, warm.alone(p.id()).solveAlone(s, p), LinDistFlowDispatch.solveAlone(s, p));
          }
        }
      }
      // buildings without storage are solved in closed form (AloneWithoutStorage), without an LP
      long participants = exampleEv.participants().stream()
          .filter(org.peergrid.market.basecase.BaseCase::hasBaseCase)
          .filter(p -> !AloneWithoutStorage.applies(exampleEv, p)).count();
      assertThat(participants).isPositive();
      assertThat(warm.builds()).as("one LP per participant with storage").isEqualTo((int) participants);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void tightenedDaysReSolvedWarmMatchColdSolves(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int intervals = example.horizon().intervals();
    int buses = example.network().radial().busCount();
    try (WarmDispatch warm = new WarmDispatch()) {
      LimitTightening tightening = LimitTightening.none(intervals, buses);
      for (int iteration = 0; iteration < 3; iteration++) {
        // what AC correction does: raise V^min a little at a few buses and intervals, more each time
        for (int j = 0; j < 20; j++) {
          tightening.raiseVmin(rng.nextInt(intervals), 1 + rng.nextInt(buses - 1), 0.002);
        }
        Scenario s = seededDay(example, seed);
        assertSameOptimum(s, warm.solve(s, tightening), LinDistFlowDispatch.solve(s, tightening));
      }
    }
  }

  @Test
  void daysWithNetworkChargesReSolvedWarmMatchColdSolves() {
    SplittableRandom rng = new SplittableRandom(8);
    int n = exampleEv.participants().size();
    int intervals = exampleEv.horizon().intervals();
    try (WarmDispatch warm = new WarmDispatch()) {
      for (int round = 0; round < 3; round++) {
        double[][] charges = new double[n][intervals];
        for (double[] row : charges) {
          for (int t = 0; t < intervals; t++) {
            row[t] = rng.nextDouble(-0.5, 0.5);
          }
        }
        assertSameOptimum(exampleEv, warm.solveWithCharges(exampleEv, charges),
            LinDistFlowDispatch.solveWithCharges(exampleEv, charges));
      }
    }
  }

  /** The point of it all: a re-solve on a neighbouring day takes far fewer simplex iterations than a fresh LP. */
  @Test
  void reSolveStartsFromThePreviousBasis() {
    Scenario first = seededDay(example, 21);
    Scenario second = seededDay(example, 22);
    long reSolve;
    long fresh;
    try (WarmDispatch warm = new WarmDispatch()) {
      warm.solve(first);
      warm.solve(second);
      reSolve = warm.lastIterations();
    }
    try (WarmDispatch cold = new WarmDispatch()) {
      cold.solve(second);
      fresh = cold.lastIterations();
    }
    assertThat(reSolve).as("iterations re-solving warm, against %s from scratch", fresh).isLessThan(fresh / 3);
  }

  @Test
  void aDayOfAnotherStructureRebuildsTheLp() {
    Scenario fewer = example.subset("fewer", List.copyOf(example.participants().subList(0, 5)));
    try (WarmDispatch warm = new WarmDispatch()) {
      warm.solve(example);
      assertSameOptimum(fewer, warm.solve(fewer), LinDistFlowDispatch.solve(fewer));
      assertSameOptimum(example, warm.solve(example), LinDistFlowDispatch.solve(example));
      assertThat(warm.builds()).isEqualTo(3);
    }
  }
}
