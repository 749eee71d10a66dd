package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.dispatch.PriceResponder;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

/** The closed-form best response of shift-only buildings costs what their LP costs, at any prices. */
class ShiftOnlyResponseTest {
  @Test
  void matchesTheLpAtRandomPricesIncludingNegativeOnes() {
    Scenario s = SmallCommunities.of(7, 40, 24, 0.9);
    List<Building> shiftOnly = s.buildings().stream().filter(ShiftOnlyResponse::applies).toList();
    assertThat(shiftOnly).isNotEmpty();
    double hours = s.horizon().hours();
    Random random = new Random(11);
    for (Building b : shiftOnly) {
      try (PriceResponder lp = new PriceResponder(s, b)) {
        for (int draw = 0; draw < 5; draw++) {
          double[] price = new double[24];
          for (int t = 0; t < price.length; t++) {
            price[t] = -2 + 12 * random.nextDouble();
          }
          DispatchResult solved = lp.respond(price);
          ParticipantSchedule closed = ShiftOnlyResponse.of(b, price, hours);
          double cost = 0;
          for (int t = 0; t < price.length; t++) {
            cost -= price[t] * closed.netInjectionKw(t) * hours;
            assertThat(closed.shiftedKw().get(t)).isBetween(0.0, b.shiftable().orElseThrow().maxKw());
          }
          double served = closed.shiftedKw().values().length == 0 ? 0
              : java.util.Arrays.stream(closed.shiftedKw().values()).sum() * hours;
          assertThat(served).isCloseTo(b.shiftable().orElseThrow().energyKwh(), within(1e-9));
          assertThat(cost).as(b.id() + " draw " + draw)
              .isCloseTo(solved.optimal().objective(), within(1e-6 * Math.max(1, Math.abs(cost))));
        }
      }
    }
  }
}
