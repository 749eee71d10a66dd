package org.peergrid.platform.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

/**
 * Which offers make a day's clearing infeasible. The day-ahead LP (LinDistFlow, MODEL.md §2) is
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
   * @param peakKw the largest of its load and its PV plus wind in any interval [kW]
   * @param alone whether leaving out this offer alone lets the day clear (else only together with
   *     the other offers named)
   */
  record Blamed(String participant, int bus, String receipt, double peakKw, boolean alone) {}

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
    if (!clears(day, List.of())) {
      return new Diagnosis(List.of(), "even without any offer the day has no schedule: the scenario's network,"
          + " generators or batteries are at fault, and excluding offers does not help");
    }
    List<Building> suspects = offers.stream().sorted(Comparator.comparingDouble(InfeasibleOffers::peakKw).reversed()
        .thenComparing(Building::id)).limit(SUSPECTS).toList();
    List<Blamed> alone = new ArrayList<>();
    for (Building suspect : suspects) {
      if (clears(day, without(offers, List.of(suspect)))) {
        alone.add(blamed(suspect, receipts, true));
      }
    }
    if (!alone.isEmpty()) {
      return new Diagnosis(alone, "the day clears without " + (alone.size() == 1 ? "this offer" : "any one of these offers")
          + ": " + describe(alone));
    }
    for (int n = 2; n <= suspects.size(); n++) {
      List<Building> left = suspects.subList(0, n);
      if (clears(day, without(offers, left))) {
        List<Blamed> together = left.stream().map(b -> blamed(b, receipts, false)).toList();
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

  private static boolean clears(Scenario day, List<Building> offers) {
    return LinDistFlowDispatch.solve(DayScenario.withBuildings(day, offers)).status() == DispatchStatus.OPTIMAL;
  }

  private static List<Building> without(List<Building> offers, List<Building> left) {
    return offers.stream().filter(b -> !left.contains(b)).toList();
  }

  private static Blamed blamed(Building b, Map<String, String> receipts, boolean alone) {
    return new Blamed(b.id(), b.bus(), receipts.get(b.id()), peakKw(b), alone);
  }

  private static String describe(List<Blamed> blamed) {
    return String.join(", ", blamed.stream().map(b -> b.participant() + " at bus " + b.bus() + " (peak "
        + Math.round(b.peakKw()) + " kW, receipt " + b.receipt() + ")").toList());
  }
}
