package org.peergrid.market.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.WeatherCorrelation;
import org.peergrid.market.testing.WorkedExamples;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.uncertainty.WindInput;

/**
 * Common weather (docs/uncertainty.md): one irradiance and one wind speed per interval really set
 * every building's forecast, each building keeps its own mean and spread, and m is what it should be.
 */
class CommonWeatherTest {
  @TempDir Path dir;

  /** Two PV buildings with different cvs, two turbines with different Weibull shapes, two intervals. */
  private Scenario twoOfEach() {
    return ScenarioLoader.load(WorkedExamples.write(dir, "two.yaml", """
        network: {matpower: toy3.m}
        horizon: {intervals: 2}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B2, type: building, bus: 2, load_kw: [100, 120], pv_kw: [40, 80], wind_kw: [10, 12]}
          - {id: B3, type: building, bus: 3, load_kw: [90, 60], pv_kw: [30, 20], wind_kw: [4, 0]}
        uncertainty:
          random: [pv, wind, load]
          participants:
            B3: {pv: {cv: 0.1}, wind: {shape: 1.6}}
        """));
  }

  private static Scenario with(Scenario s, WeatherCorrelation c) {
    return s.withUncertainty(s.uncertainty().withCorrelation(c));
  }

  @Test
  void oneIrradianceAndOneWindSpeedPerIntervalLoadsPerBuilding() {
    Scenario s = twoOfEach();
    ScenarioInputs common = ScenarioInputs.of(s);
    ScenarioInputs independent = ScenarioInputs.of(with(s, WeatherCorrelation.INDEPENDENT));
    // pv: 2 intervals; wind: 2 intervals (B3 calm in interval 1); load: 2 buildings × 2 intervals
    assertThat(common.count(RandomQuantity.PV)).isEqualTo(2);
    assertThat(common.count(RandomQuantity.WIND)).isEqualTo(2);
    assertThat(common.count(RandomQuantity.LOAD)).isEqualTo(4);
    assertThat(independent.count(RandomQuantity.PV)).isEqualTo(4);
    assertThat(independent.count(RandomQuantity.WIND)).isEqualTo(3);
    assertThat(independent.count(RandomQuantity.LOAD)).isEqualTo(4);
    RandomForecast pv0 = common.forecasts().get(0);
    assertThat(pv0.participants()).containsExactly("B2", "B3");
    assertThat(common.forecasts().get(3).participants()).containsExactly("B2"); // wind, interval 1
  }

  /**
   * At the irradiance's mean every building gets its forecast; one σ above it every building gets its
   * forecast plus its own cv × forecast: the same cloud, each building's own spread.
   */
  @Test
  void theIrradianceMovesEveryPvTogetherWithItsOwnSpread() {
    Scenario s = twoOfEach();
    ScenarioInputs inputs = ScenarioInputs.of(s);
    for (int t = 0; t < 2; t++) {
      RandomInput sky = inputs.forecasts().get(t).input();
      double[] atMean = means(inputs);
      double[] above = atMean.clone();
      above[t] = sky.mean() + sky.std();
      Scenario mean = inputs.apply(s, atMean);
      Scenario bright = inputs.apply(s, above);
      double[] cv = {0.2, 0.1};
      for (int b = 0; b < 2; b++) {
        double forecast = s.buildings().get(b).pvKw().get(t);
        assertThat(mean.buildings().get(b).pvKw().get(t)).isCloseTo(forecast, within(1e-9));
        assertThat(bright.buildings().get(b).pvKw().get(t)).isCloseTo(forecast * (1 + cv[b]), within(1e-9));
        assertThat(bright.buildings().get(b).pvKw().get(1 - t)).isCloseTo(s.buildings().get(b).pvKw().get(1 - t),
            within(1e-9));
      }
    }
  }

  /**
   * Each turbine driven by the one speed keeps its own fitted distribution: over 100 000 draws of the
   * speed its mean power is its forecast and its spread that of its own Weibull fit, within 5 standard
   * errors, although the two turbines have different shapes.
   */
  @Test
  void everyTurbineKeepsItsOwnPowerDistribution() {
    Scenario s = twoOfEach();
    ScenarioInputs inputs = ScenarioInputs.of(s);
    RandomForecast wind0 = inputs.forecasts().get(2);
    assertThat(wind0.quantity()).isEqualTo(RandomQuantity.WIND);
    assertThat(wind0.interval()).isZero();
    SplittableRandom rng = new SplittableRandom(11);
    int n = 100_000;
    double[] sum = new double[2];
    double[] squares = new double[2];
    double cross = 0;
    for (int i = 0; i < n; i++) {
      double w = wind0.input().sample(rng);
      double[] p = new double[2];
      for (int b = 0; b < 2; b++) {
        p[b] = wind0.targets().get(b).forecastKw().applyAsDouble(w);
        sum[b] += p[b];
        squares[b] += p[b] * p[b];
      }
      cross += p[0] * p[1];
    }
    for (int b = 0; b < 2; b++) {
      Building building = s.buildings().get(b);
      RandomInput own = s.uncertainty().of(building.id()).wind().input(building.windKw(), 0);
      assertThat(own).isInstanceOf(WindInput.class);
      double mean = sum[b] / n;
      double std = Math.sqrt(squares[b] / n - mean * mean);
      assertThat(mean).isCloseTo(building.windKw().get(0), within(5 * own.std() / Math.sqrt(n)));
      assertThat(std).isCloseTo(own.std(), within(5 * own.std() * Math.sqrt((own.kurtosis() - 1) / (4.0 * n))));
    }
    double covariance = cross / n - (sum[0] / n) * (sum[1] / n);
    double correlation = covariance / (std(sum[0], squares[0], n) * std(sum[1], squares[1], n));
    assertThat(correlation).isGreaterThan(0.8); // independent turbines would give about 0
  }

  private static double std(double sum, double squares, int n) {
    double mean = sum / n;
    return Math.sqrt(squares / n - mean * mean);
  }

  /** The bundled example: 12 sunny hours and 24 windy ones give m = 36, against 356 independent inputs. */
  @Test
  void theBundledExampleHasThirtySixCommonInputs() {
    Scenario s = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples",
        "ieee33-community", "scenario.yaml"));
    ScenarioInputs common = ScenarioInputs.of(s);
    assertThat(common.size()).isEqualTo(36);
    assertThat(common.count(RandomQuantity.PV)).isEqualTo(12);
    assertThat(common.count(RandomQuantity.WIND)).isEqualTo(24);
    assertThat(ScenarioInputs.of(with(s, WeatherCorrelation.INDEPENDENT)).size()).isEqualTo(356);
    // at the mean irradiance every PV is its forecast (the wind at the mean speed is not the mean power)
    Scenario atMeans = common.apply(s, means(common));
    for (int b = 0; b < s.buildings().size(); b++) {
      assertThat(atMeans.buildings().get(b).pvKw().values())
          .containsExactly(s.buildings().get(b).pvKw().values(), within(1e-9));
    }
  }

  private static double[] means(ScenarioInputs inputs) {
    return inputs.inputs().stream().mapToDouble(RandomInput::mean).toArray();
  }
}
