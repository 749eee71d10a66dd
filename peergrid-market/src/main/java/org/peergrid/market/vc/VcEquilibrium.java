package org.peergrid.market.vc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.peergrid.market.dispatch.ParticipantSchedule;

/**
 * The end of one play of the non-cooperative game with fixed network charges.
 *
 * @param grouping the communities
 * @param converged whether every player's gain fell within its tolerance before the round limit
 * @param rounds best-response rounds played, over every play of the DSO's loop
 * @param messages messages exchanged, by all players, coordinators, the market between
 *     communities and the DSO, over every play of the DSO's loop
 * @param messagesByType the same by message type
 * @param schedules every participant's final schedule, in scenario order
 * @param players every player's cost, cost alone and ε (the certificate), in scenario order
 * @param chargePerKwh the DSO's network charge [participant in scenario order][interval]
 * @param baselineKwh each participant's net withdrawal alone (its first bid), on whose difference
 *     the charge is levied [participant in scenario order][interval]
 * @param runMillis wall time, over every play of the DSO's loop
 */
public record VcEquilibrium(Grouping grouping, boolean converged, int rounds, long messages,
    Map<String, Long> messagesByType, List<ParticipantSchedule> schedules, List<PlayerOutcome> players,
    double[][] chargePerKwh, double[][] baselineKwh, long runMillis) {
  public VcEquilibrium {
    messagesByType = Map.copyOf(messagesByType);
    schedules = List.copyOf(schedules);
    players = List.copyOf(players);
  }

  /** The largest ε over all players [money]. */
  public double largestEpsilon() {
    return players.stream().mapToDouble(PlayerOutcome::epsilon).max().orElse(0);
  }

  /** The largest ε in % of the player's cost alone, over players whose cost alone is at least 1. */
  public OptionalDouble largestEpsilonPct() {
    return players.stream().map(PlayerOutcome::epsilonPct).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).max();
  }

  /** The player with the largest ε. */
  public PlayerOutcome worstPlayer() {
    return players.stream().max(Comparator.comparingDouble(PlayerOutcome::epsilon)).orElseThrow();
  }

  public PlayerOutcome player(String id) {
    return players.stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no player " + id));
  }
}
