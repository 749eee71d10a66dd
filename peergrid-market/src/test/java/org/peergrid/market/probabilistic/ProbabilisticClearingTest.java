package org.peergrid.market.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.WeatherCorrelation;
import org.peergrid.market.testing.WorkedExamples;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * Scenarios through the point estimate method and Monte Carlo, checked where the answer is known:
 * a day whose cost is linear in the forecasts (both PEM schemes exact), worked example 2 against
 * finite differences of deterministic clearings, seeded reproducibility, and infeasible samples.
 */
class ProbabilisticClearingTest {
  private static final ProbabilisticClearing CLEARING =
      new ProbabilisticClearing(new DlmpMechanism(), new ParallelEvaluator(2));

  @TempDir Path dir;

  /**
   * One building on toy3 that always imports (load 300/250 kW, PV 100/60 kW): every DLMP is the
   * import tariff 5, so its cost 5·Σ(L − PV)·1 h is linear in the four random inputs.
   */
  private Scenario linear() {
    return ScenarioLoader.load(WorkedExamples.write(dir, "linear.yaml", """
        network: {matpower: toy3.m}
        horizon: {intervals: 2}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B2, type: building, bus: 2, load_kw: [300, 250], power_factor: 1, pv_kw: [100, 60]}
        uncertainty: {random: [pv, load], correlation: independent}
        """));
  }

  @Test
  void scenarioInputsAreOnePerBuildingQuantityAndIntervalWithSpread() {
    Scenario s = linear();
    ScenarioInputs inputs = ScenarioInputs.of(s);
    assertThat(inputs.size()).isEqualTo(4);
    assertThat(inputs.count(RandomQuantity.PV)).isEqualTo(2);
    assertThat(inputs.count(RandomQuantity.LOAD)).isEqualTo(2);
    RandomForecast first = inputs.forecasts().get(0);
    assertThat(first.quantity()).isEqualTo(RandomQuantity.PV);
    assertThat(first.input().mean()).isCloseTo(100, within(1e-9));
    assertThat(first.input().std()).isCloseTo(20, within(1e-9));
    // worked example 2: PV 500 kW in interval 0 only (0 at night), load not random by default
    assertThat(ScenarioInputs.of(WorkedExamples.example(2)).size()).isEqualTo(1);
  }

  @Test
  void perturbedScenariosReplaceTheForecastsAndClipNegativeValues() {
    Scenario s = linear();
    ScenarioInputs inputs = ScenarioInputs.of(s);
    Scenario p = inputs.apply(s, new double[] {110, -5, 310, 240});
    assertThat(p.buildings().get(0).pvKw().values()).containsExactly(110, 0);
    assertThat(p.buildings().get(0).loadKw().values()).containsExactly(310, 240);
    assertThat(inputs.clippedValues(new double[] {110, -5, 310, -1e-9})).isEqualTo(2);
    assertThat(s.buildings().get(0).pvKw().values()).containsExactly(100, 60);
  }

  @ParameterizedTest
  @EnumSource(value = Method.class, names = {"PEM_2M", "PEM_2M_PLUS_ONE"})
  void bothPointEstimatesAreExactForADayLinearInItsInputs(Method method) {
    DayUncertainty r = CLEARING.pointEstimate(linear(), method, ProgressListener.NONE);
    double std = 5 * Math.sqrt(20 * 20 + 12 * 12 + 30 * 30 + 25 * 25);
    assertThat(r.result().evaluations()).isEqualTo(method == Method.PEM_2M ? 8 : 9);
    assertThat(r.result().failedEvaluations()).isZero();
    assertThat(r.totalCostMean()).isCloseTo(5 * (200 + 190), within(1e-6));
    assertThat(r.totalCostStd()).isCloseTo(std, within(1e-6));
    assertThat(r.mean(r.layout().cost(0))).isCloseTo(1950, within(1e-6));
    DayOutputs o = r.layout();
    for (int t = 0; t < 2; t++) {
      for (int i = 0; i < o.buses().length; i++) {
        assertThat(r.mean(o.dlmp(t, i))).isCloseTo(5, within(1e-9));
        assertThat(r.std(o.dlmp(t, i))).isCloseTo(0, within(1e-9));
      }
    }
    // a heavier load lowers the voltage at bus 2, so Vmin varies, and stays in a plausible range
    assertThat(r.vminStd()).isGreaterThan(1e-4);
    assertThat(r.vminMean()).isBetween(0.9, 1.0);
  }

