package org.peergrid.market.nuc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.MidMarketRateMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.SettlementResult;


/**
 * {@code peergrid clear --mechanism p2p-nuc}: a clearing path of its own (like vc-coop), because
 * the loop produces its own schedule. Energy is settled at the mid-market rate between peers
 * (docs/mechanisms.md); the charges come on top, per participant.
 *
 * @param dispatch the last clearing (with the loop's message when it did not converge)
 * @param outcome its MMR settlement; present exactly when the dispatch is optimal
 * @param acCheck the balanced AC check of the last clearing ({@link NucFeeder#balancedCheck}); empty on other feeders
 * @param loop iterations, trades and charges
 * @param savingWithout each participant's saving against its base case in the P2P market without charges
 * @param savingWith the same with the charges of the last clearing paid [money]
 * @param <C> the feeder's AC check ({@link NucFeeder})
 */
public record NucClearing<C>(DispatchResult dispatch, Optional<MechanismOutcome> outcome,
    Optional<AcCheckResult> acCheck, NucResult<C> loop, Map<String, Double> savingWithout,
    Map<String, Double> savingWith) {
  public static final String NAME = "p2p-nuc";

  /** The last clearing as every mechanism reports it, with its balanced AC check: on a balanced feeder. */
  public ClearingResult clearing() {
    return new ClearingResult(NAME, dispatch, outcome, acCheck);
  }

  /** The MMR settlement of the last clearing, empty when it failed. */
  public Optional<SettlementResult> settlement() {
    return outcome.flatMap(MechanismOutcome::settlement);
  }

  /** On a balanced scenario's own feeder. */
  public static NucClearing<AcCheckResult> clear(Scenario s, NucSettings settings) {
    return clear(s, new BalancedNucFeeder(s), settings);
  }

  /**
   * The peers' market {@code s} on {@code feeder}; the energy settled at the mid-market rate against each
   * participant's base case alone at the tariffs of {@code s}.
   */
  public static <C> NucClearing<C> clear(Scenario s, NucFeeder<C> feeder, NucSettings settings) {
    NucResult<C> loop = NucLoop.run(s, feeder, settings);
    DispatchResult d = loop.dispatch();
    if (d.status() != DispatchStatus.OPTIMAL) {
      return new NucClearing<>(d, Optional.empty(), Optional.empty(), loop, Map.of(), Map.of());
    }
    BaseCase base = BaseCase.of(s);
    MechanismOutcome settled = settle(s, d.optimal(), base);
    MechanismOutcome without = settle(s, loop.uncharged(), base);
    Map<String, Double> savingWith = new LinkedHashMap<>();
    Map<String, Double> savingWithout = new LinkedHashMap<>();
    settled.settlement().ifPresent(r -> r.participants().forEach(p -> p.savings().ifPresent(v ->
        savingWith.put(p.participant(), v - loop.paid().getOrDefault(p.participant(), 0.0)))));
    without.settlement().ifPresent(r -> r.participants().forEach(p -> p.savings().ifPresent(v ->
        savingWithout.put(p.participant(), v))));
    DispatchResult dispatch = loop.converged() ? d : new DispatchResult(DispatchStatus.OPTIMAL,
        "the charges did not converge: " + loop.message(), d.solution(), d.solveMillis());
    return new NucClearing<>(dispatch, Optional.of(MechanismOutcome.settled(NAME, settled.settlement().orElseThrow())),
        feeder.balancedCheck(loop.ac()), loop, savingWithout, savingWith);
  }

  private static MechanismOutcome settle(Scenario s, DispatchSolution sol, BaseCase base) {
    return new MidMarketRateMechanism().settle(CooperativeOutcome.of(s, sol, base));
  }

}
