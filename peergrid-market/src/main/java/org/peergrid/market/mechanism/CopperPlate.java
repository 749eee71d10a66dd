package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A cooperative outcome without a network or an LP: everyone on one bus, net energies given. The
 * price of each interval is the tariff on the side the community trades with the grid (π^buy when
 * it imports, π^sell otherwise), the utility bill is the community's net-metered bill and the DSO
 * keeps nothing. Buildings have no batteries, so their base cost is their own net energy at the
 * tariffs. For tests, benchmarks and researchers who want to try a mechanism on made-up data.
 */
public final class CopperPlate {
  private final double hours;
  private final double[] importPrice;
  private final double[] exportPrice;
  private final List<String> ids = new ArrayList<>();
  private final List<double[]> netKwh = new ArrayList<>();
  private final List<Double> costs = new ArrayList<>();

  private CopperPlate(double hours, double[] importPrice, double[] exportPrice) {
    this.hours = hours;
    this.importPrice = importPrice.clone();
    this.exportPrice = exportPrice.clone();
  }

  /** An empty community with these tariffs [money/kWh], one value per interval of {@code hours} h. */
  public static CopperPlate of(double hours, double[] importPrice, double[] exportPrice) {
    return new CopperPlate(hours, importPrice, exportPrice);
  }

  /** A building with its net withdrawal per interval [kWh], negative when it injects. */
  public CopperPlate building(String id, double... netWithdrawalKwh) {
    ids.add(id);
    netKwh.add(netWithdrawalKwh.clone());
    costs.add(null);
    return this;
  }

  /**
   * A generator with its output per interval [kWh] and marginal cost; alone it would sell the same
   * output to the utility where the export tariff beats its cost.
   */
  public CopperPlate generator(String id, double costPerKwh, double... outputKwh) {
    ids.add(id);
    netKwh.add(java.util.Arrays.stream(outputKwh).map(x -> -x).toArray());
    costs.add(costPerKwh);
    return this;
  }

  public CooperativeOutcome build(String name) {
    int n = importPrice.length;
    double[] price = new double[n];
    double utility = 0;
    for (int t = 0; t < n; t++) {
      double net = 0;
      for (double[] x : netKwh) {
        net += x[t];
      }
      price[t] = net > 0 ? importPrice[t] : exportPrice[t];
      utility += price[t] * net;
    }
    List<CommunityMember> members = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      double[] x = netKwh.get(i);
      double[] bought = new double[n];
      double[] sold = new double[n];
      double[] fuel = new double[n];
      double own = 0;
      for (int t = 0; t < n; t++) {
        bought[t] = Math.max(0, x[t]);
        sold[t] = Math.max(0, -x[t]);
        own += importPrice[t] * bought[t] - exportPrice[t] * sold[t];
        if (costs.get(i) != null) {
          fuel[t] = costs.get(i) * sold[t];
        }
      }
      Double cost = costs.get(i);
      OptionalDouble alone = OptionalDouble.empty();
      if (cost != null) {
        double profit = 0;
        for (int t = 0; t < n; t++) {
          profit += Math.max(0, exportPrice[t] - cost) * sold[t];
        }
        alone = OptionalDouble.of(profit);
      }
      members.add(new CommunityMember(ids.get(i), cost == null ? Role.BUILDING : Role.GENERATOR, bought, sold,
          price, new double[n], fuel, cost == null ? OptionalDouble.of(own) : OptionalDouble.empty(), alone));
    }
    return new CooperativeOutcome(name, hours, importPrice, exportPrice, members, utility, 0);
  }
}
