package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PricePeakTest {
  private static LocationalPrices prices(double[][] dlmp) {
    BusSeries s = new BusSeries(dlmp);
    BusSeries zero = new BusSeries(new double[dlmp.length][dlmp[0].length]);
    return new LocationalPrices(s, s, zero, zero);
  }

  /** The tariff's peak (8.4 everywhere) is not where the network matters; the 2.4 spread is. */
  @Test
  void widestSpreadBeatsTheHighestUniformPrice() {
    assertThat(PricePeak.interval(prices(new double[][] {
      {8.4, 8.4, 8.4}, {5.6, 6.5, 8.0}, {5.6, 5.6, 7.0}}))).isEqualTo(1);
  }

  @Test
  void equalSpreadsGoToTheHigherPriceThenTheEarlierInterval() {
    assertThat(PricePeak.interval(prices(new double[][] {{5, 6}, {7, 8}, {7, 8}}))).isEqualTo(1);
    assertThat(PricePeak.interval(prices(new double[][] {{4, 4}, {4, 4}}))).isZero();
  }
}
