package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.platform.testsupport.Community33;

/** Which offers an infeasible day clears without, on the example community of the IEEE 33-bus feeder. */
class InfeasibleOffersTest {
  private static final Scenario DAY = DayScenario.parse("d", Community33.scenario(), Community33.feeder(), null,
      ScenarioFiles.none("inline only")).balanced().orElseThrow();

  private static Building load(String id, int bus, double kw) {
    return new Building(id, bus, TimeSeries.constant(kw, 4), Building.DEFAULT_POWER_FACTOR, TimeSeries.constant(0, 4),
        TimeSeries.constant(0, 4), Optional.empty(), Optional.empty());
  }

  private static boolean clears(List<Building> offers) {
    return LinDistFlowDispatch.solve(DayScenario.withBuildings(DAY, offers)).status() == DispatchStatus.OPTIMAL;
  }

  private static Map<String, String> receipts(List<Building> offers) {
    return offers.stream().collect(Collectors.toMap(Building::id, b -> "receipt-" + b.id()));
  }

  private static InfeasibleOffers.Diagnosis diagnose(List<Building> offers) {
    assertThat(clears(offers)).as("the day must be infeasible").isFalse();
    return InfeasibleOffers.diagnose(DAY, offers, receipts(offers));
  }

  /** The largest constant load at bus 18 that the day still clears with, to 1 kW, by bisection. */
  private static double largestLoadAtBus18() {
    double feasible = 0;
    double infeasible = 5000;
    assertThat(clears(List.of(load("X", 18, infeasible)))).isFalse();
    while (infeasible - feasible > 1) {
      double mid = (feasible + infeasible) / 2;
      if (clears(List.of(load("X", 18, mid)))) {
        feasible = mid;
      } else {
        infeasible = mid;
      }
    }
    return feasible;
  }

  @Test
  void oneCarelessOfferIsNamedAlone() {
    List<Building> offers = List.of(load("B06", 6, 40), load("B18", 18, 3000), load("B25", 25, 50));
    InfeasibleOffers.Diagnosis d = diagnose(offers);
    assertThat(d.blamed()).singleElement().satisfies(b -> {
      assertThat(b.participant()).isEqualTo("B18");
      assertThat(b.receipt()).isEqualTo("receipt-B18");
      assertThat(b.peakKw()).isEqualTo(3000);
      assertThat(b.alone()).isTrue();
    });
    assertThat(d.summary()).startsWith("the day clears without this offer: B18 at bus 18 (peak 3000 kW");
  }

  @Test
  void offersThatOnlyTogetherOverloadTheBusAreNamedTogether() {
    // three offers at bus 18 of three quarters of what it takes: any two are too many, one is not
    double each = 0.75 * largestLoadAtBus18();
    List<Building> offers = List.of(load("P1", 18, each), load("P2", 18, each), load("P3", 18, each),
        load("B06", 6, 20));
    InfeasibleOffers.Diagnosis d = diagnose(offers);
    assertThat(d.blamed()).extracting(InfeasibleOffers.Blamed::participant).containsExactly("P1", "P2");
    assertThat(d.blamed()).noneMatch(InfeasibleOffers.Blamed::alone);
    assertThat(d.summary()).startsWith("the day clears without these offers together: P1 at bus 18");
  }

  @Test
  void whenTheDayFailsWithoutAnyOfferNoOfferIsBlamed() {
    Scenario tight = DayScenario.parse("d", Community33.scenario().replace("vmin_pu: 0.9", "vmin_pu: 0.99"),
        Community33.feeder(), null, ScenarioFiles.none("inline only")).balanced().orElseThrow();
    List<Building> offers = List.of(load("B06", 6, 20));
    InfeasibleOffers.Diagnosis d = InfeasibleOffers.diagnose(tight, offers, receipts(offers));
    assertThat(d.blamed()).isEmpty();
    assertThat(d.summary()).contains("even without any offer the day has no schedule");
  }

  @Test
  void thePeakIsTheLargerOfLoadAndRenewablesInAnyInterval() {
    Building b = new Building("B", 6, new TimeSeries(new double[] {1, 5, 2, 3}), 1, new TimeSeries(new double[] {0,
        0, 7, 0}), new TimeSeries(new double[] {0, 0, 1, 0}), Optional.empty(), Optional.empty());
    assertThat(InfeasibleOffers.peakKw(b)).isEqualTo(8);
    assertThat(InfeasibleOffers.peakKw(load("L", 6, 4))).isEqualTo(4);
  }
}
