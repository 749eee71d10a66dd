package org.peergrid.market.mechanism;

/**
 * The DLMP settlement (MODEL.md §4): every participant pays the DLMP at its bus for its net
 * withdrawal and is paid it for its net injection; the DSO keeps the merchandising surplus.
 *
 * <p>Reference: for distribution LMPs from the LinDistFlow duals and their revenue adequacy, A.
 * Papavasiliou, "Analysis of distribution locational marginal prices", IEEE Trans. Smart Grid 9(5),
 * 2018, doi:10.1109/TSG.2017.2673860. Equilibrium concept: competitive (price-taking) equilibrium
 * of the central schedule. O(participants × intervals).
 */
public final class DlmpMechanism implements MarketMechanism {
  public static final String NAME = "dlmp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "everyone settles at the DLMP of its bus";
  }

  @Override
  public MechanismOutcome settle(CooperativeOutcome outcome) {
    SettlementBuilder rows = new SettlementBuilder(outcome);
    for (CommunityMember m : outcome.members()) {
      for (int t = 0; t < outcome.intervals(); t++) {
        rows.trade(m, t, m.dlmp(t), m.dlmp(t));
      }
    }
    return MechanismOutcome.settled(NAME, rows.build(NAME, outcome.dlmpDsoSurplus()));
  }
}
