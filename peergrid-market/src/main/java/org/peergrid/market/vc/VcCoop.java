package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.peergrid.market.dispatch.DecompositionMaster;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LimitTightening;
import org.peergrid.market.dispatch.MasterSolution;
import org.peergrid.market.dispatch.NetworkMaster;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.CommunityOffer;
import org.peergrid.market.vc.messages.NetworkPrices;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * The cooperative optimum of docs/vc-coop.md, reached by a Dantzig–Wolfe price decomposition. Each
 * round: the DSO sends each coordinator the DLMPs at its members' buses; each coordinator passes
 * every member its own bus's prices; every agent best-responds (in parallel) with the net energy it
 * would trade and that schedule's private cost; each coordinator adds its members' offers up per bus
 * and sends them to the DSO; the DSO keeps every offer as a column and picks the cheapest mix that
 * the feeder can carry, whose duals are the next prices.
 *
 * <p>Stops when the mix needs no slack (primal residual) and the best responses prove that no other
 * schedule is cheaper by more than the dual tolerance (the Lagrangian bound of Lasdon: the mix's cost
 * plus every community's most negative reduced cost). Then each member schedules the accepted mix of
 * its own responses. Results do not depend on the thread count: every agent's answer is a function
 * of its own data and prices, and every sum is taken in a fixed order.
 */
public final class VcCoop {
  private final Scenario day;
  private final Grouping grouping;
  private final GameSettings settings;
  /** The DSO's master, built when the play starts (and closed when it ends). */
  private final java.util.function.Supplier<DecompositionMaster> master;
  private final List<Coordinator> coordinators = new ArrayList<>();
  private final List<Participant> inGameOrder = new ArrayList<>();
  private final CoopAgents.Placement placement;
  private CoopAgents agents;
  /** First agent of each community in {@link #agents}, plus the end. */
  private final int[] firstAgent;
  private final MessageLog log = new MessageLog();

  /**
   * @param location the number of the location a participant's offers are added up at: its bus on a
   *     balanced feeder, its connection on a three-phase one (the master's {@link DecompositionMaster#locationIndex})
   */
  private VcCoop(Scenario day, Grouping grouping, GameSettings settings,
      java.util.function.Supplier<DecompositionMaster> master, ToIntFunction<Participant> location,
      CoopAgents.Placement placement) {
    this.day = day;
    this.placement = placement;
    this.master = master;
    this.grouping = grouping;
    this.settings = settings;
    Map<String, Participant> byId = new HashMap<>();
    day.participants().forEach(p -> byId.put(p.id(), p));
    firstAgent = new int[grouping.communities().size() + 1];
    for (int v = 0; v < grouping.communities().size(); v++) {
      VirtualCommunity c = grouping.communities().get(v);
      firstAgent[v] = inGameOrder.size();
      List<Integer> buses = new ArrayList<>();
      for (String id : c.members()) {
        Participant p = byId.get(id);
        inGameOrder.add(p);
        buses.add(location.applyAsInt(p));
      }
      coordinators.add(new Coordinator(c.id(), c.members(), buses));
    }
    firstAgent[grouping.communities().size()] = inGameOrder.size();
  }

  /** Plays the day with the given communities. */
  public static VcCoopResult play(Scenario day, Grouping grouping, GameSettings settings) {
    return play(day, grouping, settings,
        LimitTightening.none(day.horizon().intervals(), day.network().radial().busCount()));
  }

  /**
   * Plays the day with the DSO holding the network limits tighter by {@code tightening} (the AC
   * correction: only the DSO's master changes, since only the DSO knows the network).
   */
  public static VcCoopResult play(Scenario day, Grouping grouping, GameSettings settings, LimitTightening tightening) {
    return play(day, grouping, settings, tightening, CoopAgents.Placement.LOCAL);
  }

  /** As {@link #play(Scenario, Grouping, GameSettings, LimitTightening)}, with the agents placed by {@code placement}. */
  public static VcCoopResult play(Scenario day, Grouping grouping, GameSettings settings, LimitTightening tightening,
      CoopAgents.Placement placement) {
    Decomposed d = new VcCoop(day, grouping, settings, () -> NetworkMaster.of(day, tightening), Participant::bus,
        placement).run();
    DispatchSolution network = d.mix().network().orElseThrow();
    DispatchSolution solution = new DispatchSolution(d.mix().objectiveWithoutSlack(), d.schedules(),
        network.gridImportKw(), network.gridExportKw(), network.prices(), network.network(), network.notes());
    return new VcCoopResult(grouping, d.converged(), d.rounds().size(), d.messages(), d.messagesByType(), d.rounds(),
        solution, d.runMillis());
  }

  /**
   * What the decomposition ends with, on any feeder.
   *
   * @param schedules every participant's accepted schedule, in scenario order
   * @param mix the DSO's last restricted master
   */
  public record Decomposed(boolean converged, long messages, Map<String, Long> messagesByType, List<GameRound> rounds,
      List<ParticipantSchedule> schedules, MasterSolution mix, long runMillis) {}

  /**
   * The decomposition with the DSO's master given: the play of {@link #play} on a feeder that is not the
   * scenario's balanced one (a three-phase feeder's master), every agent in this JVM.
   *
   * @param master the DSO's master, closed at the end
   * @param location where each participant's offers are added up (the master's location numbers)
   */
  public static Decomposed decompose(Scenario day, Grouping grouping, GameSettings settings, DecompositionMaster master,
      ToIntFunction<Participant> location) {
    return decompose(day, grouping, settings, master, location, CoopAgents.Placement.LOCAL);
  }

  /** The same with the agents placed by {@code placement} (on a cluster: docs/cluster.md). */
  public static Decomposed decompose(Scenario day, Grouping grouping, GameSettings settings, DecompositionMaster master,
      ToIntFunction<Participant> location, CoopAgents.Placement placement) {
    return new VcCoop(day, grouping, settings, () -> master, location, placement).run();
  }

  private Decomposed run() {
    long start = System.nanoTime();
    int vcs = coordinators.size();
    List<GameRound> rounds = new ArrayList<>();
    agents = placement.place(day, inGameOrder, settings);
    try (Dso dso = new Dso(day, vcs, master.get())) {
      NetworkPrices[] prices = new NetworkPrices[vcs];
      for (int v = 0; v < vcs; v++) {
        prices[v] = dso.opening(coordinators.get(v).id(), coordinators.get(v).busNumbers());
      }
      MasterSolution mix = null;
      boolean converged = false;
      for (int round = 0; round <= settings.maxIterations(); round++) {
        CommunityOffer[] offers = offersAt(prices, round);
        if (mix != null) {
          GameRound r = new GameRound(round, mix.objective(), lowerBound(mix, prices, offers), mix.slackKwh());
          rounds.add(r);
          if (r.slackKwh() <= settings.primalToleranceKwh() && r.relativeGap() <= settings.dualTolerance()) {
            converged = true;
            break;
          }
          if (round == settings.maxIterations()) {
            break;
          }
        }
        for (int v = 0; v < vcs; v++) {
          dso.receive(v, offers[v]);
        }
        mix = dso.clear();
        for (int v = 0; v < vcs; v++) {
          prices[v] = dso.prices(v, coordinators.get(v).id(), round + 1, coordinators.get(v).busNumbers());
        }
      }
      List<ParticipantSchedule> schedules = accept(dso);
      return new Decomposed(converged, log.total(), log.byType(), rounds, inScenarioOrder(schedules), mix,
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      agents.close();
    }
  }

  /** One round of prices out and offers in; the agents answer in parallel. */
  private CommunityOffer[] offersAt(NetworkPrices[] prices, int round) {
    PriceSignal[] signals = new PriceSignal[inGameOrder.size()];
    for (int v = 0; v < coordinators.size(); v++) {
      log.sent(prices[v]);
      List<PriceSignal> relayed = coordinators.get(v).relay(prices[v]);
      log.sent(relayed);
      for (int i = 0; i < relayed.size(); i++) {
        signals[firstAgent[v] + i] = relayed.get(i);
      }
    }
    Offer[] answers = agents.respond(signals);
    CommunityOffer[] offers = new CommunityOffer[coordinators.size()];
    for (int v = 0; v < coordinators.size(); v++) {
      List<Offer> members = List.of(answers).subList(firstAgent[v], firstAgent[v + 1]);
      log.sent(members);
      offers[v] = coordinators.get(v).aggregate(round, members);
      log.sent(offers[v]);
    }
    return offers;
  }

  /**
   * Lasdon's bound: the mix's cost plus, for every community, how much cheaper its new offer is at
   * the mix's prices than the value the DSO puts on its current offers (when it is cheaper at all).
   */
  private static double lowerBound(MasterSolution mix, NetworkPrices[] prices, CommunityOffer[] offers) {
    double bound = mix.objective();
    for (int v = 0; v < offers.length; v++) {
      double priced = offers[v].cost();
      double[][] q = offers[v].quantityKwh();
      double[][] p = prices[v].pricePerKwh();
      for (int j = 0; j < q.length; j++) {
        for (int t = 0; t < q[j].length; t++) {
          priced += p[j][t] * q[j][t];
        }
      }
      bound += Math.min(0, priced - prices[v].offerValue());
    }
    return bound;
  }

  private List<ParticipantSchedule> accept(Dso dso) {
    Acceptance[] acceptances = new Acceptance[inGameOrder.size()];
    for (int v = 0; v < coordinators.size(); v++) {
      Acceptance accepted = dso.acceptance(v, coordinators.get(v).id());
      log.sent(accepted);
      List<Acceptance> relayed = coordinators.get(v).relay(accepted);
      log.sent(relayed);
      for (int i = 0; i < relayed.size(); i++) {
        acceptances[firstAgent[v] + i] = relayed.get(i);
      }
    }
    return List.of(agents.schedules(acceptances));
  }

  private List<ParticipantSchedule> inScenarioOrder(List<ParticipantSchedule> schedules) {
    Map<String, ParticipantSchedule> byId = new HashMap<>();
    schedules.forEach(s -> byId.put(s.id(), s));
    return day.participants().stream().map(p -> byId.get(p.id())).toList();
  }
}
