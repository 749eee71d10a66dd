package org.peergrid.market.mechanism;

import java.util.Optional;
import org.peergrid.market.settlement.SettlementResult;

/**
 * What one mechanism made of a cooperative schedule.
 *
 * @param mechanism its name
 * @param status whether it settled
 * @param message why not, for people; empty when settled
 * @param settlement present exactly when settled
 */
public record MechanismOutcome(String mechanism, SettlementStatus status, String message,
    Optional<SettlementResult> settlement) {

  public MechanismOutcome {
    if (settlement.isPresent() != (status == SettlementStatus.SETTLED)) {
      throw new IllegalArgumentException("a settlement comes with status SETTLED and only then");
    }
  }

  public static MechanismOutcome settled(String mechanism, SettlementResult settlement) {
    return new MechanismOutcome(mechanism, SettlementStatus.SETTLED, "", Optional.of(settlement));
  }

  public static MechanismOutcome noSplit(String mechanism, String why) {
    return new MechanismOutcome(mechanism, SettlementStatus.NO_SPLIT, why, Optional.empty());
  }
}
