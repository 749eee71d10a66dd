package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * A three-phase day as the games' players and community formation see it (docs/vc-game.md,
 * "On a three-phase feeder"): a {@link Scenario} with the same horizon, tariffs and participants,
 * whose feeder is only the three-phase feeder's bus tree with each bus's electrical distance from
 * the source. The players never see the feeder (only the DSO does: {@link ThreePhaseGameFeeder}),
 * and each player's own problem is on one bus; formation's locality rule (docs/vc-coop.md §1) reads
 * the tree. No power flow, price or limit is ever computed on this tree.
 *
 * <p>The distance: LinDistFlow's R_0k, the resistance that a bus's root path shares with itself, is
 * half the drop of v² per unit of withdrawal there. On the three-phase feeder that drop is taken from
 * LinDist3Flow: 1 kW withdrawn at the bus, spread equally over its phases, lowers its phases' mean v²
 * by 2 R_0k (p.u. on 1 MVA); each branch gets R_0k − R_0,parent (at least 1e-9, so that the tree stays
 * a tree where a regulator or a transformer makes the difference vanish).
 */
public final class PlayersDay {
  /** The base power of the tree [MVA]: R_0k is in p.u. on it. */
  private static final double BASE_MVA = 1;
  private static final double SMALLEST_R_PU = 1e-9;

  private PlayersDay() {}

  public static Scenario of(ThreePhaseScenario s, LinDist3Flow model) {
    return of(s, model, false);
  }

  /**
   * The same, with the feeder's LinDist3Flow model built here: what a game's player or agent on a
   * cluster node builds from the scenario file (docs/cluster.md), equal to the driver's day.
   */
  public static Scenario of(ThreePhaseScenario s) {
    return of(s, ThreePhaseDayClearing.model(s));
  }

  /**
   * The same tree with the feeder's own loads on it as background load (each bus the sum of the loads
   * connected there, scaled by {@code network.background_profile}): the day of p2p-nuc's peers, whose
   * market (without network limits) balances against the feeder's loads as the day's clearing does.
   */
  public static Scenario withFeederLoads(ThreePhaseScenario s, LinDist3Flow model) {
    return of(s, model, true);
  }

  private static Scenario of(ThreePhaseScenario s, LinDist3Flow model, boolean feederLoads) {
    PhaseNetwork net = model.network();
    int buses = net.busCount();
    double[] loadKw = new double[buses];
    double[] loadKvar = new double[buses];
    if (feederLoads) {
      for (LinDist3Flow.Injection load : model.feederInjections()) {
        loadKw[net.busOf(load.port().plus())] -= load.pKw();
        loadKvar[net.busOf(load.port().plus())] -= load.qKvar();
      }
    }
    double[] rootR = new double[buses];
    List<Bus> bus = new ArrayList<>();
    List<Branch> branches = new ArrayList<>();
    bus.add(new Bus(0, BusType.REFERENCE, 0, 0, 0, 0, 1, 0, 1, 1.1, 0.9));
    for (int b = 1; b < buses; b++) {
      List<Integer> phases = new ArrayList<>();
      for (int number = 1; number <= 3; number++) {
        if (net.node(b, number) >= 0) {
          phases.add(net.node(b, number));
        }
      }
      double drop = 0;
      for (int from : phases) {
        double[] dvdp = model.sensitivity(new LinDist3Flow.Port(from, -1))[0];
        for (int at : phases) {
          // 1/m kW withdrawn through each phase lowers v² by what 1/m kW injected raises it (∂v²/∂p of an
          // injection); the mean over the bus's m phases
          drop += dvdp[at] / (phases.size() * phases.size());
        }
      }
      rootR[b] = phases.isEmpty() ? rootR[net.parent()[b]] : drop * BASE_MVA * 1000 / 2;
      bus.add(Bus.load(b, loadKw[b], loadKvar[b], 1));
      double r = Math.max(SMALLEST_R_PU, rootR[b] - rootR[net.parent()[b]]);
      branches.add(Branch.line(b, net.parent()[b], b, r, r));
    }
    RadialNetwork radial = RadialNetwork.of(new Feeder(net.name(), BASE_MVA, bus, branches, List.of()));
    NetworkSettings tree = new NetworkSettings(s.network().opendss(), radial, s.network().vminPu(),
        s.network().vmaxPu(), Math.max(s.network().vminPu(), Math.min(1, s.network().vmaxPu())), feederLoads,
        s.network().backgroundProfile(), Map.of(), false);
    return new Scenario(s.name(), s.currency(), tree, s.horizon(), s.tariff(), s.participants(), null, null, null,
        s.bargaining());
  }
}
