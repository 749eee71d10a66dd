package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.NashBargainingMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.vc.CoopAgents;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.VcCoop;
import org.peergrid.market.vc.TradeRow;
import org.peergrid.market.vc.VcFormation;
import org.peergrid.market.vc.VcTrades;

/**
 * {@code peergrid clear --mechanism vc-coop} on a three-phase scenario (docs/vc-coop.md, "On a
 * three-phase feeder"): the same communities, agents, messages and stopping rule as on a balanced
 * feeder ({@link VcCoop}), with the DSO's master the day's LinDist3Flow LP over the communities'
 * proposals ({@link ThreePhaseMaster}). After each play the DSO runs the three-phase power flow of the
 * accepted schedule ({@link ThreePhaseGameFeeder#check}) and tightens its master's rows as the day's
 * clearing does ({@link ThreePhaseAcMargins}: every phase node outside its voltage limits, every
 * three-phase bus above {@code unbalance_pu}, every line above {@code line_limit_a}; an unbalance
 * tightening that leaves no schedule the feeder can carry is undone and frozen), gives every interval
 * the largest margin of any ({@link ThreePhaseAcMargins#spreadOverIntervals}), and the game is played
 * again, at most {@link #MAX_PLAYS} times. The bill is split by Nash bargaining, as on a balanced feeder,
 * at the last master's DLMPs (each participant at the mean of its phases').
 *
 * @param players the day as the agents see it ({@link PlayersDay})
 * @param game the last play the feeder could carry (the last play when none could)
 * @param acRounds how many plays the AC correction ran (an infeasible one included)
 * @param acCheck that play's power flows (null when no play could be carried)
 * @param acPassed whether every interval's power flow converged with every phase node inside the voltage
 *     limits, every three-phase bus inside the unbalance limit and every limited line inside its current
 *     limit (to {@link AcCheck#VOLTAGE_TOLERANCE_PU}), as {@link ThreePhaseMarket#acPassed()}
 * @param worstViolationPu how far outside the voltage or unbalance limits the power flow is at worst, p.u.
 *     (a line's excess current as a fraction of its limit); 0 when inside
 * @param unbalanceCorrectionInfeasible whether tightening the unbalance rows left no schedule the feeder
 *     can carry, so the unbalance margins stayed at their last feasible values (the check does not pass)
 * @param day that play's schedule and its master's intervals (voltages, DLMPs), as the day's clearing reports them
 * @param settlement the Nash bargaining split of the community's DLMP bill
 * @param centralCost the day's LP under the same (tightened) limits: what the decomposition must reach [money]
 * @param dlmpCost the three-phase clearing of {@code --mechanism dlmp}, with its own AC correction [money]
 */
