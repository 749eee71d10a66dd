package org.peergrid.market.realtime;

import java.util.OptionalDouble;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.scenario.NetworkSettings;

/**
 * Voltage and loading traces of a day from the AC check's power flows: the voltage magnitude of
 * every bus and the sending-end flow of every branch in every interval. Buses and branches by the
 * network's internal index (branch k feeds bus k; k = 0, the root, has no branch).
 */
public final class AcTraces implements AcCheck.IntervalListener {
  private final RadialNetwork radial;
  private final double[][] voltagePu;
  private final double[][] pKw;
  private final double[][] qKvar;
  private final double[][] kva;
  private final OptionalDouble[] limitKva;

  public AcTraces(NetworkSettings net, int intervals) {
    radial = net.radial();
    int n = radial.busCount();
    voltagePu = new double[intervals][n];
    pKw = new double[intervals][n];
    qKvar = new double[intervals][n];
    kva = new double[intervals][n];
    limitKva = new OptionalDouble[n];
    limitKva[0] = OptionalDouble.empty();
    for (int k = 1; k < n; k++) {
      limitKva[k] = net.limitKvaInto(k);
    }
  }

  @Override
  public void interval(int t, PowerFlowResult pf) {
    for (int k = 0; k < radial.busCount(); k++) {
      voltagePu[t][k] = pf.voltageMagnitudePu(k);
      if (k > 0) {
        pKw[t][k] = pf.pFromKw(k);
        qKvar[t][k] = pf.qFromKvar(k);
        kva[t][k] = pf.sendingEndKva(k);
      }
    }
  }

  public RadialNetwork network() {
    return radial;
  }

  public int intervals() {
    return voltagePu.length;
  }

  /** |V| of bus index k in interval t [p.u.]. */
  public double voltagePu(int t, int k) {
    return voltagePu[t][k];
  }

  /** Active power into the branch feeding bus k at its sending end [kW]. */
  public double pKw(int t, int k) {
    return pKw[t][k];
  }

  public double qKvar(int t, int k) {
    return qKvar[t][k];
  }

  /** Apparent power at the sending end of the branch feeding bus k [kVA]. */
  public double kva(int t, int k) {
    return kva[t][k];
  }

  /** S^max of the branch feeding bus k, if it has one [kVA]. */
  public OptionalDouble limitKva(int k) {
    return limitKva[k];
  }

  /** The lowest voltage of bus k over the day [p.u.]. */
  public double minVoltagePu(int k) {
    double min = Double.POSITIVE_INFINITY;
    for (double[] v : voltagePu) {
      min = Math.min(min, v[k]);
    }
    return min;
  }

  public double maxVoltagePu(int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (double[] v : voltagePu) {
      max = Math.max(max, v[k]);
    }
    return max;
  }

  public double meanVoltagePu(int k) {
    double sum = 0;
    for (double[] v : voltagePu) {
      sum += v[k];
    }
    return sum / voltagePu.length;
  }
}
