package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {

  @Test
  void gaussLegendreIsExactToDegreeTwoNMinusOne() {
    GaussLegendre rule = new GaussLegendre(5);
    // ∫_0^2 x^9 dx = 2^10/10
    assertThat(rule.integrate(x -> Math.pow(x, 9), 0, 2, 1)).isCloseTo(102.4, within(1e-12));
    // a degree-10 polynomial is not integrated exactly by one 5-point panel
    assertThat(Math.abs(rule.integrate(x -> Math.pow(x, 10), 0, 2, 1) - 2048.0 / 11)).isGreaterThan(1e-6);
    assertThat(new GaussLegendre(16).integrate(Math::exp, -1, 3, 4)).isCloseTo(Math.exp(3) - Math.exp(-1), within(1e-13));
  }
}
