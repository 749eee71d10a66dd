package org.peergrid.market.dispatch;

/**
 * Splits DLMPs into energy, voltage and congestion parts from the LP's marginal values.
 *
 * <p>Stationarity of the LP for the flow P_k into bus k (in the balance rows of k and its parent,
 * and in the voltage-drop row of k with coefficient 2r_k) and for the squared voltage v_k gives,
 * with λ the balance duals, ρ^v_k and ρ^P_k the reduced costs of v_k and P_k (the duals of their
 * bounds: positive at a binding lower limit, negative at a binding upper limit):
 *
 * <pre>
 *   λ_i = λ_0 + Σ_j S_ij ρ^v_j − Σ_{k on the path root→i} ρ^P_k,   S_ij = 2 Σ r over the common path of i and j
 * </pre>
 *
 * where S_ij = ∂v_j/∂(injection at i) is the LinDistFlow voltage sensitivity. The three terms are
 * the energy, voltage and congestion parts. Both sums are accumulated along the tree in O(n) per
 * interval: the voltage part of i is that of its parent plus 2 r_i times the sum of ρ^v over the
 * subtree of i.
 *
 * <p>Papavasiliou, "Analysis of distribution locational marginal prices", IEEE Trans. Smart Grid
 * 9(5), 2018, doi:10.1109/TSG.2017.2673860; Bai, Wang, Wang, Zhang, "Distribution locational
 * marginal pricing (DLMP) for congestion management and voltage support", IEEE Trans. Power
 * Systems 33(4), 2018, doi:10.1109/TPWRS.2017.2767632.
 */
final class DlmpDecomposition {
  private DlmpDecomposition() {}

  /**
   * @param parent parent index of every bus (root −1)
   * @param r series resistance of the branch into every bus [p.u.]
   * @param rootDual λ_0 per interval [money/kW during the interval]
   * @param voltageMarginal ρ^v [t][k] (k ≥ 1)
   * @param flowMarginal ρ^P [t][k] (k ≥ 1)
   * @param hours Δt, to turn money per kW during an interval into money per kWh
   */
  static LocationalPrices split(int[] parent, double[] r, double[][] balanceDual, double[][] voltageMarginal,
      double[][] flowMarginal, double hours) {
    int nt = balanceDual.length;
    int n = parent.length;
    double[][] dlmp = new double[nt][n];
    double[][] energy = new double[nt][n];
    double[][] voltage = new double[nt][n];
    double[][] congestion = new double[nt][n];
    for (int t = 0; t < nt; t++) {
      double[] subtree = voltageMarginal[t].clone();
      for (int k = n - 1; k >= 1; k--) {
        if (parent[k] > 0) {
          subtree[parent[k]] += subtree[k];
        }
      }
      for (int k = 0; k < n; k++) {
        dlmp[t][k] = balanceDual[t][k] / hours;
        energy[t][k] = balanceDual[t][0] / hours;
        if (k > 0) {
          voltage[t][k] = voltage[t][parent[k]] + 2 * r[k] * subtree[k] / hours;
          congestion[t][k] = congestion[t][parent[k]] - flowMarginal[t][k] / hours;
        }
      }
    }
    return new LocationalPrices(new BusSeries(dlmp), new BusSeries(energy), new BusSeries(voltage),
        new BusSeries(congestion));
  }

  /**
   * S_ij = ∂v_j/∂(injection at i) = 2 Σ r over the branches common to the root paths of i and j
   * [p.u. of v per p.u. of power]; the explicit form of what {@link #split} accumulates along the tree.
   */
  static double voltageSensitivity(int[] parent, double[] r, int i, int j) {
    java.util.Set<Integer> onPathOfI = new java.util.HashSet<>();
    for (int k = i; k > 0; k = parent[k]) {
      onPathOfI.add(k);
    }
    double sum = 0;
    for (int k = j; k > 0; k = parent[k]) {
      if (onPathOfI.contains(k)) {
        sum += r[k];
      }
    }
    return 2 * sum;
  }
}
