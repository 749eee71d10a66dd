package org.peergrid.market.mechanism;

/**
 * Bill sharing: the community's net bill of each interval is split among the buyers by consumption
 * and its export revenue among the sellers by generation. With a shortfall (D &gt; S) buyers pay
 * π^buy (D − S)/D per kWh and sellers get nothing (their energy is shared free); with a surplus
 * (S &gt; D) buyers pay nothing and sellers get π^sell (S − D)/S per kWh.
 *
 * <p>Reference: C. Long, J. Wu, Y. Zhou, N. Jenkins, "Peer-to-peer energy trading in a community
 * microgrid", IEEE PES General Meeting 2017, doi:10.1109/PESGM.2017.8274546; Y. Zhou, J. Wu, C.
 * Long, Applied Energy 222:993–1022, 2018, doi:10.1016/j.apenergy.2018.02.089. A fixed rule, no
 * equilibrium; O(participants × intervals).
 */
public final class BillSharingMechanism extends AbstractInternalPriceMechanism {
  public static final String NAME = "bill-sharing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "community bill split by consumption, revenue by generation";
  }

  @Override
  public InternalPrices prices(double supply, double demand, double importPrice, double exportPrice) {
    if (demand > supply) {
      return new InternalPrices(importPrice * (demand - supply) / demand, 0);
    }
    if (supply > demand) {
      return new InternalPrices(0, exportPrice * (supply - demand) / supply);
    }
    return new InternalPrices(0, 0);
  }
}
