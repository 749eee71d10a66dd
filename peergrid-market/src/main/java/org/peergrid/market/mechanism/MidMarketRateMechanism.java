package org.peergrid.market.mechanism;

/**
 * Mid-market rate (MMR): peers trade at p_mm = (π^buy + π^sell)/2. With a shortfall (D &gt; S)
 * sellers get p_mm and buyers pay (p_mm·S + π^buy (D − S))/D, the import shared by all buyers;
 * with a surplus (S &gt; D) buyers pay p_mm and sellers get (p_mm·D + π^sell (S − D))/S.
 *
 * <p>Reference: C. Long, J. Wu, Y. Zhou, N. Jenkins, "Peer-to-peer energy trading in a community
 * microgrid", IEEE PES General Meeting 2017, doi:10.1109/PESGM.2017.8274546; see also Y. Zhou, J.
 * Wu, C. Long, "Evaluation of peer-to-peer energy sharing mechanisms based on a multiagent
 * simulation framework", Applied Energy 222:993–1022, 2018, doi:10.1016/j.apenergy.2018.02.089.
 * A fixed pricing rule, no equilibrium; O(participants × intervals).
 */
public final class MidMarketRateMechanism extends AbstractInternalPriceMechanism {
  public static final String NAME = "mmr";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "mid-market rate between the tariffs (Long et al. 2017)";
  }

  @Override
  public InternalPrices prices(double supply, double demand, double importPrice, double exportPrice) {
    double mid = (importPrice + exportPrice) / 2;
    if (demand > supply) {
      return new InternalPrices((mid * supply + importPrice * (demand - supply)) / demand, mid);
    }
    if (supply > demand) {
      return new InternalPrices(mid, (mid * demand + exportPrice * (supply - demand)) / supply);
    }
    return new InternalPrices(mid, mid);
  }
}
