package org.peergrid.market.probabilistic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.accheck.BusVoltage;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.PhasePrice;
import org.peergrid.market.threephase.ThreePhaseAcCheck;
import org.peergrid.market.threephase.ThreePhaseDayClearing;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * What one clearing of a scenario gives the probabilistic run, flattened into the vector the point
 * estimate method and Monte Carlo work on: the total community cost, the lowest AC voltage of the
 * day, each participant's cost (scenario order) and each price point's DLMP per interval (interval
 * by interval). The price points are the buses of a MATPOWER tree in the case's order, as prices.csv;
 * on a three-phase feeder they are the phase nodes (bus and phase, phase to ground) in the order of
 * phase_prices.csv, and the lowest voltage is the lowest phase voltage of the three-phase power flow.
 *
 * @param participants participant ids, scenario order
 * @param buses MATPOWER bus numbers of the tree, in the case's order; on a three-phase feeder the
 *     OpenDSS bus index of each phase node
 * @param busIndex for each entry of {@code buses}, its index in the radial network; on a three-phase
 *     feeder the phase node's index in {@link ThreePhaseDayClearing#pricedPorts()}
 * @param intervals the horizon's intervals
 * @param pointNames each price point's name: the MATPOWER bus number, or the OpenDSS bus and phase
 *     ({@code 675.a})
 */
public record DayOutputs(List<String> participants, int[] buses, int[] busIndex, int intervals,
    List<String> pointNames) {
  /** Index of what the buildings pay, net [money]. */
  public static final int TOTAL_COST = 0;
  /** Index of the lowest AC voltage of the day over the converged intervals [p.u.]. */
  public static final int VMIN = 1;

  /** The outputs of a MATPOWER scenario: price points are named by their bus numbers. */
  public DayOutputs(List<String> participants, int[] buses, int[] busIndex, int intervals) {
    this(participants, buses, busIndex, intervals, Arrays.stream(buses).mapToObj(Integer::toString).toList());
  }

  public DayOutputs {
    participants = List.copyOf(participants);
    buses = buses.clone();
    busIndex = busIndex.clone();
    pointNames = List.copyOf(pointNames);
    if (pointNames.size() != buses.length) {
      throw new IllegalArgumentException("one name per price point");
    }
  }

  /** The outputs of a three-phase day: every phase node priced (phase to ground), as phase_prices.csv lists them. */
  public static DayOutputs of(ThreePhaseDayClearing clearing) {
    PhaseNetwork net = clearing.model().network();
    List<LinDist3Flow.Port> ports = clearing.pricedPorts();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).minus() < 0) {
        index.add(i); // the feeder loads' delta ports are priced for the DSO's accounts only
      }
    }
    int[] busIndex = index.stream().mapToInt(Integer::intValue).toArray();
    int[] buses = Arrays.stream(busIndex).map(i -> net.busOf(ports.get(i).plus())).toArray();
    List<String> names = Arrays.stream(busIndex).mapToObj(i -> net.busNames()[net.busOf(ports.get(i).plus())] + "."
        + PhaseConnection.letter(net.nodeNumbers()[ports.get(i).plus()])).toList();
    ThreePhaseScenario s = clearing.scenario();
    return new DayOutputs(s.participants().stream().map(Participant::id).toList(), buses, busIndex,
        s.horizon().intervals(), names);
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

  /** MATPOWER number of the i-th bus (on a three-phase feeder: the OpenDSS bus index of the i-th phase node). */
  public int bus(int i) {
    return buses[i];
  }

  /** The i-th price point's name: its MATPOWER bus number, or its OpenDSS bus and phase ({@code 675.a}). */
  public String point(int i) {
    return pointNames.get(i);
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
    costs(settlement, y);
    for (int t = 0; t < intervals; t++) {
      for (int i = 0; i < buses.length; i++) {
        y[dlmp(t, i)] = dlmp.get(t, busIndex[i]);
      }
    }
    return Optional.of(y);
  }

  /**
   * The vector of a three-phase day settled by a mechanism; empty when the day has no schedule or no
   * settlement, or when no interval's power flow converged. The lowest voltage is over every phase node
   * outside the source bus and every converged interval.
   */
  public Optional<double[]> extract(ThreePhaseMarket market, Optional<SettlementResult> settled) {
    if (market.outcome().isEmpty() || settled.isEmpty()) {
      return Optional.empty();
    }
    double vmin = Double.POSITIVE_INFINITY;
    for (ThreePhaseAcCheck.Report r : market.acChecks()) {
      if (r.result().converged()) {
        vmin = Math.min(vmin, r.result().vmPu(r.lowestNode()));
      }
    }
    if (vmin == Double.POSITIVE_INFINITY) {
      return Optional.empty();
    }
    double[] y = new double[size()];
    y[TOTAL_COST] = settled.get().totalCost();
    y[VMIN] = vmin;
    costs(settled.get(), y);
    for (int t = 0; t < intervals; t++) {
      List<PhasePrice> prices = market.day().intervals().get(t).prices();
      for (int i = 0; i < buses.length; i++) {
        y[dlmp(t, i)] = prices.get(busIndex[i]).dlmp();
      }
    }
    return Optional.of(y);
  }

  private void costs(SettlementResult settlement, double[] y) {
    for (int p = 0; p < participants.size(); p++) {
      ParticipantSettlement s = settlement.participants().get(p);
      if (!s.participant().equals(participants.get(p))) {
        throw new IllegalStateException("settlement rows are not in scenario order: " + s.participant());
      }
      y[cost(p)] = s.cost();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayOutputs d && participants.equals(d.participants) && Arrays.equals(buses, d.buses)
        && intervals == d.intervals && pointNames.equals(d.pointNames);
  }

  @Override
  public int hashCode() {
    return participants.hashCode() * 31 + Arrays.hashCode(buses);
  }
}
