package org.peergrid.market.mechanism;

import java.util.List;
import java.util.Locale;

/**
 * LMP-based energy sharing with the shareable battery in the market (the thesis' Chapter 5;
 * docs/mechanisms.md, "LMP-based sharing"). Every participant's energy is priced at the DLMP of
 * its bus, so a building sees what its energy is worth where it is; the community (shareable)
 * battery trades at DLMPs too, for the buildings together; and the network rent (the DLMP
 * merchandising surplus) is returned to the buildings ({@link CommunityBill#DLMP_LESS_RENT}, the
 * default), so that the community pays for the network as each building does alone, through the
 * tariff.
 *
 * <p>The rule. With v_b = C⁰_b − (b's energy at DLMPs + its wear), the saving DLMPs alone give b,
 * and S = Σ C⁰_b − B the community's saving on the scenario's bill basis, the pool S − Σ v_b
 * (the returned rent, the shareable battery's trading margin less its wear, and the buyers' half of
 * the generators' gain) is used first to
 * make whole every building that DLMPs leave worse off than alone, then shared equally:
 *
 * <pre>u_b = v_b⁺ + (S − Σ_j v_j⁺)/n   when S ≥ Σ_j v_j⁺,
 * u_b = v_b⁺ · S / Σ_j v_j⁺           otherwise,</pre>
 *
 * and b pays C⁰_b − u_b. Σ u_b = S in both branches and every u_b ≥ 0 whenever S ≥ 0: no building
 * pays more than alone when the community saves. A building keeps the locational gain its DLMPs
 * give it, up to the community's saving. When S &lt; 0 (cooperation creates no value on this
 * basis) no split leaves every building as well off as alone and the outcome is
 * {@link SettlementStatus#NO_SPLIT}. Generators are paid their DLMP less half their gain
 * ({@link SavingsSharing#generatorPrice}), the other half in the pool. O(participants × intervals).
 *
 * <p>With {@link CommunityBill#DLMP_RENT_BY_IMPORT} the rent is returned by a stated key instead of
 * through the pool: v_b gains R·e_b/Σ e, e_b the energy b withdraws over the day, before the rule
 * runs; the guarantee is the same (the pool still makes whole first).
 *
 * <p>No published formula is claimed: the thesis states the property (every building's cost falls,
 * network limits hold), and this rule is peergrid's way to guarantee it with DLMP prices.
 */
public final class LmpSharingMechanism implements MarketMechanism {
  public static final String NAME = "lmp-sharing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "energy at DLMPs, network rent returned, buildings made whole first";
  }

  @Override
  public MechanismOutcome settle(CooperativeOutcome outcome) {
    SavingsSharing sharing = new SavingsSharing(outcome, null);
    if (sharing.size() == 0) {
      return MechanismOutcome.noSplit(NAME, "no buildings to share a saving among");
    }
    double[] c0 = sharing.baseCosts();
    double[] atDlmp = sharing.dlmpPayments();
    double bill = sharing.bill();
    double saving = sharing.saving();
    double[] dlmpSaving = new double[c0.length];
    double[] rentShare = rentByImport(outcome);
    for (int b = 0; b < c0.length; b++) {
      dlmpSaving[b] = c0[b] - atDlmp[b] + rentShare[b];
    }
    if (saving < -SettlementBuilder.RATIONALITY_TOLERANCE * Math.max(1, Math.abs(bill))) {
      return MechanismOutcome.noSplit(NAME, String.format(Locale.ROOT,
          "the community saves nothing on the %s bill (S = Σ C⁰ − B = %.2f with B = %.2f), so no split leaves every"
              + " building as well off as alone", outcome.bill().key(), saving, bill));
    }
    double[] u = savings(dlmpSaving, saving);
    double[] payments = new double[c0.length];
    for (int b = 0; b < c0.length; b++) {
      payments[b] = c0[b] - u[b];
    }
    return MechanismOutcome.settled(NAME, sharing.settle(NAME, payments));
  }

  /**
   * Each building's share of the network rent by the energy it withdraws, on
   * {@link CommunityBill#DLMP_RENT_BY_IMPORT} (equal shares when none withdraws any); zeros on every
   * other basis, where the rent, if returned, is in the pool [money].
   */
  static double[] rentByImport(CooperativeOutcome outcome) {
    List<CommunityMember> buildings = outcome.buildings();
    double[] share = new double[buildings.size()];
    if (outcome.bill() != CommunityBill.DLMP_RENT_BY_IMPORT || share.length == 0) {
      return share;
    }
    double total = 0;
    for (int b = 0; b < share.length; b++) {
      for (int t = 0; t < outcome.intervals(); t++) {
        share[b] += buildings.get(b).bought(t);
      }
      total += share[b];
    }
    for (int b = 0; b < share.length; b++) {
      share[b] = outcome.networkRent() * (total > 0 ? share[b] / total : 1.0 / share.length);
    }
    return share;
  }

  /**
   * The rule of the class comment.
   *
   * @param dlmpSaving v_b, each building's saving at DLMPs [money]
   * @param saving S ≥ 0, the community's [money]
   * @return u_b, Σ u_b = S, each ≥ 0
   */
  static double[] savings(double[] dlmpSaving, double saving) {
    int n = dlmpSaving.length;
    double gains = 0;
    for (double v : dlmpSaving) {
      gains += Math.max(0, v);
    }
    double[] u = new double[n];
    for (int b = 0; b < n; b++) {
      double gain = Math.max(0, dlmpSaving[b]);
      // Nobody gains at DLMPs: S (≥ 0 up to rounding) is shared equally, without dividing by 0.
      u[b] = saving >= gains || gains <= 0 ? gain + (saving - gains) / n : gain * saving / gains;
    }
    return u;
  }
}
