package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.MasterSolution;
import org.peergrid.market.dispatch.NetworkMaster;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * {@code peergrid clear --mechanism vc-game}: the non-cooperative game among virtual communities
 * (docs/vc-game.md), with the DSO keeping the feeder feasible by network charges.
 *
 * <p>The DSO alone knows the feeder. It charges every net withdrawal at bus j a price ν_j,t
 * (negative: it pays for injection there), starting from none; after each play it runs the AC check
 * of the equilibrium and raises the charges behind every violated limit ({@link NetworkChargeRule}),
 * and the players replay from where they are. A generalised game with shared constraints: the
 * limits couple everyone's strategies and every player faces the same price of each limit, set by
 * the DSO (the variational equilibrium of J. B. Rosen, Econometrica 33(3):520–534, 1965,
 * doi:10.2307/1911749, reached by price adjustment rather than solved as one problem).
 *
 * @param clearing the equilibrium's schedule, settlement and AC check, in the engine's common form
 * @param equilibrium rounds, messages, every player's cost and ε; empty when the day is infeasible
 * @param trades every trade of the equilibrium (trades.csv)
 * @param coopCost the cooperative optimum's system cost under the same limits (the central LP,
 *     AC-corrected as vc-coop is) [money]
 * @param networkSlackKwh energy by which the equilibrium misses the LinDistFlow limits [kWh]
 * @param acCorrection what the DSO's charge loop did: plays and AC violations after each
 * @param acViolationsPerPlay the AC check's violation count after each of the DSO's plays, in order;
 *     empty when the day is infeasible
 */
