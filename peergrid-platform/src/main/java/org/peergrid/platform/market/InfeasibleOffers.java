package org.peergrid.platform.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseDayClearing;

/**
 * Which offers make a day's clearing infeasible. The day-ahead LP (LinDistFlow, MODEL.md §2; on a
 * three-phase day LinDist3Flow, docs/opendss.md, the first clearing of {@code ThreePhaseMarket}) is
 * solved again without offers: first without any (when that fails too, the day's own network,
 * generators or batteries are at fault and no exclusion helps); then without each of the
 * {@value #SUSPECTS} offers with the largest peak power, one at a time; when no single one is to
 * blame, without the largest ones together, adding one at a time until the day clears. At most
 * 1 + 2 × {@value #SUSPECTS} solves, each as long as the clearing's own LP.
 */
final class InfeasibleOffers {
  /** How many of the largest offers are tried: a careless offer (kW for W) is among the largest. */
  static final int SUSPECTS = 5;

  /**
   * An offer that the day clears without.
   *
   * @param bus its bus: the number on a MATPOWER day, the OpenDSS name on a three-phase day
   * @param peakKw the largest of its load and its PV plus wind in any interval [kW]
   * @param alone whether leaving out this offer alone lets the day clear (else only together with
   *     the other offers named)
   */
  record Blamed(String participant, Object bus, String receipt, double peakKw, boolean alone) {}

  /**
   * What the re-solves found.
   *
   * @param blamed the offers that the day clears without (empty when none or all of them would help)
   * @param summary one sentence for the day's message
   */
  record Diagnosis(List<Blamed> blamed, String summary) {}

  private InfeasibleOffers() {}

  /**
   * @param day the day's scenario without buildings' offers (its generators and community batteries)
   * @param offers the buildings of the counted offers
   * @param receipts each participant's offer receipt
   */
  static Diagnosis diagnose(Scenario day, List<Building> offers, Map<String, String> receipts) {
    return diagnose(kept -> LinDistFlowDispatch.solve(DayScenario.withBuildings(day, kept)).status()
        == DispatchStatus.OPTIMAL, Building::bus, offers, receipts);
  }

  /** The same on a three-phase day (its buildings' offers in place, {@link DayScenario#withOffers}). */
  static Diagnosis diagnose(ThreePhaseScenario day, List<Building> offers, Map<String, String> receipts) {
    return diagnose(kept -> {
      ThreePhaseScenario s = DayScenario.withOffers(day, kept);
      return new ThreePhaseDayClearing(s, ThreePhaseDayClearing.model(s)).clear().optimal();
    }, b -> day.connection(b.id()).bus(), offers, receipts);
  }

  /**
   * @param clears whether the day clears with these offers
   * @param busOf how the answer names an offer's bus
   */
  private static Diagnosis diagnose(Predicate<List<Building>> clears, Function<Building, Object> busOf,
      List<Building> offers, Map<String, String> receipts) {
    if (!clears.test(List.of())) {
      return new Diagnosis(List.of(), "even without any offer the day has no schedule: the scenario's network,"
          + " generators or batteries are at fault, and excluding offers does not help");
    }
    List<Building> suspects = offers.stream().sorted(Comparator.comparingDouble(InfeasibleOffers::peakKw).reversed()
        .thenComparing(Building::id)).limit(SUSPECTS).toList();
    List<Blamed> alone = new ArrayList<>();
    for (Building suspect : suspects) {
      if (clears.test(without(offers, List.of(suspect)))) {
        alone.add(blamed(suspect, busOf, receipts, true));
      }
    }
    if (!alone.isEmpty()) {
      return new Diagnosis(alone, "the day clears without " + (alone.size() == 1 ? "this offer" : "any one of these offers")
          + ": " + describe(alone));
    }
    for (int n = 2; n <= suspects.size(); n++) {
      List<Building> left = suspects.subList(0, n);
      if (clears.test(without(offers, left))) {
        List<Blamed> together = left.stream().map(b -> blamed(b, busOf, receipts, false)).toList();
        return new Diagnosis(together, "the day clears without these offers together: " + describe(together));
      }
    }
    return new Diagnosis(List.of(), "the day does not clear without any one of its " + suspects.size()
        + " largest offers, nor without all of them; together the offers ask more than the feeder can carry");
  }

  /** The largest power an offer asks of or gives to the feeder in any interval [kW]. */
  static double peakKw(Building b) {
    return IntStream.range(0, b.loadKw().size())
        .mapToDouble(t -> Math.max(b.loadKw().get(t), b.renewableKw(t))).max().orElse(0);
  }

  private static List<Building> without(List<Building> offers, List<Building> left) {
    return offers.stream().filter(b -> !left.contains(b)).toList();
  }

  private static Blamed blamed(Building b, Function<Building, Object> busOf, Map<String, String> receipts,
      boolean alone) {
    return new Blamed(b.id(), busOf.apply(b), receipts.get(b.id()), peakKw(b), alone);
  }

  private static String describe(List<Blamed> blamed) {
    return String.join(", ", blamed.stream().map(b -> b.participant() + " at bus " + b.bus() + " (peak "
        + Math.round(b.peakKw()) + " kW, receipt " + b.receipt() + ")").toList());
  }
}