public record ThreePhaseVcCoop(ThreePhaseScenario scenario, Scenario players, LinDist3Flow model, Grouping grouping,
    VcCoop.Decomposed game, int acRounds, ThreePhaseGameFeeder.Check acCheck, boolean acPassed,
    double worstViolationPu, boolean unbalanceCorrectionInfeasible, ThreePhaseDay day,
    Optional<MechanismOutcome> settlement, OptionalDouble centralCost, OptionalDouble dlmpCost) {
  public static final String NAME = "vc-coop";

  /**
   * The most plays the AC correction runs: vc-coop's own cap, not the day's clearing's
   * ({@link ThreePhaseMarket#MAX_ROUNDS}), since a play is a whole game (fresh agents, their LPs rebuilt) and
   * the cap bounds the corrected clearing at that many games' time. examples/ieee13-3ph at its 5 % passes
   * in 5 plays (8 with margins per interval, 11 voltages alone); 10 leaves room for a feeder whose model
   * error is larger, and a correction that has not passed by then is reported as not passed.
   */
  public static final int MAX_PLAYS = 10;

  /**
   * B2B / B2C / C2C per community and interval ({@link VcTrades}), at the last master's prices: λ_0,t and
   * each participant's mean of its phases' DLMPs; empty when the play ended without a schedule.
   */
  public List<TradeRow> trades() {
    if (!day.optimal()) {
      return List.of();
    }
    java.util.Map<String, ParticipantSchedule> byId = new java.util.HashMap<>();
    game.schedules().forEach(x -> byId.put(x.id(), x));
    return VcTrades.of(players, grouping, byId::get, new VcTrades.Prices() {
      @Override
      public double energy(int t) {
        return day.intervals().get(t).prices().get(0).energy();
      }

      @Override
      public double dlmp(String participantId, int t) {
        return day.participant(participantId).price()[t];
      }
    });
  }

  public static ThreePhaseVcCoop clear(ThreePhaseScenario s, FormationRules rules, GameSettings settings) {
    return clear(s, rules, settings, CoopAgents.Placement.LOCAL);
  }

  /**
   * The same with the agents placed by {@code placement} (on a cluster each reads its own participant
   * and builds {@link PlayersDay} on its node: docs/cluster.md); the DSO's master and AC check stay here,
   * and every play of the AC correction places fresh agents.
   */
  public static ThreePhaseVcCoop clear(ThreePhaseScenario s, FormationRules rules, GameSettings settings,
      CoopAgents.Placement placement) {
    LinDist3Flow model = ThreePhaseDayClearing.model(s);
    ThreePhaseDayClearing clearing = new ThreePhaseDayClearing(s, model);
    Scenario players = PlayersDay.of(s, model);
    Grouping grouping = VcFormation.form(players, rules);
    ThreePhaseMaster.Locations locations = ThreePhaseMaster.Locations.of(s, model);
    ThreePhaseGameFeeder feeder = new ThreePhaseGameFeeder(s, model);
    ThreePhaseAcMargins margins = new ThreePhaseAcMargins(s.horizon().intervals(), model.network().nodeCount(),
        clearing.lineLimits().size());
    int maxPlays = settings.acCorrection() && s.network().acCorrection() ? MAX_PLAYS : 1;
    Play played = null; // the last play whose accepted schedule the feeder can carry
    VcCoop.Decomposed game = null;
    int round = 0;
    while (round < maxPlays) {
      round++;
      ThreePhaseAcMargins playedMargins = margins.copy();
      ThreePhaseMaster master = new ThreePhaseMaster(clearing, locations.offers(), playedMargins);
      game = VcCoop.decompose(players, grouping, settings, master, p -> locations.byParticipant().get(p.id()),
          placement);
      if (!feasible(game, settings) || master.lastIntervals().isEmpty()) {
        if (played != null && margins.freezeUnbalance()) {
          continue; // the voltages and lines alone are corrected further; the check will not pass
        }
        break; // the last play the feeder could carry stays, its check not passed
      }
      margins.feasible();
      ThreePhaseGameFeeder.Check check = feeder.check(game.schedules());
      ThreePhaseAcMargins.Found found = margins.tighten(
          check.reports().stream().map(ThreePhaseAcCheck.Report::result).toList(), clearing);
      played = new Play(game, master.lastIntervals(), playedMargins, check, found);
      if (margins.done(found)) {
        break;
      }
      margins.spreadOverIntervals();
    }
    ThreePhaseMarket dlmp = ThreePhaseMarket.solve(clearing);
    OptionalDouble dlmpCost = dlmp.day().optimal() ? OptionalDouble.of(dlmp.day().cost()) : OptionalDouble.empty();
    if (played == null) {
      ThreePhaseDay central = clearing.clear();
      ThreePhaseDay failed = ThreePhaseDay.failed(ThreePhaseClearingResult.Status.NOT_SOLVED, "the game stopped after "
          + game.rounds().size() + " rounds without a schedule that the feeder can carry");
      return new ThreePhaseVcCoop(s, players, model, grouping, game, round, null, false, Double.NaN, false, failed,
          Optional.empty(), central.optimal() ? OptionalDouble.of(central.cost()) : OptionalDouble.empty(), dlmpCost);
    }
    ThreePhaseDay central = played.margins().clear(clearing);
    OptionalDouble centralCost = central.optimal() ? OptionalDouble.of(central.cost()) : OptionalDouble.empty();
    ThreePhaseDay day = day(s, locations, played.game(), played.intervals());
    MechanismOutcome bargained = new NashBargainingMechanism().settle(ThreePhaseMarket.outcome(clearing, day));
    MechanismOutcome settled = bargained.settlement().map(r -> MechanismOutcome.settled(NAME, r))
        .orElse(MechanismOutcome.noSplit(NAME, bargained.message()));
    return new ThreePhaseVcCoop(s, players, model, grouping, played.game(), round, played.check(),
        played.found().passed(), played.found().worstPu(), margins.unbalanceFrozen(), day, Optional.of(settled),
        centralCost, dlmpCost);
  }

  /** A play whose accepted schedule the feeder can carry: the game, its master's intervals, its margins, its check. */
  private record Play(VcCoop.Decomposed game, List<ThreePhaseClearingResult> intervals, ThreePhaseAcMargins margins,
      ThreePhaseGameFeeder.Check check, ThreePhaseAcMargins.Found found) {}

  /** The accepted schedules as the day's clearing reports a day, each participant at its location's price. */
  private static ThreePhaseDay day(ThreePhaseScenario s, ThreePhaseMaster.Locations locations, VcCoop.Decomposed game,
      List<ThreePhaseClearingResult> intervals) {
    int nt = s.horizon().intervals();
    List<ParticipantDay> days = new ArrayList<>();
    for (int i = 0; i < s.participants().size(); i++) {
      ParticipantSchedule x = game.schedules().get(i);
      List<LinDist3Flow.Port> ports = locations.offers().get(locations.byParticipant().get(x.id())).ports();
      double[] price = new double[nt];
      for (int t = 0; t < nt; t++) {
        for (LinDist3Flow.Port port : ports) {
          price[t] += intervals.get(t).prices().stream().filter(p -> p.port().equals(port)).findFirst().orElseThrow()
              .dlmp() / ports.size();
        }
      }
      days.add(ParticipantDay.of(x, price));
    }
    return new ThreePhaseDay(ThreePhaseClearingResult.Status.OPTIMAL, "optimal", game.mix().objectiveWithoutSlack(),
        intervals, days);
  }

  /** Whether the play ended with a mix that needs no slack: a schedule the feeder can carry. */
  private static boolean feasible(VcCoop.Decomposed game, GameSettings settings) {
    return !game.rounds().isEmpty()
        && game.rounds().get(game.rounds().size() - 1).slackKwh() <= settings.primalToleranceKwh();
  }

  /** 100·(the decomposition's system cost − the central optimum under the same limits)/|central optimum|. */
  public OptionalDouble gapToCentralPct() {
    if (centralCost.isEmpty() || !day.optimal()) {
      return OptionalDouble.empty();
    }
    double c = centralCost.getAsDouble();
    return OptionalDouble.of(100 * (day.cost() - c) / Math.max(1e-9, Math.abs(c)));
  }

  /** Largest PVUR the power flow finds in interval t at a three-phase bus. */
  public double largestUnbalance(int t) {
    return ThreePhaseMarket.pvur(acCheck.reports().get(t).result()::vmPu, model.network());
  }

  /** The same from LinDist3Flow's voltages of interval t. */
  public double largestLinearUnbalance(int t) {
    double[] v2 = acCheck.reports().get(t).linearPu2();
    return ThreePhaseMarket.pvur(k -> Math.sqrt(v2[k]), model.network());
  }
}
