package org.peergrid.market.realtime;

import java.util.Optional;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.CoopAgents;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcGameClearing;
import org.peergrid.market.vc.VcNashGame;

/**
 * The day ahead of a community mechanism (vc-game, vc-coop) as real time takes it: the mechanism's
 * schedule, its own settlement (the game's rules, or the bargained split) and its communities, in
 * which real time nets deviations first (docs/realtime.md §3).
 *
 * @param dispatch the mechanism's dispatch result: OPTIMAL when it scheduled the day
 * @param dayAhead the day-ahead result; empty when the mechanism scheduled nothing or could not settle
 * @param why why there is no day-ahead result (empty when there is)
 */
public record CommunityDayAhead(DispatchResult dispatch, Optional<DayAhead> dayAhead, String why) {

  /** Plays vc-game with the default formation and settings and takes its equilibrium. */
  public static CommunityDayAhead vcGame(Scenario s) {
    return vcGame(s, VcNashGame.PlayerPlacement.LOCAL);
  }

  /** As {@link #vcGame(Scenario)}, with the players placed by {@code placement} (on a cluster: docs/cluster.md). */
  public static CommunityDayAhead vcGame(Scenario s, VcNashGame.PlayerPlacement placement) {
    return of(VcGameClearing.clear(s, FormationRules.DEFAULT, NashGameSettings.defaults(), placement));
  }

  /** Clears vc-coop with the default formation and settings and takes its bargained schedule. */
  public static CommunityDayAhead vcCoop(Scenario s) {
    return vcCoop(s, CoopAgents.Placement.LOCAL);
  }

  /** As {@link #vcCoop(Scenario)}, with the agents placed by {@code placement} (on a cluster: docs/cluster.md). */
  public static CommunityDayAhead vcCoop(Scenario s, CoopAgents.Placement placement) {
    VcCoopClearing c = VcCoopClearing.clear(s, FormationRules.DEFAULT, GameSettings.defaults(), placement);
    return of(c.clearing(), c.game().map(g -> g.grouping()), "vc-coop, " + c.game().map(g -> g.iterations()
        + " rounds").orElse("not played"));
  }

  /** A vc-game equilibrium already played (run's stage plays it once for both its sections). */
  public static CommunityDayAhead of(VcGameClearing c) {
    return of(c.clearing(), c.equilibrium().map(VcEquilibrium::grouping), "vc-game, " + c.equilibrium()
        .map(e -> e.rounds() + " rounds, " + c.dsoPlays() + " DSO plays").orElse("not played"));
  }

  private static CommunityDayAhead of(ClearingResult c, Optional<Grouping> grouping, String how) {
    if (c.status() != DispatchStatus.OPTIMAL) {
      return new CommunityDayAhead(c.dispatch(), Optional.empty(), c.dispatch().message());
    }
    if (c.settlement().isEmpty() || grouping.isEmpty()) {
      return new CommunityDayAhead(c.dispatch(), Optional.empty(), c.mechanism() + " could not settle the day: "
          + c.outcome().map(o -> o.message()).orElse("no settlement"));
    }
    DayAhead da = new DayAhead(c.dispatch().optimal(), c.settlement().get(), "cleared now (" + how + ", "
        + c.dispatch().solveMillis() + " ms)", grouping);
    return new CommunityDayAhead(c.dispatch(), Optional.of(da), "");
  }
}
