package org.peergrid.market.vc;

import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.DispatchSolution;

/**
 * What the game ended with.
 *
 * @param grouping the communities that played
 * @param converged whether both residuals fell below the tolerances within the round limit
 * @param iterations rounds in which the DSO cleared offers
 * @param messages every message sent, prices, offers and acceptances
 * @param messagesByType the same by message type
 * @param rounds the residuals of every round
 * @param solution the schedule the players chose, with the network's flows and DLMPs; its objective
 *     is the system cost of MODEL.md §2 of that schedule
 * @param runMillis wall time of the game [ms]
 */
public record VcCoopResult(Grouping grouping, boolean converged, int iterations, long messages,
    Map<String, Long> messagesByType, List<GameRound> rounds, DispatchSolution solution, long runMillis) {
  public VcCoopResult {
    messagesByType = Map.copyOf(messagesByType);
    rounds = List.copyOf(rounds);
  }
}