public record VcGameClearing(ClearingResult clearing, Optional<VcEquilibrium> equilibrium, List<GameTrade> trades,
    OptionalDouble coopCost, double networkSlackKwh, Optional<String> acCorrection, List<Integer> acViolationsPerPlay) {
  public static final String NAME = "vc-game";

  public VcGameClearing {
    trades = List.copyOf(trades);
    acViolationsPerPlay = List.copyOf(acViolationsPerPlay);
  }

  /** How many games the DSO played while raising its network charges (0 when the day is infeasible). */
  public int dsoPlays() {
    return acViolationsPerPlay.size();
  }

  /** The DSO's evaluation of an equilibrium: its schedule on the feeder and how far it misses the LinDistFlow limits. */
  private record Evaluated(DispatchSolution schedule, double slackKwh) {}

  public static VcGameClearing clear(Scenario s, FormationRules rules, NashGameSettings settings) {
    return clear(s, VcFormation.form(s, rules), settings);
  }

  /** As {@link #clear(Scenario, FormationRules, NashGameSettings)}, with the players placed by {@code placement}. */
  public static VcGameClearing clear(Scenario s, FormationRules rules, NashGameSettings settings,
      VcNashGame.PlayerPlacement placement) {
    return clear(s, VcFormation.form(s, rules), settings, placement);
  }

  /**
   * Forms nothing: plays with the given communities. The DSO starts with no charge, plays the game,
   * runs the AC check of the equilibrium and raises the charges behind every violation
   * ({@link NetworkChargeRule}), then replays from where the players are, until the check passes or
   * after {@link #MAX_DSO_ROUNDS} plays.
   */
  public static VcGameClearing clear(Scenario s, Grouping grouping, NashGameSettings settings) {
    return clear(s, grouping, settings, VcNashGame.PlayerPlacement.LOCAL);
  }

  /** As {@link #clear(Scenario, Grouping, NashGameSettings)}, with the players placed by {@code placement}. */
  public static VcGameClearing clear(Scenario s, Grouping grouping, NashGameSettings settings,
      VcNashGame.PlayerPlacement placement) {
    DispatchResult central = LinDistFlowDispatch.solve(s);
    if (central.status() != DispatchStatus.OPTIMAL) {
      return new VcGameClearing(new ClearingResult(NAME, central, Optional.empty(), Optional.empty()),
          Optional.empty(), List.of(), OptionalDouble.empty(), 0, Optional.empty(), List.of());
    }
    // The cooperative optimum under the same limits: the central LP, AC-corrected as vc-coop is.
    AcCorrection.Outcome<DispatchResult> coop = AcCorrection.run(s, t -> LinDistFlowDispatch.solve(s, t),
        DispatchResult::solution);
    OptionalDouble coopCost = coop.result().solution().map(d -> OptionalDouble.of(d.objective()))
        .orElse(OptionalDouble.empty());
    DispatchSolution prices = coop.result().solution().orElse(central.optimal());
    BaseCase base = BaseCase.of(s);
    GameFeeder.Played<BalancedCheck> played;
    try (VcNashGame game = VcNashGame.of(s, grouping, settings, placement)) {
      played = GameFeeder.play(game, new BalancedFeeder(s, prices), s.participants().size(), s.horizon().intervals(),
          settings.acCorrection());
    }
    VcEquilibrium e = played.equilibrium();
    Evaluated evaluated = played.check().evaluated();
    AcCheckResult ac = played.check().ac();
    List<Integer> violations = played.violationsPerPlay();
    Optional<String> note = Optional.of(played.describe());
    DispatchSolution schedule = evaluated.schedule();
    double utilityBill = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      utilityBill += s.horizon().hours() * (s.tariff().importPrice().get(t) * schedule.gridImportKw().get(t)
          - s.tariff().exportPrice().get(t) * schedule.gridExportKw().get(t));
    }
    PeerMarketSettlement.Result money = PeerMarketSettlement.of(s, grouping, e.schedules(), e.chargePerKwh(), e.baselineKwh(), base,
        utilityBill);
    String how = (e.converged() ? "equilibrium after " : "stopped at the round limit after ") + e.rounds()
        + " rounds" + note.map(n -> " (DSO's network charges: " + n + ")").orElse("");
    DispatchResult dispatch = new DispatchResult(DispatchStatus.OPTIMAL, "non-cooperative VC game, " + how,
        Optional.of(schedule), e.runMillis());
    return new VcGameClearing(new ClearingResult(NAME, dispatch,
        Optional.of(MechanismOutcome.settled(NAME, money.settlement())), Optional.of(ac)), Optional.of(e),
        money.trades(), coopCost, evaluated.slackKwh(), note, violations);
  }

  /** The balanced DSO's check: the equilibrium's LinDistFlow state and its AC check. */
  private record BalancedCheck(Evaluated evaluated, AcCheckResult ac) implements GameFeeder.Check {
    @Override
    public int violations() {
      return ac.violations().size();
    }
  }

  /** The balanced feeder: LinDistFlow, the AC check, charges raised by {@link NetworkChargeRule}. */
  private static final class BalancedFeeder implements GameFeeder<BalancedCheck> {
    private final Scenario s;
    private final DispatchSolution prices;
    private final NetworkChargeRule rule;

    BalancedFeeder(Scenario s, DispatchSolution prices) {
      this.s = s;
      this.prices = prices;
      this.rule = new NetworkChargeRule(s);
    }

    @Override
    public BalancedCheck check(VcEquilibrium e) {
      Evaluated evaluated = evaluate(s, e, prices);
      return new BalancedCheck(evaluated, AcCheck.run(s, evaluated.schedule()));
    }

    @Override
    public double[][] raised(double[][] charges, BalancedCheck check) {
      return rule.raised(charges, check.ac().violations(), check.evaluated().schedule());
    }
  }

  /** The DSO plays no more than this many games while raising its charges. */
  public static final int MAX_DSO_ROUNDS = 40;

  /** The equilibrium's schedule on the feeder: the DSO's LinDistFlow state for those net withdrawals. */
  private static Evaluated evaluate(Scenario s, VcEquilibrium e, DispatchSolution prices) {
    try (NetworkMaster dso = NetworkMaster.of(s)) {
      int block = dso.addBlock();
      // One column for everyone, per bus: the DSO sees the equilibrium's net withdrawal at each bus.
      List<Participant> ps = s.participants();
      java.util.TreeMap<Integer, double[]> perBus = new java.util.TreeMap<>();
      double privateCost = 0;
      for (int i = 0; i < ps.size(); i++) {
        ParticipantSchedule x = e.schedules().get(i);
        double[] kwAtBus = perBus.computeIfAbsent(dso.busIndex(ps.get(i).bus()),
            k -> new double[s.horizon().intervals()]);
        for (int t = 0; t < kwAtBus.length; t++) {
          kwAtBus[t] -= x.netInjectionKw(t);
        }
        privateCost += PrivateCost.of(ps.get(i), x, s.horizon().hours());
      }
      int[] bus = perBus.keySet().stream().mapToInt(Integer::intValue).toArray();
      double[][] kw = perBus.values().toArray(new double[0][]);
      dso.addColumn(block, privateCost, bus, kw);
      MasterSolution evaluated = dso.solve();
      if (!evaluated.optimal()) {
        throw new IllegalStateException(evaluated.message());
      }
      DispatchSolution network = evaluated.network().orElseThrow();
      List<String> notes = new ArrayList<>(network.notes());
      if (evaluated.slackKwh() > 1e-6) {
        notes.add(String.format(java.util.Locale.ROOT, "the equilibrium misses the LinDistFlow limits by %.3f kWh",
            evaluated.slackKwh()));
      }
      DispatchSolution schedule = new DispatchSolution(evaluated.objectiveWithoutSlack(), e.schedules(),
          network.gridImportKw(), network.gridExportKw(), prices.prices(), network.network(), notes);
      return new Evaluated(schedule, evaluated.slackKwh());
    }
  }

  /** The equilibrium's system cost (MODEL.md §2 objective) over the cooperative optimum's, ≥ 1. */
  public OptionalDouble priceOfAnarchy() {
    if (coopCost.isEmpty() || clearing.dispatch().solution().isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(clearing.dispatch().optimal().objective() / coopCost.getAsDouble());
  }

  /** 100·(equilibrium − cooperative optimum)/|cooperative optimum| of the system cost. */
  public OptionalDouble gapToCentralPct() {
    if (coopCost.isEmpty() || clearing.dispatch().solution().isEmpty()) {
      return OptionalDouble.empty();
    }
    double c = coopCost.getAsDouble();
    return OptionalDouble.of(100 * (clearing.dispatch().optimal().objective() - c) / Math.max(1e-9, Math.abs(c)));
  }

  /** Energy of one trade type over the day [kWh]; GRID_IMPORT and GRID_EXPORT split the grid's. */
  public double kwh(String type) {
    return switch (type) {
      case "GRID_IMPORT" -> trades.stream().filter(t -> t.type().equals("GRID") && t.seller().equals("GRID"))
          .mapToDouble(GameTrade::kwh).sum();
      case "GRID_EXPORT" -> trades.stream().filter(t -> t.type().equals("GRID") && t.buyer().equals("GRID"))
          .mapToDouble(GameTrade::kwh).sum();
      default -> trades.stream().filter(t -> t.type().equals(type)).mapToDouble(GameTrade::kwh).sum();
    };
  }
}
