package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LimitTightening;
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
 * <p>The DSO prices the network with the LinDistFlow LP of the day (MODEL.md §2), which it alone can
 * solve: its charge at bus j is the voltage and congestion parts of that LP's DLMP there
 * (DLMP − λ_0, model.md §4), zero where no limit binds. The players play against those charges;
 * the DSO then runs the AC check of the equilibrium and, where it fails, tightens the limits of its
 * pricing LP (the correction of model.md §8), which raises the charges there, and the game is played
 * again, at most {@link AcCorrection#MAX_SOLVES} times. A generalised game with shared constraints:
 * every player faces the same prices of the shared limits (a variational equilibrium in the sense of
 * J. B. Rosen, Econometrica 33(3):520–534, 1965, doi:10.2307/1911749), set by the DSO.
 *
 * @param clearing the equilibrium's schedule, settlement and AC check, in the engine's common form
 * @param equilibrium rounds, messages, every player's cost and ε; empty when the day is infeasible
 * @param trades every trade of the equilibrium (trades.csv)
 * @param coopCost the cooperative optimum's system cost under the DSO's final limits [money]
 * @param networkSlackKwh energy by which the equilibrium misses the LinDistFlow limits [kWh]
 * @param acCorrection what the DSO's correction did
 */
public record VcGameClearing(ClearingResult clearing, Optional<VcEquilibrium> equilibrium, List<GameTrade> trades,
    OptionalDouble coopCost, double networkSlackKwh, Optional<String> acCorrection) {
  public static final String NAME = "vc-game";

  public VcGameClearing {
    trades = List.copyOf(trades);
  }

  /** One play under one set of the DSO's limits. */
  private record Play(VcEquilibrium equilibrium, Optional<DispatchSolution> coop, Optional<DispatchSolution> schedule,
      double slackKwh) {}

  public static VcGameClearing clear(Scenario s, FormationRules rules, NashGameSettings settings) {
    return clear(s, VcFormation.form(s, rules), settings);
  }

  public static VcGameClearing clear(Scenario s, Grouping grouping, NashGameSettings settings) {
    DispatchResult central = LinDistFlowDispatch.solve(s);
    if (central.status() != DispatchStatus.OPTIMAL) {
      return new VcGameClearing(new ClearingResult(NAME, central, Optional.empty(), Optional.empty()),
          Optional.empty(), List.of(), OptionalDouble.empty(), 0, Optional.empty());
    }
    BaseCase base = BaseCase.of(s);
    AcCorrection.Outcome<Play> played = AcCorrection.run(s, t -> play(s, grouping, settings, t), Play::schedule,
        settings.acCorrection() ? AcCorrection.MAX_SOLVES : 1);
    Play last = played.result();
    Optional<String> note = settings.acCorrection() ? Optional.of(played.describe()) : Optional.empty();
    OptionalDouble coop = last.coop().map(d -> OptionalDouble.of(d.objective())).orElse(OptionalDouble.empty());
    if (last.schedule().isEmpty()) {
      DispatchResult failed = new DispatchResult(DispatchStatus.INFEASIBLE,
          "the DSO's tightened limits leave no schedule", Optional.empty(), last.equilibrium().runMillis());
      return new VcGameClearing(new ClearingResult(NAME, failed, Optional.empty(), Optional.empty()),
          Optional.of(last.equilibrium()), List.of(), coop, last.slackKwh(), note);
    }
    DispatchSolution schedule = last.schedule().get();
    VcEquilibrium e = last.equilibrium();
    double utilityBill = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      utilityBill += s.horizon().hours() * (s.tariff().importPrice().get(t) * schedule.gridImportKw().get(t)
          - s.tariff().exportPrice().get(t) * schedule.gridExportKw().get(t));
    }
    PeerMarketSettlement.Result money = PeerMarketSettlement.of(s, grouping, e.schedules(), e.chargePerKwh(), base,
        utilityBill);
    String how = (e.converged() ? "equilibrium in " : "stopped at the round limit after ") + e.rounds() + " rounds"
        + note.map(n -> " (DSO's AC correction: " + n + ")").orElse("");
    DispatchResult dispatch = new DispatchResult(DispatchStatus.OPTIMAL, "non-cooperative VC game, " + how,
        Optional.of(schedule), e.runMillis());
    return new VcGameClearing(new ClearingResult(NAME, dispatch,
        Optional.of(MechanismOutcome.settled(NAME, money.settlement())), played.check()), Optional.of(e),
        money.trades(), coop, last.slackKwh(), note);
  }

  private static Play play(Scenario s, Grouping grouping, NashGameSettings settings, LimitTightening tightening) {
    DispatchResult coop = LinDistFlowDispatch.solve(s, tightening);
    if (coop.status() != DispatchStatus.OPTIMAL) {
      VcEquilibrium none = VcNashGame.play(s, grouping, new double[s.participants().size()][s.horizon().intervals()],
          settings);
      return new Play(none, Optional.empty(), Optional.empty(), 0);
    }
    double[][] charges = networkCharges(s, coop.optimal());
    VcEquilibrium e = VcNashGame.play(s, grouping, charges, settings);
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
          network.gridImportKw(), network.gridExportKw(), coop.optimal().prices(), network.network(), notes);
      return new Play(e, Optional.of(coop.optimal()), Optional.of(schedule), evaluated.slackKwh());
    }
  }

  /** DLMP − λ_0 at each participant's bus: the voltage and congestion parts of the DSO's prices. */
  static double[][] networkCharges(Scenario s, DispatchSolution coop) {
    BusSeries dlmp = coop.prices().dlmp();
    BusSeries energy = coop.prices().energy();
    double[][] charge = new double[s.participants().size()][s.horizon().intervals()];
    for (int i = 0; i < charge.length; i++) {
      int k = s.network().radial().indexOf(s.participants().get(i).bus());
      for (int t = 0; t < charge[i].length; t++) {
        charge[i][t] = dlmp.get(t, k) - energy.get(t, 0);
      }
    }
    return charge;
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
