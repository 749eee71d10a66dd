package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.vc.CoopAgents;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcNashGame;

/**
 * The day ahead of a community mechanism on a three-phase feeder, as real time takes it: the same as
 * {@link CommunityDayAhead} on a balanced feeder (the mechanism's schedule, its own settlement, its
 * communities, in which real time nets deviations first), played by {@link ThreePhaseVcGame} or
 * {@link ThreePhaseVcCoop} on the feeder's LinDist3Flow model, which the re-dispatch then reuses.
 *
 * @param plan the day ahead; empty when the mechanism scheduled nothing or could not settle
 * @param why why there is no day ahead (empty when there is)
 */
public record ThreePhaseCommunityDayAhead(Optional<ThreePhaseRealtime.Plan> plan, String why) {

  /** Plays vc-game with the default formation and settings and takes its equilibrium, as {@code clear} does. */
  public static ThreePhaseCommunityDayAhead vcGame(ThreePhaseScenario s) {
    return vcGame(s, VcNashGame.PlayerPlacement.LOCAL);
  }

  /** The same with the players placed by {@code placement} (on a cluster: docs/cluster.md). */
  public static ThreePhaseCommunityDayAhead vcGame(ThreePhaseScenario s, VcNashGame.PlayerPlacement placement) {
    return of(ThreePhaseVcGame.clear(s, FormationRules.DEFAULT, NashGameSettings.defaults(), false, placement));
  }

  /** Clears vc-coop with the default formation and settings and takes its bargained schedule, as {@code clear} does. */
  public static ThreePhaseCommunityDayAhead vcCoop(ThreePhaseScenario s) {
    return vcCoop(s, CoopAgents.Placement.LOCAL);
  }

  /** The same with the agents placed by {@code placement} (on a cluster: docs/cluster.md). */
  public static ThreePhaseCommunityDayAhead vcCoop(ThreePhaseScenario s, CoopAgents.Placement placement) {
    return of(ThreePhaseVcCoop.clear(s, FormationRules.DEFAULT, GameSettings.defaults(), placement));
  }

  /**
   * A vc-game equilibrium: each participant's equilibrium schedule (at the DSO's network charge), the
   * game's settlement, its communities. As on a balanced feeder, an equilibrium stopped at the round
   * limit is still the day ahead (the source says so).
   */
  public static ThreePhaseCommunityDayAhead of(ThreePhaseVcGame game) {
    VcEquilibrium e = game.equilibrium();
    List<ParticipantDay> days = new ArrayList<>();
    for (int i = 0; i < game.schedules().size(); i++) {
      days.add(ParticipantDay.of(game.schedules().get(i), e.chargePerKwh()[i].clone()));
    }
    String source = "cleared now (vc-game on LinDist3Flow, " + (e.converged() ? "equilibrium after " : "stopped at the"
        + " round limit after ") + e.rounds() + " rounds, " + game.played().describe() + ", " + e.runMillis() + " ms)";
    return new ThreePhaseCommunityDayAhead(Optional.of(ThreePhaseRealtime.Plan.of(game.scenario(), game.model(),
        days, game.systemCost(), game.settlement(), source, Optional.of(e.grouping()))), "");
  }

  /** A vc-coop decomposition: its schedule at the last master's prices, the Nash bargaining split, its communities. */
  public static ThreePhaseCommunityDayAhead of(ThreePhaseVcCoop coop) {
    if (!coop.day().optimal()) {
      return new ThreePhaseCommunityDayAhead(Optional.empty(), coop.day().message());
    }
    if (coop.settlement().isEmpty() || coop.settlement().get().status() != SettlementStatus.SETTLED) {
      return new ThreePhaseCommunityDayAhead(Optional.empty(), "vc-coop could not settle the day: "
          + coop.settlement().map(o -> o.message()).orElse("no settlement"));
    }
    String source = "cleared now (vc-coop on LinDist3Flow, " + coop.game().rounds().size() + " rounds, "
        + coop.acRounds() + " AC play(s), " + coop.game().runMillis() + " ms)";
    return new ThreePhaseCommunityDayAhead(Optional.of(ThreePhaseRealtime.Plan.of(coop.scenario(), coop.model(),
        coop.day().participants(), coop.day().cost(), coop.settlement().get().settlement().get(), source,
        Optional.of(coop.grouping()))), "");
  }
}
