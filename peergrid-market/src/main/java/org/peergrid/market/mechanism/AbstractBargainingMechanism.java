package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peergrid.market.bargaining.CoalitionConstraint;
import org.peergrid.market.bargaining.SavingsSplit;
import org.peergrid.market.bargaining.SavingsSplitResult;

/**
 * Bargaining over the bill B (MODEL.md §4): buildings b split B into payments p_b, Σ p_b = B, each
 * within [p_min_b, p_max_b] (internal unit prices within the tariffs), with utilities
 * u_b = C⁰_b − p_b against their base costs. The solvers of {@code market.bargaining} do the
 * splitting; when the total saving S = Σ C⁰_b − B is negative, or the bounds cannot add up to B,
 * no individually rational split exists and the outcome says so ({@link SettlementStatus#NO_SPLIT}).
 */
public abstract class AbstractBargainingMechanism implements MarketMechanism {
  private final CommunityBill bill;

  /** @param bill the bill's basis; null for the scenario's ({@link CooperativeOutcome#bill()}) */
  protected AbstractBargainingMechanism(CommunityBill bill) {
    this.bill = bill;
  }

  /** The splitter of this solution concept. */
  protected abstract SavingsSplit splitter();

  /** Bargaining powers of the buildings, in building order. */
  protected abstract double[] weights(double[] sharedKwh);

  @Override
  public final MechanismOutcome settle(CooperativeOutcome outcome) {
    SavingsSharing sharing = new SavingsSharing(outcome, bill);
    if (sharing.size() == 0) {
      return MechanismOutcome.noSplit(name(), "no buildings to split a bill among");
    }
    double b = sharing.bill();
    List<CoalitionConstraint> core = coreConstraints(outcome);
    SavingsSplitResult split = splitter().split(sharing.baseCosts(), b, sharing.minPayments(),
        sharing.maxPayments(), weights(sharing.sharedKwh()), core);
    if (split.payments().length == 0) {
      String why = switch (split.status()) {
        case INFEASIBLE -> core.isEmpty() ? "the payment bounds cannot add up to B"
            : "the core is empty: the coalitions " + labels(outcome) + " together ask for more than S";
        case PATH_LEAVES_CORE -> "the Kalai-Smorodinsky point gives a coalition of " + labels(outcome)
            + " less than it saves alone, and KS does not bend its path to the core";
        default -> split.message();
      };
      return MechanismOutcome.noSplit(name(), String.format(Locale.ROOT,
          "no individually rational split (%s): the community saving S = Σ C⁰ − B = %.2f with B = %.2f; %s",
          split.status(), split.totalSaving(), b, why));
    }
    return MechanismOutcome.settled(name(), sharing.settle(name(), split.payments()));
  }

  /**
   * Σ_{b∈C} u_b ≥ v(C) for every coalition of the scenario with a value (one that has no feasible
   * schedule alone cannot secure anything, so it asks for nothing).
   */
  static List<CoalitionConstraint> coreConstraints(CooperativeOutcome outcome) {
    List<String> ids = outcome.buildings().stream().map(CommunityMember::id).toList();
    List<CoalitionConstraint> core = new ArrayList<>();
    for (CoalitionValue c : outcome.coalitions()) {
      if (c.value().isPresent()) {
        core.add(new CoalitionConstraint(c.members().stream().mapToInt(ids::indexOf).toArray(),
            c.value().getAsDouble()));
      }
    }
    return core;
  }

  private static String labels(CooperativeOutcome outcome) {
    return String.join(", ", outcome.coalitions().stream().map(CoalitionValue::label).toList());
  }
}
