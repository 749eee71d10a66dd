package org.peergrid.market.vc;

import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.settlement.DlmpSettlement;

/** The cost of a schedule that is not a payment: its own battery's wear and a generator's fuel (MODEL.md §2). */
public final class PrivateCost {
  private PrivateCost() {}

  public static double of(Participant p, ParticipantSchedule s, double hours) {
    double cost = DlmpSettlement.degradation(p, s, hours);
    if (p instanceof DistributedGenerator g) {
      for (int t = 0; t < s.generationKw().size(); t++) {
        cost += g.costPerKwh() * s.generationKw().get(t) * hours;
      }
    }
    return cost;
  }
}
