package org.peergrid.market.mechanism;

/**
 * The incentive rule: the community saving S = Σ C⁰_b − B is split in proportion to each
 * building's contribution to sharing, e_b = the energy it supplies to or takes from peers (see
 * {@link SavingsSharing#sharedKwh()}): p_b = C⁰_b − S·e_b/Σ e (equally when nobody shares). A
 * closed form, O(participants × intervals), suited to real time; no bounds and no guarantee: when
 * S &lt; 0 the loss is shared the same way and individual rationality is reported, not enforced.
 *
 * <p>Source: the contribution-based incentive rule of the thesis that peergrid follows (found
 * best for real time there), as issue 4 states it; no published formula is claimed, so the
 * contribution measure above is peergrid's definition and docs/mechanisms.md gives it in full.
 */
public final class IncentiveMechanism implements MarketMechanism {
  public static final String NAME = "incentive";

  private final CommunityBill bill;

  /** The scenario's bill basis. */
  public IncentiveMechanism() {
    this(null);
  }

  /** @param bill the bill's basis; null for the scenario's ({@link CooperativeOutcome#bill()}) */
  public IncentiveMechanism(CommunityBill bill) {
    this.bill = bill;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "community saving split by energy shared with peers";
  }

  @Override
  public MechanismOutcome settle(CooperativeOutcome outcome) {
    SavingsSharing sharing = new SavingsSharing(outcome, bill);
    double[] c0 = sharing.baseCosts();
    double saving = sharing.saving();
    double[] shared = sharing.sharedKwh();
    double total = 0;
    for (double e : shared) {
      total += e;
    }
    double[] payments = new double[c0.length];
    for (int b = 0; b < c0.length; b++) {
      double share = total > 0 ? shared[b] / total : 1.0 / c0.length;
      payments[b] = c0[b] - saving * share;
    }
    return MechanismOutcome.settled(NAME, sharing.settle(NAME, payments));
  }
}