  @Test
  void workedExampleTwoThroughPemAgreesWithFiniteDifferencesAndMonteCarlo() {
    // one PV building: its own forecast is the input, so the finite differences are in kW
    Scenario ex2 = independent(WorkedExamples.example(2));
    ScenarioInputs inputs = ScenarioInputs.of(ex2);
    double sigma = inputs.forecasts().get(0).input().std();
    // Around the forecast the day's cost is linear in the PV: the surplus is exported at the tariff.
    double at = cost(ex2, inputs, 500);
    double slope = (cost(ex2, inputs, 500 + sigma) - cost(ex2, inputs, 500 - sigma)) / (2 * sigma);
    assertThat(slope).isNegative();
    DayUncertainty pem = CLEARING.pointEstimate(ex2, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    assertThat(pem.result().evaluations()).isEqualTo(3);
    assertThat(pem.totalCostMean()).isCloseTo(at, within(1e-6));
    assertThat(pem.totalCostStd()).isCloseTo(Math.abs(slope) * sigma, within(1e-6));
    DayUncertainty mc = CLEARING.monteCarlo(ex2, 600, 3, ProgressListener.NONE);
    assertThat(mc.result().evaluations()).isEqualTo(600);
    double standardError = mc.totalCostStd() / Math.sqrt(600);
    assertThat(mc.totalCostMean()).isCloseTo(pem.totalCostMean(), within(4 * standardError));
    assertThat(mc.totalCostStd()).isCloseTo(pem.totalCostStd(), within(0.1 * pem.totalCostStd()));
  }

  /** With one PV building the common irradiance is that building's PV rescaled: the same statistics. */
  @Test
  void withOnePvBuildingCommonAndIndependentWeatherGiveTheSameEstimate() {
    Scenario ex2 = WorkedExamples.example(2);
    DayUncertainty common = CLEARING.pointEstimate(ex2, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    DayUncertainty own = CLEARING.pointEstimate(independent(ex2), Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    assertThat(common.inputs().forecasts().get(0).input().mean()).isCloseTo(0.8, within(1e-12)); // 500 / 625
    assertThat(common.totalCostMean()).isCloseTo(own.totalCostMean(), within(1e-6));
    assertThat(common.totalCostStd()).isCloseTo(own.totalCostStd(), within(1e-6));
  }

  private static Scenario independent(Scenario s) {
    return s.withUncertainty(s.uncertainty().withCorrelation(WeatherCorrelation.INDEPENDENT));
  }

  private static double cost(Scenario s, ScenarioInputs inputs, double pv) {
    return new DlmpMechanism().clear(inputs.apply(s, new double[] {pv})).settlement().orElseThrow().totalCost();
  }

  @Test
  void monteCarloWithASeedIsReproducibleOnAnyNumberOfThreads() {
    Scenario s = linear();
    DayUncertainty a = CLEARING.monteCarlo(s, 300, 42, ProgressListener.NONE);
    DayUncertainty b = new ProbabilisticClearing(new DlmpMechanism(), new ParallelEvaluator(1))
        .monteCarlo(s, 300, 42, ProgressListener.NONE);
    DayUncertainty other = CLEARING.monteCarlo(s, 300, 43, ProgressListener.NONE);
    assertThat(b.result()).isEqualTo(a.result());
    assertThat(other.totalCostMean()).isNotEqualTo(a.totalCostMean());
  }

  /** Load N(300, 30) kW behind a 320 kVA branch: a quarter of the days are infeasible. */
  @Test
  void infeasibleSamplesAreCountedAndLeftOutAndSpoilAPointEstimate() {
    Scenario s = ScenarioLoader.load(WorkedExamples.write(dir, "tight.yaml", """
        network: {matpower: toy3.m, branch_limit_kva: {"1-2": 320}}
        horizon: {intervals: 1}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B2, type: building, bus: 2, load_kw: 300, power_factor: 1}
        uncertainty: {random: [load]}
        """));
    DayUncertainty mc = CLEARING.monteCarlo(s, 400, 5, ProgressListener.NONE);
    assertThat(mc.result().failedEvaluations()).isBetween(70, 135); // 25.2 % of 400 ± 3.5σ
    assertThat(mc.result().hasStatistics()).isTrue();
    assertThat(mc.firstFailure().orElseThrow()).contains("thermal limits");
    // conditional on feasibility the load is at most 320 kW
    assertThat(mc.totalCostMean()).isLessThan(5 * 300);
    DayUncertainty pem = CLEARING.pointEstimate(s, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    assertThat(pem.result().failedEvaluations()).isEqualTo(1);
    assertThat(pem.result().hasStatistics()).isFalse();
    assertThat(pem.totalCostMean()).isNaN();
  }

  /** The 33-bus scenario of docs/uncertainty.md: the m it states, and every input's mean its forecast. */
  @Test
  void theMeasurementScenarioHasTheDocumentedInputs() {
    Scenario s = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples",
        "ieee33-uncertainty", "scenario.yaml"));
    ScenarioInputs inputs = ScenarioInputs.of(s);
    assertThat(inputs.size()).isEqualTo(168);
    assertThat(inputs.count(RandomQuantity.PV)).isEqualTo(120);
    assertThat(inputs.count(RandomQuantity.WIND)).isEqualTo(48);
    double[] means = inputs.inputs().stream().mapToDouble(i -> i.mean()).toArray();
    Scenario atMeans = inputs.apply(s, means);
    for (int b = 0; b < s.buildings().size(); b++) {
      assertThat(atMeans.buildings().get(b).pvKw().values())
          .containsExactly(s.buildings().get(b).pvKw().values(), within(1e-6));
      assertThat(atMeans.buildings().get(b).windKw().values())
          .containsExactly(s.buildings().get(b).windKw().values(), within(1e-6));
    }
  }
}
