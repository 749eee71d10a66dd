package org.peergrid.market.mechanism;

/**
 * Supply-demand ratio (SDR) pricing. With SDR = S/D, for 0 ≤ SDR &lt; 1:
 * p_sell = π^sell π^buy / ((π^buy − π^sell)·SDR + π^sell) and p_buy = p_sell·SDR + π^buy (1 − SDR);
 * for SDR ≥ 1 both are π^sell. The buy price applies to each buyer's whole net demand, which makes
 * buyers pay exactly the sellers plus the grid import: p_buy·D = p_sell·S + π^buy (D − S). The
 * sell price falls from π^buy (scarce supply) to π^sell (SDR = 1), continuously.
 *
 * <p>Reference: N. Liu, X. Yu, C. Wang, C. Li, L. Ma, J. Lei, "Energy-sharing model with
 * price-based demand response for microgrids of peer-to-peer prosumers", IEEE Trans. Power Systems
 * 32(5):3569–3583, 2017, doi:10.1109/TPWRS.2017.2649558 (the internal pricing model of §III). The
 * same authors' Stackelberg paper (IEEE Trans. Industrial Informatics 13(3), 2017) prices by the
 * operator's game instead. Here the rule prices a fixed schedule: no demand response, no game.
 * O(participants × intervals).
 */
public final class SupplyDemandRatioMechanism extends AbstractInternalPriceMechanism {
  public static final String NAME = "sdr";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "supply-demand ratio pricing (Liu et al. 2017)";
  }

  @Override
  public InternalPrices prices(double supply, double demand, double importPrice, double exportPrice) {
    if (supply >= demand) {
      return new InternalPrices(exportPrice, exportPrice);
    }
    if (supply == 0) { // the SDR = 0 limit; nobody sells, so the sell price is never paid
      return new InternalPrices(importPrice, importPrice);
    }
    double ratio = supply / demand;
    double sell = exportPrice * importPrice / ((importPrice - exportPrice) * ratio + exportPrice);
    return new InternalPrices(sell * ratio + importPrice * (1 - ratio), sell);
  }
}
