package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * The utility's prices [money/kWh] per interval.
 *
 * @param importPrice π^buy: the utility sells at this price
 * @param exportPrice π^sell: the utility buys at this price, never above the import price
 */
public record Tariff(TimeSeries importPrice, TimeSeries exportPrice) {

  public Tariff {
    if (importPrice == null || exportPrice == null) {
      throw new ValidationException("both import and export prices are required");
    }
    if (importPrice.size() != exportPrice.size()) {
      throw new ValidationException("import has " + importPrice.size() + " values but export " + exportPrice.size());
    }
    for (int t = 0; t < importPrice.size(); t++) {
      if (exportPrice.get(t) > importPrice.get(t)) {
        throw new ValidationException("export price " + exportPrice.get(t) + " is above the import price "
            + importPrice.get(t) + " in interval " + t + "; the utility never buys above its selling price");
      }
    }
  }

  public int size() {
    return importPrice.size();
  }

  /**
   * The real-time tariff that a scenario without a {@code realtime} block gets: import dearer and
   * export cheaper than day-ahead by {@link #REALTIME_SPREAD} of the price's magnitude (×1.2 and ×0.8
   * for positive prices). Imbalance is settled at a penalty, as in dual-price balancing markets, so
   * that nobody gains by deviating from the day-ahead position, and a day-ahead schedule stays
   * optimal in real time when nothing deviates (docs/realtime.md, §Default real-time tariff).
   */
  public Tariff realtimeDefault() {
    return new Tariff(realtimeImport(importPrice), realtimeExport(exportPrice));
  }

  /** Share of |price| added to the day-ahead import and taken off the export by {@link #realtimeDefault}. */
  public static final double REALTIME_SPREAD = 0.2;

  /** The default real-time import price of each interval of a day-ahead import price. */
  public static TimeSeries realtimeImport(TimeSeries dayAhead) {
    double[] v = dayAhead.values();
    for (int t = 0; t < v.length; t++) {
      v[t] += REALTIME_SPREAD * Math.abs(v[t]);
    }
    return new TimeSeries(v);
  }

  /** The default real-time export price of each interval of a day-ahead export price. */
  public static TimeSeries realtimeExport(TimeSeries dayAhead) {
    double[] v = dayAhead.values();
    for (int t = 0; t < v.length; t++) {
      v[t] -= REALTIME_SPREAD * Math.abs(v[t]);
    }
    return new TimeSeries(v);
  }
}
