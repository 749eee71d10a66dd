package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

class DeviationSamplerTest {
  @TempDir Path dir;

  @Test
  void oneSeedOneDayAndEveryDrawWithinItsEnvelope() {
    Scenario forecast = RealtimeScenarios.ieee33(dir);
    DeviationSampler sampler = DeviationSampler.DEFAULT;
    Scenario a = sampler.sample(forecast, 11);
    assertThat(sampler.sample(forecast, 11).participants()).isEqualTo(a.participants());
    assertThat(sampler.sample(forecast, 12).participants()).isNotEqualTo(a.participants());
    double sumLoad = 0;
    double sumSquares = 0;
    int draws = 0;
    for (int i = 0; i < forecast.buildings().size(); i++) {
      Building f = forecast.buildings().get(i);
      Building x = a.buildings().get(i);
      for (int t = 0; t < 24; t++) {
        double load = x.loadKw().get(t) / f.loadKw().get(t);
        assertThat(load).isBetween(0.8, 1.2);
        sumLoad += load;
        sumSquares += (load - 1) * (load - 1);
        draws++;
        if (f.pvKw().get(t) == 0) {
          assertThat(x.pvKw().get(t)).isZero();
        } else {
          assertThat(x.pvKw().get(t) / f.pvKw().get(t)).isBetween(0.6, 1.4);
        }
      }
    }
    // 240 draws of a ±2σ truncated normal with σ = 0.10: mean 1 ± 0.0057 (1 s.e. of the sample
    // mean), standard deviation 0.088 (truncation takes 12 % off).
    assertThat(sumLoad / draws).isCloseTo(1, within(0.02));
    assertThat(Math.sqrt(sumSquares / draws)).isCloseTo(0.088, within(0.015));
  }

  @Test
  void zeroSpreadGivesTheForecastExactly() {
    Scenario forecast = RealtimeScenarios.ieee33(dir);
    List<Building> same = new DeviationSampler(0, 0, 0).sample(forecast, 5).buildings();
    assertThat(same).isEqualTo(forecast.buildings());
  }

  @Test
  void spreadsThatCouldDriveAValueBelowZeroAreRefused() {
    assertThatThrownBy(() -> new DeviationSampler(0.6, 0.2, 0.2))
        .hasMessageContaining("must lie in [0, 0.5] (so that 1 − 2 cv ≥ 0), got 0.6");
  }
}
