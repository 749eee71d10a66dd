package org.peergrid.market.probabilistic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.BusVoltage;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * What one clearing of a scenario gives the probabilistic run, flattened into the vector the point
 * estimate method and Monte Carlo work on: the total community cost, the lowest AC voltage of the
 * day, each participant's cost (scenario order) and each bus's DLMP per interval (interval by
 * interval, buses in the case's order, as prices.csv).
 *
 * @param participants participant ids, scenario order
 * @param buses MATPOWER bus numbers of the tree, in the case's order
 * @param busIndex for each entry of {@code buses}, its index in the radial network
 * @param intervals the horizon's intervals
 */
public record DayOutputs(List<String> participants, int[] buses, int[] busIndex, int intervals) {
  /** Index of what the buildings pay, net [money]. */
  public static final int TOTAL_COST = 0;
  /** Index of the lowest AC voltage of the day over the converged intervals [p.u.]. */
  public static final int VMIN = 1;

  public DayOutputs {
    participants = List.copyOf(participants);
    buses = buses.clone();
    busIndex = busIndex.clone();
  }

  public static DayOutputs of(Scenario scenario) {
    RadialNetwork radial = scenario.network().radial();
    int[] buses = radial.feeder().buses().stream().mapToInt(Bus::number).filter(b -> radial.indexOf(b) >= 0)
        .toArray();
    int[] index = Arrays.stream(buses).map(radial::indexOf).toArray();
    return new DayOutputs(scenario.participants().stream().map(Participant::id).toList(), buses, index,
        scenario.horizon().intervals());
  }

  /** Length of the vector. */
  public int size() {
    return 2 + participants.size() + intervals * buses.length;
  }

  /** Index of participant p's cost (p in scenario order). */
  public int cost(int p) {
    return 2 + p;
  }

  /** Index of the DLMP of the i-th bus (case order) in interval t. */
  public int dlmp(int t, int i) {
    return 2 + participants.size() + t * buses.length + i;
  }

  /** MATPOWER number of the i-th bus. */
  public int bus(int i) {
    return buses[i];
  }

  /**
   * The vector of a cleared day; empty when the day has no schedule, or when no interval's AC power
   * flow converged (then there is no voltage to report).
   */
  public Optional<double[]> extract(ClearingResult result) {
    if (result.settlement().isEmpty() || result.acCheck().isEmpty()) {
      return Optional.empty();
    }
    Optional<BusVoltage> vmin = result.acCheck().get().vmin();
    if (vmin.isEmpty()) {
      return Optional.empty();
    }
    SettlementResult settlement = result.settlement().get();
    BusSeries dlmp = result.dispatch().optimal().prices().dlmp();
    double[] y = new double[size()];
    y[TOTAL_COST] = settlement.totalCost();
    y[VMIN] = vmin.get().pu();
    for (int p = 0; p < participants.size(); p++) {
      ParticipantSettlement s = settlement.participants().get(p);
      if (!s.participant().equals(participants.get(p))) {
        throw new IllegalStateException("settlement rows are not in scenario order: " + s.participant());
      }
      y[cost(p)] = s.cost();
    }
    for (int t = 0; t < intervals; t++) {
      for (int i = 0; i < buses.length; i++) {
        y[dlmp(t, i)] = dlmp.get(t, busIndex[i]);
      }
    }
    return Optional.of(y);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayOutputs d && participants.equals(d.participants) && Arrays.equals(buses, d.buses)
        && intervals == d.intervals;
  }

  @Override
  public int hashCode() {
    return participants.hashCode() * 31 + Arrays.hashCode(buses);
  }
}
