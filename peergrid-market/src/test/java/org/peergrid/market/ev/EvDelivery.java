package org.peergrid.market.ev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.ElectricVehicle;

/** The EV checks that every schedule must pass. */
public final class EvDelivery {
  private EvDelivery() {}

  /** Energy at departure, charging only while plugged in, and the balance along the session. */
  public static void assertDelivered(ElectricVehicle ev, ParticipantSchedule s, int intervals) {
    int last = ev.sessionInterval(ev.sessionLength(intervals) - 1, intervals);
    assertThat(s.socKwh().get(last)).as(ev.id() + " energy at departure").isGreaterThanOrEqualTo(
        ev.departureEnergyKwh() - 1e-6);
    double e = ev.arrivalEnergyKwh();
    for (int k = 0; k < ev.sessionLength(intervals); k++) {
      int t = ev.sessionInterval(k, intervals);
      e += ev.efficiency() * s.chargeKw().get(t) - s.dischargeKw().get(t) / ev.efficiency();
      assertThat(s.socKwh().get(t)).as(ev.id() + " energy in " + t).isCloseTo(e, within(1e-6));
    }
    for (int t = 0; t < intervals; t++) {
      if (!ev.pluggedIn(t, intervals)) {
        assertThat(s.chargeKw().get(t) + s.dischargeKw().get(t)).as(ev.id() + " away in " + t).isZero();
      }
    }
  }

}
