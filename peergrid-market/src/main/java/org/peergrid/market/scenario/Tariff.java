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
}
