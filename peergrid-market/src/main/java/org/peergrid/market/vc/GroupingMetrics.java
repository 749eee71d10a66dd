package org.peergrid.market.vc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a grouping's members complement each other, on given net-load profiles (the forecast
 * the formation used, or the game's final schedules). Over the building communities v and intervals t,
 * with A_v,t the community's aggregate net load [kW]:
 *
 * @param squaredDeviation Σ_v Σ_t (A_v,t − Ā_v)² [kW²], the formation's objective (Ā_v: the daily mean)
 * @param sumOfPeaks Σ_v max_t |A_v,t| [kW]
 * @param meanVariance the mean over communities of the variance of A_v,t over the day [kW²]
 * @param exchangeKwh Σ_v Σ_t |A_v,t| Δt [kWh]: what communities must trade outside themselves
 *     (C2C or the grid); the rest of their members' trade stays inside (B2B)
 */
public record GroupingMetrics(double squaredDeviation, double sumOfPeaks, double meanVariance, double exchangeKwh) {

  /**
   * @param netKw every building's net load per interval [kW], by id
   * @param hours Δt [h]
   */
  public static GroupingMetrics of(Grouping grouping, Map<String, double[]> netKw, double hours) {
    double squares = 0;
    double peaks = 0;
    double variances = 0;
    double exchange = 0;
    int count = 0;
    for (VirtualCommunity c : grouping.communities()) {
      List<String> members = c.members().stream().filter(netKw::containsKey).toList();
      if (members.isEmpty()) {
        continue;
      }
      int n = netKw.get(members.get(0)).length;
      double[] a = new double[n];
      for (String m : members) {
        double[] x = netKw.get(m);
        for (int t = 0; t < n; t++) {
          a[t] += x[t];
        }
      }
      double peak = 0;
      double mean = 0;
      for (double v : a) {
        peak = Math.max(peak, Math.abs(v));
        exchange += Math.abs(v) * hours;
        mean += v / n;
      }
      double variance = 0;
      for (double v : a) {
        variance += (v - mean) * (v - mean) / n;
      }
      peaks += peak;
      variances += variance;
      squares += variance * n;
      count++;
    }
    return new GroupingMetrics(squares, peaks, count == 0 ? 0 : variances / count, exchange);
  }

  /** The forecast net load L − PV − wind of every building, the profile that formation groups by. */
  public static Map<String, double[]> forecast(org.peergrid.market.scenario.Scenario s) {
    Map<String, double[]> out = new HashMap<>();
    for (var b : s.buildings()) {
      double[] x = new double[s.horizon().intervals()];
      for (int t = 0; t < x.length; t++) {
        x[t] = b.loadKw().get(t) - b.renewableKw(t);
      }
      out.put(b.id(), x);
    }
    return out;
  }
}
