package org.peergrid.market.vc;

import java.util.List;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.TimeSeries;

/**
 * A convex combination of one participant's schedules. Every constraint of a participant's day is
 * linear, so the mix of feasible schedules is feasible, and its private cost (linear too) is the
 * same mix of their costs: this is what lets the master pick weights instead of schedules.
 */
final class Mix {
  private Mix() {}

  static ParticipantSchedule of(String id, List<ParticipantSchedule> schedules, double[] weights) {
    if (weights.length > schedules.size()) {
      throw new IllegalArgumentException(id + ": " + weights.length + " weights for " + schedules.size() + " schedules");
    }
    int n = schedules.get(0).importKw().size();
    double[] net = new double[n];
    double[] charge = new double[n];
    double[] discharge = new double[n];
    double[] soc = new double[n];
    double[] shifted = new double[n];
    double[] generation = new double[n];
    double[] curtailed = new double[n];
    for (int k = 0; k < weights.length; k++) {
      double w = weights[k];
      if (w == 0) {
        continue;
      }
      ParticipantSchedule s = schedules.get(k);
      for (int t = 0; t < n; t++) {
        net[t] += w * s.netInjectionKw(t);
        charge[t] += w * s.chargeKw().get(t);
        discharge[t] += w * s.dischargeKw().get(t);
        soc[t] += w * s.socKwh().get(t);
        shifted[t] += w * s.shiftedKw().get(t);
        generation[t] += w * s.generationKw().get(t);
        curtailed[t] += w * s.curtailedKw().get(t);
      }
    }
    double[] imports = new double[n];
    double[] exports = new double[n];
    for (int t = 0; t < n; t++) {
      imports[t] = Math.max(0, -net[t]);
      exports[t] = Math.max(0, net[t]);
    }
    return new ParticipantSchedule(id, new TimeSeries(imports), new TimeSeries(exports), new TimeSeries(charge),
        new TimeSeries(discharge), new TimeSeries(soc), new TimeSeries(shifted), new TimeSeries(generation),
        new TimeSeries(curtailed));
  }
}
