package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;
import org.peergrid.market.vc.messages.NetworkCharges;
import org.peergrid.market.vc.messages.Residual;

/**
 * The non-cooperative game among virtual communities (thesis chapter 4; docs/vc-game.md), played
 * with fixed network charges. Players: every participant ({@link Player}). Each round:
 *
 * <ol>
 *   <li>each coordinator adds its members' bids up into the community's supply and demand per
 *       interval and sends its residual (surplus or deficit) to the market between communities
 *       ({@link Residual}), which answers each with the other communities' totals;
 *   <li>each coordinator sends each member the totals of the others ({@link MarketState}: the other
 *       members' supply and demand, the other communities' surplus and deficit, its network charge);
 *   <li>every player solves its own problem exactly under the market's rules ({@link PeerMarketRules})
 *       and moves part of the way to its best response if that gains more than its tolerance
 *       ({@link Bid}).
 * </ol>
 *
 * <p>Stops when no player moved; then a certificate round asks every player its exact best response
 * against the final offers, with the rules applied to its deviation: its gain is its ε. Results do
 * not depend on the thread count: a player's answer depends only on the totals it is sent, and every
 * sum is taken in a fixed order.
 */
public final class VcNashGame implements AutoCloseable {
  private final Scenario day;
  private final Grouping grouping;
  private final NashGameSettings settings;
  private double[][] charge;
  private final NashPlayers players;
  private Bid[] bids;
  /** Best-response rounds over every play. */
  private int totalRounds;
  /** Wall time over every play [ms]. */
  private long totalMillis;
  /** The scenario index of each player. */
  private final List<Integer> scenarioIndex = new ArrayList<>();
  /** First player of each community in {@link #players}, plus the end. */
  private final int[] first;
  private final MessageLog log = new MessageLog();
  /** Rounds of a play after which the step shrinks again. */
  static final int STEP_HALVING = 40;

