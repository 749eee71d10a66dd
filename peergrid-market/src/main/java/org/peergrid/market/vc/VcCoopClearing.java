package org.peergrid.market.vc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.NashBargainingMechanism;

/**
 * {@code peergrid clear --mechanism vc-coop}: a clearing method of its own, not a
 * {@link org.peergrid.market.mechanism.MarketMechanism}, because a mechanism settles the central
 * schedule while the game produces its own schedule. It forms the communities, plays the game,
 * checks the game's schedule with the AC power flow, and solves the central LP of the same day only
 * to report the gap.
 *
 * <p>Money: the trades of {@link VcTrades} (B2B, B2C, C2C at the energy price, network charges) add
 * up to every member paying the DLMP it responded to. Where network limits bind, a DLMP can exceed
 * the tariff, and a member can then pay more than alone (MODEL.md §3). So the community's DLMP bill
 * is split by Nash bargaining (MODEL.md §4, the thesis's sharing rule): each member pays its DLMP
 * trades plus a transfer, and none pays more than its base cost whenever the game saves anything.
 *
 * @param clearing the game's schedule, settlement and AC check, in the engine's common form
 * @param game iterations, messages, residuals; empty when the central day is already infeasible
 * @param centralCost the central optimum's system cost, when it exists [money]
 * @param trades B2B / B2C / C2C per community and interval
 * @param acCorrection what the AC correction did ({@link AcCorrection.Outcome#describe()}); empty when off
 * @param uncorrectedCentralCost the central optimum under the scenario's own limits: with
 *     {@code centralCost} (under the AC-corrected limits) it tells what passing the AC check costs
 */
public record VcCoopClearing(ClearingResult clearing, Optional<VcCoopResult> game, OptionalDouble centralCost,
    List<TradeRow> trades, Optional<String> acCorrection, OptionalDouble uncorrectedCentralCost) {
  public static final String NAME = "vc-coop";

  public VcCoopClearing {
    trades = List.copyOf(trades);
  }

  public static VcCoopClearing clear(Scenario s, FormationRules rules, GameSettings settings) {
    return clear(s, rules, settings, CoopAgents.Placement.LOCAL);
  }

  /** As {@link #clear(Scenario, FormationRules, GameSettings)}, with the agents placed by {@code placement}. */
  public static VcCoopClearing clear(Scenario s, FormationRules rules, GameSettings settings,
      CoopAgents.Placement placement) {
    DispatchResult central = LinDistFlowDispatch.solve(s);
    if (central.status() != DispatchStatus.OPTIMAL) {
      // The game's feasible set is the central one: when that is empty, so is the game's.
      return new VcCoopClearing(new ClearingResult(NAME, central, Optional.empty(), Optional.empty()), Optional.empty(),
          OptionalDouble.empty(), List.of(), Optional.empty(), OptionalDouble.empty());
    }
    BaseCase base = BaseCase.of(s);
    Grouping grouping = VcFormation.form(s, rules);
    AcCorrection.Outcome<VcCoopResult> played = AcCorrection.run(s, t -> VcCoop.play(s, grouping, settings, t, placement),
        g -> feasible(g, settings) ? Optional.of(g.solution()) : Optional.empty(),
        settings.acCorrection() ? AcCorrection.MAX_SOLVES : 1);
    VcCoopResult game = played.result();
    // The gap is to the central optimum under the same (tightened) limits: the game's own error.
    OptionalDouble centralCost = played.tightening().tightenedCount() == 0
        ? OptionalDouble.of(central.optimal().objective()) : costOf(LinDistFlowDispatch.solve(s, played.tightening()));
    Optional<String> note = settings.acCorrection() ? Optional.of(played.describe()) : Optional.empty();
    OptionalDouble uncorrected = OptionalDouble.of(central.optimal().objective());
    if (!feasible(game, settings)) {
      DispatchResult failed = new DispatchResult(DispatchStatus.SOLVER_FAILED, "the game stopped after "
          + game.iterations() + " rounds without a schedule that the feeder can carry", Optional.empty(),
          game.runMillis());
      return new VcCoopClearing(new ClearingResult(NAME, failed, Optional.empty(), Optional.empty()), Optional.of(game),
          centralCost, List.of(), note, uncorrected);
    }
    DispatchSolution schedule = game.solution();
    String how = (game.converged() ? "converged" : "stopped at the round limit before converging") + " in "
        + game.iterations() + " rounds" + note.map(n -> " (AC-corrected: " + n + ")").orElse("");
    DispatchResult dispatch = new DispatchResult(DispatchStatus.OPTIMAL, "virtual-community decomposition (vc-coop) " + how,
        Optional.of(schedule), game.runMillis());
    MechanismOutcome bargained = new NashBargainingMechanism().settle(CooperativeOutcome.of(s, schedule, base));
    MechanismOutcome settled = bargained.settlement().map(r -> MechanismOutcome.settled(NAME, r))
        .orElse(MechanismOutcome.noSplit(NAME, bargained.message()));
    return new VcCoopClearing(new ClearingResult(NAME, dispatch, Optional.of(settled), played.check()),
        Optional.of(game), centralCost, VcTrades.of(s, game.grouping(), schedule), note, uncorrected);
  }

  private static OptionalDouble costOf(DispatchResult r) {
    return r.solution().map(d -> OptionalDouble.of(d.objective())).orElse(OptionalDouble.empty());
  }

  /** Whether the game ended with a mix that needs no slack: a schedule the feeder can carry. */
  private static boolean feasible(VcCoopResult game, GameSettings settings) {
    return !game.rounds().isEmpty()
        && game.rounds().get(game.rounds().size() - 1).slackKwh() <= settings.primalToleranceKwh();
  }

  /** 100·(game's system cost − central optimum)/|central optimum|, when both exist. */
  public OptionalDouble gapToCentralPct() {
    if (centralCost.isEmpty() || clearing.dispatch().solution().isEmpty()) {
      return OptionalDouble.empty();
    }
    double c = centralCost.getAsDouble();
    double g = clearing.dispatch().optimal().objective();
    return OptionalDouble.of(100 * (g - c) / Math.max(1e-9, Math.abs(c)));
  }
}
