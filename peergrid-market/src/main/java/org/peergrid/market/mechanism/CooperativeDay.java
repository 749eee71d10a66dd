package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The energy-sharing engine's work for one day, done once for any number of mechanisms: the
 * cooperative LinDistFlow schedule with DLMPs (MODEL.md §2), each building's base case (§3) and the
 * AC check. Outcome and AC check are present exactly when the dispatch is optimal.
 *
 * @param scenario the day
 * @param dispatch the schedule, or the diagnosis
 * @param outcome what mechanisms settle
 * @param acCheck the schedule through the AC power flow
 */
public record CooperativeDay(Scenario scenario, DispatchResult dispatch, Optional<CooperativeOutcome> outcome,
    Optional<AcCheckResult> acCheck) {

  /**
   * Schedules and checks the day.
   *
   * @throws IllegalArgumentException when the community's day is feasible but a building's own is not
   */
  public static CooperativeDay solve(Scenario scenario) {
    return solve(scenario, null);
  }

  /**
   * The same with the LPs re-solved warm in {@code warm} (the community's day, its AC-correction
   * iterations and every base case; coalitions stay cold, each being solved once), for a thread
   * that clears many days of one structure (uncertainty samples). Null: every LP built and solved cold.
   */
  public static CooperativeDay solve(Scenario scenario, WarmSolvers warm) {
    // Cold, the base cases run on a second thread while this one solves the community's LP; warm, they
    // stay on this thread, whose WarmSolvers are not to be shared.
    Supplier<BaseCase> baseCases = warm == null ? BaseCase.startedBeside(scenario) : () -> BaseCase.of(scenario, warm);
    if (scenario.network().acCorrection()) {
      return solveAcCorrected(scenario, warm, baseCases);
    }
    DispatchResult dispatch = warm == null ? LinDistFlowDispatch.solve(scenario) : warm.community().solve(scenario);
    if (dispatch.status() != DispatchStatus.OPTIMAL) {
      return new CooperativeDay(scenario, dispatch, Optional.empty(), Optional.empty());
    }
    return settled(scenario, dispatch, AcCheck.run(scenario, dispatch.optimal()), baseCases);
  }

  /** {@code network.ac_correction: true}: the limits tightened until the AC check passes (docs/model.md §8). */
  private static CooperativeDay solveAcCorrected(Scenario scenario, WarmSolvers warm, Supplier<BaseCase> baseCases) {
    AcCorrection.Outcome<DispatchResult> corrected = AcCorrection.run(scenario,
        t -> warm == null ? LinDistFlowDispatch.solve(scenario, t) : warm.community().solve(scenario, t),
        DispatchResult::solution);
    DispatchResult last = corrected.result();
    if (last.status() != DispatchStatus.OPTIMAL) {
      return new CooperativeDay(scenario, last, Optional.empty(), Optional.empty());
    }
    DispatchResult dispatch = new DispatchResult(last.status(), last.message() + " (AC-corrected: "
        + corrected.describe() + ")", last.solution(), last.solveMillis());
    return settled(scenario, dispatch, corrected.check().orElseThrow(), baseCases);
  }

  private static CooperativeDay settled(Scenario scenario, DispatchResult dispatch, AcCheckResult check,
      Supplier<BaseCase> baseCases) {
    CooperativeOutcome outcome = CooperativeOutcome.of(scenario, dispatch.optimal(), baseCases.get());
    if (scenario.bargaining().hasCoalitions()) {
      outcome = outcome.withCoalitions(coalitionValues(scenario, outcome));
    }
    return new CooperativeDay(scenario, dispatch, Optional.of(outcome), Optional.of(check));
  }

  /**
   * v(S) of every coalition the scenario lists: S cleared alone on the feeder (the other buildings,
   * the generators and the community batteries absent; AC-corrected when the day is), its saving
   * Σ_{i∈S} C⁰_i − B_S on the day's bill basis. One LP (or AC-corrected loop) per coalition.
   */
  static List<CoalitionValue> coalitionValues(Scenario scenario, CooperativeOutcome grand) {
    List<String> sharers = grand.buildings().stream().map(CommunityMember::id).toList();
    List<CoalitionValue> values = new ArrayList<>();
    for (List<String> members : scenario.bargaining().coalitionsOf(sharers)) {
      List<Participant> kept = scenario.participants().stream().filter(p -> members.contains(p.id())).toList();
      CooperativeDay alone = solve(scenario.subset(scenario.name() + " " + members, kept));
      if (alone.outcome().isEmpty()) {
        values.add(new CoalitionValue(members, OptionalDouble.empty(),
            "no feasible schedule alone (" + alone.dispatch().status() + "): " + alone.dispatch().message()));
        continue;
      }
      CooperativeOutcome o = alone.outcome().get();
      values.add(new CoalitionValue(members, OptionalDouble.of(o.baseCost() - o.bill().of(o)), ""));
    }
    return values;
  }

  /** This day settled by a mechanism. */
  public ClearingResult clearWith(MarketMechanism mechanism) {
    if (outcome.isEmpty()) {
      return ClearingResult.failed(mechanism.name(), dispatch);
    }
    return new ClearingResult(mechanism.name(), dispatch, Optional.of(mechanism.settle(outcome.get())), acCheck);
  }
}