  private VcNashGame(Scenario day, Grouping grouping, NashGameSettings settings, PlayerPlacement placement) {
    this.day = day;
    this.grouping = grouping;
    this.settings = settings;
    List<Participant> inGameOrder = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < day.participants().size(); i++) {
      index.put(day.participants().get(i).id(), i);
    }
    first = new int[grouping.communities().size() + 1];
    for (int v = 0; v < grouping.communities().size(); v++) {
      first[v] = inGameOrder.size();
      for (String id : grouping.communities().get(v).members()) {
        int i = index.get(id);
        inGameOrder.add(day.participants().get(i));
        scenarioIndex.add(i);
      }
    }
    first[grouping.communities().size()] = inGameOrder.size();
    this.players = placement.place(day, inGameOrder, settings);
  }

  /** Where the players live: the game gives the participants in its order and talks to what comes back. */
  @FunctionalInterface
  public interface PlayerPlacement {
    NashPlayers place(Scenario day, List<Participant> inGameOrder, NashGameSettings settings);

    /** Every player in this JVM. */
    PlayerPlacement LOCAL = (day, players, settings) -> new LocalNashPlayers(day, players,
        settings.relativeTolerance(), settings.threads());
  }

  /**
   * Plays the day.
   *
   * @param chargePerKwh the DSO's network charge [participant in scenario order][interval] [money/kWh]
   */
  public static VcEquilibrium play(Scenario day, Grouping grouping, double[][] chargePerKwh,
      NashGameSettings settings) {
    try (VcNashGame game = of(day, grouping, settings)) {
      return game.play(chargePerKwh);
    }
  }

  /** A game whose players keep their offers between plays, so that the DSO can change its charges and replay. */
  public static VcNashGame of(Scenario day, Grouping grouping, NashGameSettings settings) {
    return of(day, grouping, settings, PlayerPlacement.LOCAL);
  }

  /** As {@link #of(Scenario, Grouping, NashGameSettings)}, with the players placed by {@code placement}. */
  public static VcNashGame of(Scenario day, Grouping grouping, NashGameSettings settings, PlayerPlacement placement) {
    return new VcNashGame(day, grouping, settings, placement);
  }

  /**
   * Plays to an equilibrium under these charges, starting from where the players are: at the first
   * play, each alone at the tariffs.
   *
   * @param chargePerKwh the DSO's network charge [participant in scenario order][interval] [money/kWh]
   */
  public VcEquilibrium play(double[][] chargePerKwh) {
    long start = System.nanoTime();
    charge = chargePerKwh;
    {
      sendCharges();
      if (bids == null) {
        bids = players.open();
      }
      int rounds = 0;
      boolean converged = false;
      while (rounds < settings.maxRounds()) {
        rounds++;
        totalRounds++;
        // Diminishing steps when a play drags on: a damped Jacobi iteration that oscillates settles
        // once its steps shrink (the step falls as 1/k every STEP_HALVING rounds of a play).
        double step = settings.step() / (1 + (rounds - 1) / STEP_HALVING);
        MarketState[] states = states(bids, rounds, step);
        PlayerHost.Reply[] replies = players.respond(states);
        boolean allSettled = true;
        for (int i = 0; i < replies.length; i++) {
          bids[i] = replies[i].bid();
          log.sent(bids[i]);
          allSettled &= replies[i].settled();
        }
        if (allSettled) {
          converged = true;
          break;
        }
      }
      MarketState[] last = states(bids, rounds + 1, 0);
      double[] epsilon = players.certify(last);
      totalMillis += (System.nanoTime() - start) / 1_000_000;
      return result(converged, rounds, epsilon, totalMillis);
    }
  }

  @Override
  public void close() {
    players.close();
  }

  /** The DSO's charges to each coordinator, once per play (only counted: the players read them from the state). */
  private void sendCharges() {
    for (int v = 0; v < grouping.communities().size(); v++) {
      double[][] perMember = new double[first[v + 1] - first[v]][];
      int[] buses = new int[perMember.length];
      for (int i = first[v]; i < first[v + 1]; i++) {
        perMember[i - first[v]] = charge[scenarioIndex.get(i)].clone();
        buses[i - first[v]] = day.participants().get(scenarioIndex.get(i)).bus();
      }
      log.sent(new NetworkCharges(grouping.communities().get(v).id(), 0, buses, perMember));
    }
  }

  /** Coordinators' totals, the market between communities, and each member's state. */
  private MarketState[] states(Bid[] bids, int round, double step) {
    int n = day.horizon().intervals();
    int vcs = grouping.communities().size();
    double[][] supply = new double[vcs][n];
    double[][] demand = new double[vcs][n];
    double[] allSurplus = new double[n];
    double[] allDeficit = new double[n];
    Residual[] residuals = new Residual[vcs];
    for (int v = 0; v < vcs; v++) {
      for (int i = first[v]; i < first[v + 1]; i++) {
        double[] q = bids[i].quantityKwh();
        for (int t = 0; t < n; t++) {
          supply[v][t] += Math.max(0, -q[t]);
          demand[v][t] += Math.max(0, q[t]);
        }
      }
      double[] surplus = new double[n];
      double[] deficit = new double[n];
      for (int t = 0; t < n; t++) {
        surplus[t] = Math.max(0, supply[v][t] - demand[v][t]);
        deficit[t] = Math.max(0, demand[v][t] - supply[v][t]);
        allSurplus[t] += surplus[t];
        allDeficit[t] += deficit[t];
      }
      residuals[v] = new Residual(grouping.communities().get(v).id(), round, surplus, deficit);
      log.sent(residuals[v]);
    }
    MarketState[] states = new MarketState[scenarioIndex.size()];
    for (int v = 0; v < vcs; v++) {
      double[] otherSurplus = new double[n];
      double[] otherDeficit = new double[n];
      for (int t = 0; t < n; t++) {
        otherSurplus[t] = Math.max(0, allSurplus[t] - residuals[v].surplusKwh()[t]);
        otherDeficit[t] = Math.max(0, allDeficit[t] - residuals[v].deficitKwh()[t]);
      }
      log.sent(new Residual(grouping.communities().get(v).id(), round, otherSurplus, otherDeficit));
      for (int i = first[v]; i < first[v + 1]; i++) {
        double[] q = bids[i].quantityKwh();
        double[] s = new double[n];
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
          s[t] = Math.max(0, supply[v][t] - Math.max(0, -q[t]));
          d[t] = Math.max(0, demand[v][t] - Math.max(0, q[t]));
        }
        states[i] = new MarketState(day.participants().get(scenarioIndex.get(i)).id(), round, s, d, otherSurplus, otherDeficit,
            charge[scenarioIndex.get(i)].clone(), step);
        log.sent(states[i]);
      }
    }
    return states;
  }

  private VcEquilibrium result(boolean converged, int rounds, double[] epsilon, long millis) {
    int count = day.participants().size();
    ParticipantSchedule[] schedules = new ParticipantSchedule[count];
    PlayerOutcome[] outcomes = new PlayerOutcome[count];
    double[][] baseline = new double[count][];
    PlayerHost.Outcome[] where = players.outcomes();
    for (int i = 0; i < where.length; i++) {
      PlayerHost.Outcome p = where[i];
      schedules[scenarioIndex.get(i)] = p.schedule();
      baseline[scenarioIndex.get(i)] = p.baselineKwh();
      outcomes[scenarioIndex.get(i)] = new PlayerOutcome(p.id(), p.cost(), p.aloneCost(), epsilon[i]);
    }
    return new VcEquilibrium(grouping, converged, totalRounds, log.total(), log.byType(), List.of(schedules),
        List.of(outcomes), charge, baseline, millis);
  }

  /** All messages so far, over every play. */
  long messages() {
    return log.total();
  }

  /** Ids in scenario order (for callers that index charges). */
  static List<String> ids(Scenario day) {
    return day.participants().stream().map(Participant::id).toList();
  }
}
