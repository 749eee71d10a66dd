package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonteCarloTest {
  private static final Function<double[], double[]> MODEL =
      x -> new double[] {x[0] + 2 * x[1] - x[2], Math.exp(0.05 * x[0]) * x[2]};

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void resultIsIndependentOfTheThreadCount(int threads) {
    List<RandomInput> inputs = List.of(LoadInput.forecast(5), SolarPvInput.fitted(2, 5), WindInput.fitted(1, WindTurbineCurve.withDefaultSpeeds(4)));
    UncertaintyResult serial = new MonteCarlo(3_000, 42, new ParallelEvaluator(1)).estimate(inputs, MODEL);
    UncertaintyResult parallel = new MonteCarlo(3_000, 42, new ParallelEvaluator(threads)).estimate(inputs, MODEL);
    assertThat(parallel).isEqualTo(serial);
    assertThat(serial.evaluations()).isEqualTo(3_000);
    UncertaintyResult otherSeed = new MonteCarlo(3_000, 43, new ParallelEvaluator(threads)).estimate(inputs, MODEL);
    assertThat(otherSeed.mean(0)).isNotEqualTo(serial.mean(0));
  }

  @Test
  void sampleDependsOnlyOnSeedAndIndex() {
    List<RandomInput> inputs = RandomInputs.mix(3, 6);
    assertThat(MonteCarlo.sample(inputs, 7, 123)).containsExactly(MonteCarlo.sample(inputs, 7, 123));
    assertThat(MonteCarlo.sample(inputs, 7, 124)).isNotEqualTo(MonteCarlo.sample(inputs, 7, 123));
  }

  /** A linear model: the MC mean within five standard errors σ/√n and the std within 2 % of exact. */
  @Test
  void convergesToTheExactMomentsOfALinearModel() {
    List<RandomInput> inputs = List.of(LoadInput.forecast(5), SolarPvInput.fitted(2, 5), WindInput.fitted(1, WindTurbineCurve.withDefaultSpeeds(4)));
    int n = 50_000;
    UncertaintyResult r = new MonteCarlo(n, 1, new ParallelEvaluator(2)).estimate(inputs, MODEL);
    double mean = inputs.get(0).mean() + 2 * inputs.get(1).mean() - inputs.get(2).mean();
    double std = Math.sqrt(Math.pow(inputs.get(0).std(), 2) + 4 * Math.pow(inputs.get(1).std(), 2) + Math.pow(inputs.get(2).std(), 2));
    assertThat(r.mean(0)).isCloseTo(mean, within(5 * std / Math.sqrt(n)));
    assertThat(r.std(0)).isCloseTo(std, within(0.02 * std));
  }

  @org.junit.jupiter.api.RepeatedTest(20)
  void reportsProgressPerBlockUpToTheSampleCount() {
    List<Integer> done = Collections.synchronizedList(new ArrayList<>());
    new MonteCarlo(1_000, 5, new ParallelEvaluator(2))
        .estimate(List.of(LoadInput.forecast(1)), x -> x, (d, total) -> {
          assertThat(total).isEqualTo(1_000);
          done.add(d);
        });
    // blocks of 256, 256, 256 and 232 samples finish in any order; the count only grows
    assertThat(done).hasSize(4).isSorted().doesNotHaveDuplicates().endsWith(1_000);
    assertThat(done.get(0)).isIn(256, 232);
    for (int i = 1; i < done.size(); i++) {
      assertThat(done.get(i) - done.get(i - 1)).isIn(256, 232);
    }
  }
}
