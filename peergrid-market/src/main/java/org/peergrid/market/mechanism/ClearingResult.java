package org.peergrid.market.mechanism;

import java.util.Optional;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.settlement.SettlementResult;

/**
 * A cleared day: the schedule (or why there is none), what the mechanism made of it, and the AC
 * check of the schedule. Outcome and AC check are present exactly when the dispatch is optimal.
 *
 * @param mechanism the mechanism's name
 * @param dispatch the schedule and prices, or the diagnosis
 * @param outcome the mechanism's settlement, or why it could not settle
 * @param acCheck the schedule through the AC power flow
 */
public record ClearingResult(String mechanism, DispatchResult dispatch, Optional<MechanismOutcome> outcome,
    Optional<AcCheckResult> acCheck) {

  public ClearingResult {
    boolean optimal = dispatch.status() == DispatchStatus.OPTIMAL;
    if (outcome.isPresent() != optimal || acCheck.isPresent() != optimal) {
      throw new IllegalArgumentException("outcome and AC check come with an optimal dispatch and only then");
    }
  }

  public DispatchStatus status() {
    return dispatch.status();
  }

  /** How money moves, when the day was scheduled and the mechanism could settle it. */
  public Optional<SettlementResult> settlement() {
    return outcome.flatMap(MechanismOutcome::settlement);
  }

  /** A day that cannot be cleared, with the dispatch saying why. */
  static ClearingResult failed(String mechanism, DispatchResult dispatch) {
    return new ClearingResult(mechanism, dispatch, Optional.empty(), Optional.empty());
  }
}
