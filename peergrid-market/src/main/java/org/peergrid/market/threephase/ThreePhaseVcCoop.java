package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
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
 * accepted schedule ({@link ThreePhaseGameFeeder#check}) and, where a phase node is outside its voltage
 * limits, tightens that node's limit in its master as the day's clearing does
 * ({@link ThreePhaseAcCorrection#tightenWithMargin}), and the game is played again, at most
 * {@link ThreePhaseMarket#MAX_ROUNDS} times. The bill is split by Nash bargaining, as on a balanced feeder,
 * at the last master's DLMPs (each participant at the mean of its phases').
 *
 * @param players the day as the agents see it ({@link PlayersDay})
 * @param game the last play
 * @param acRounds how many plays the AC correction ran
 * @param acCheck the last play's power flows
 * @param day the last play's schedule and the last master's intervals (voltages, DLMPs), as the day's clearing reports them
 * @param settlement the Nash bargaining split of the community's DLMP bill
 * @param centralCost the day's LP under the same (tightened) limits: what the decomposition must reach [money]
 * @param dlmpCost the three-phase clearing of {@code --mechanism dlmp}, with its own AC correction [money]
 */
public record ThreePhaseVcCoop(ThreePhaseScenario scenario, Scenario players, LinDist3Flow model, Grouping grouping,
    VcCoop.Decomposed game, int acRounds, ThreePhaseGameFeeder.Check acCheck, ThreePhaseDay day,
    Optional<MechanismOutcome> settlement, OptionalDouble centralCost, OptionalDouble dlmpCost) {
  public static final String NAME = "vc-coop";

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
    PhaseNetwork net = model.network();
    int nt = s.horizon().intervals();
    double[][] raise = new double[nt][net.nodeCount()];
    double[][] cut = new double[nt][net.nodeCount()];
    int maxRounds = settings.acCorrection() && s.network().acCorrection() ? ThreePhaseMarket.MAX_ROUNDS : 1;
    VcCoop.Decomposed game = null;
    ThreePhaseGameFeeder.Check check = null;
    ThreePhaseMaster master = null;
    double[][] playedRaise = null;
    double[][] playedCut = null;
    int round = 0;
    while (round < maxRounds) {
      round++;
      playedRaise = copy(raise);
      playedCut = copy(cut);
      master = new ThreePhaseMaster(clearing, locations.offers(), playedRaise, playedCut);
      game = VcCoop.decompose(players, grouping, settings, master, p -> locations.byParticipant().get(p.id()),
          placement);
      if (!feasible(game, settings)) {
        break;
      }
      check = feeder.check(game.schedules());
      if (!check.converged()) {
        break;
      }
      double worst = 0;
      for (int t = 0; t < nt; t++) {
        worst = Math.max(worst, ThreePhaseAcCorrection.tightenWithMargin(check.reports().get(t).result(), net,
            clearing.limits(), raise[t], cut[t]));
      }
      if (worst <= AcCheck.VOLTAGE_TOLERANCE_PU) {
        break;
      }
    }
    ThreePhaseDay central = clearing.clear(playedRaise, playedCut);
    OptionalDouble centralCost = central.optimal() ? OptionalDouble.of(central.cost()) : OptionalDouble.empty();
    ThreePhaseMarket dlmp = ThreePhaseMarket.solve(clearing);
    OptionalDouble dlmpCost = dlmp.day().optimal() ? OptionalDouble.of(dlmp.day().cost()) : OptionalDouble.empty();
    if (!feasible(game, settings) || master.lastIntervals().isEmpty()) {
      ThreePhaseDay failed = ThreePhaseDay.failed(ThreePhaseClearingResult.Status.NOT_SOLVED, "the game stopped after "
          + game.rounds().size() + " rounds without a schedule that the feeder can carry");
      return new ThreePhaseVcCoop(s, players, model, grouping, game, round, check, failed, Optional.empty(), centralCost,
          dlmpCost);
    }
    ThreePhaseDay day = day(s, locations, game, master.lastIntervals());
    MechanismOutcome bargained = new NashBargainingMechanism().settle(ThreePhaseMarket.outcome(clearing, day));
    MechanismOutcome settled = bargained.settlement().map(r -> MechanismOutcome.settled(NAME, r))
        .orElse(MechanismOutcome.noSplit(NAME, bargained.message()));
    return new ThreePhaseVcCoop(s, players, model, grouping, game, round, check, day, Optional.of(settled), centralCost,
        dlmpCost);
  }

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

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  /** Whether the last play's power flow is inside the voltage limits in every interval. */
  public boolean acPassed() {
    return acCheck != null && acCheck.passed();
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
