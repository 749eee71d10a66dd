package org.peergrid.market.dispatch;

/**
 * The interval a report shows the feeder's prices in: the one whose DLMPs differ most between
 * buses (then the one with the highest DLMP), because that is where the network's limits are worth
 * most and a map of prices says most. The highest DLMP alone would often pick the tariff's peak
 * hour, when every bus pays the same.
 */
public final class PricePeak {
  private static final double TIE = 1e-9;

  private PricePeak() {}

  public static int interval(LocationalPrices prices) {
    BusSeries dlmp = prices.dlmp();
    int best = 0;
    double bestMax = Double.NEGATIVE_INFINITY;
    double bestSpread = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < dlmp.intervals(); t++) {
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int k = 0; k < dlmp.buses(); k++) {
        max = Math.max(max, dlmp.get(t, k));
        min = Math.min(min, dlmp.get(t, k));
      }
      double spread = max - min;
      boolean wider = spread > bestSpread + TIE;
      boolean higher = Math.abs(spread - bestSpread) <= TIE && max > bestMax + TIE;
      if (wider || higher) {
        best = t;
        bestMax = max;
        bestSpread = spread;
      }
    }
    return best;
  }
}
