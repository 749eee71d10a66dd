package org.peergrid.market.mechanism;

/**
 * A generator's day under a mechanism against selling only to the utility.
 *
 * @param generator its id
 * @param profit money received net, less fuel [money]
 * @param aloneProfit its best profit at the export tariff alone [money]
 */
public record GeneratorProfit(String generator, double profit, double aloneProfit) {

  /** profit − alone profit [money]: what sharing earned it. */
  public double gain() {
    return profit - aloneProfit;
  }
}
