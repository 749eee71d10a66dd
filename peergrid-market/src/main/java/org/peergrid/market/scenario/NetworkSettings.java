package org.peergrid.market.scenario;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * The feeder and its operating limits, as the scenario's {@code network} section gives them.
 *
 * @param matpower the MATPOWER case file (resolved against the scenario file)
 * @param radial the feeder's indexed radial model, read from that file
 * @param vminPu V^min [p.u.] (default {@value #DEFAULT_VMIN_PU})
 * @param vmaxPu V^max [p.u.] (default {@value #DEFAULT_VMAX_PU})
 * @param rootVoltagePu V_0 [p.u.] (default {@value #DEFAULT_ROOT_VOLTAGE_PU})
 * @param backgroundLoad whether the case's Pd/Qd stay as load that nobody trades (default true)
 * @param backgroundProfile multiplier of that load per interval (default 1 in every interval)
 * @param branchLimitKva thermal limits S^max [kVA] that the scenario sets, by branch ends
 * @param acCorrection whether the central clearing tightens its LinDistFlow limits until the AC
 *     check passes ({@code ac_correction}; a scenario file's default is
 *     {@value #DEFAULT_AC_CORRECTION}, the constructor without it leaves it off; docs/model.md §8)
 */
public record NetworkSettings(
    Path matpower,
    RadialNetwork radial,
    double vminPu,
    double vmaxPu,
    double rootVoltagePu,
    boolean backgroundLoad,
    TimeSeries backgroundProfile,
    Map<BranchKey, Double> branchLimitKva,
    boolean acCorrection) {
  public static final double DEFAULT_VMIN_PU = 0.95;
  public static final double DEFAULT_VMAX_PU = 1.05;
  public static final double DEFAULT_ROOT_VOLTAGE_PU = 1.0;
  /** A scenario file's {@code ac_correction} when it does not say. */
  public static final boolean DEFAULT_AC_CORRECTION = true;

  public NetworkSettings {
    if (radial == null) {
      throw new ValidationException("matpower: the feeder is required");
    }
    requireVoltageLimits(vminPu, vmaxPu);
    if (!(rootVoltagePu >= vminPu && rootVoltagePu <= vmaxPu)) {
      throw new ValidationException("root_voltage_pu " + rootVoltagePu + " must lie within [vmin_pu, vmax_pu] = ["
          + vminPu + ", " + vmaxPu + "]");
    }
    branchLimitKva = Map.copyOf(branchLimitKva);
    for (Map.Entry<BranchKey, Double> e : branchLimitKva.entrySet()) {
      if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new ValidationException("branch_limit_kva." + e.getKey() + " must be a positive number of kVA, got "
            + e.getValue());
      }
    }
  }

  /** Refuses limits unless 0 < vmin_pu < vmax_pu < ∞ (a MATPOWER or an OpenDSS feeder's). */
  static void requireVoltageLimits(double vminPu, double vmaxPu) {
    if (!(vminPu > 0) || !(vmaxPu > vminPu) || !Double.isFinite(vmaxPu)) {
      throw new ValidationException("voltage limits must satisfy 0 < vmin_pu < vmax_pu, got vmin_pu " + vminPu
          + " and vmax_pu " + vmaxPu);
    }
  }

  /** Without AC correction. */
  public NetworkSettings(Path matpower, RadialNetwork radial, double vminPu, double vmaxPu, double rootVoltagePu,
      boolean backgroundLoad, TimeSeries backgroundProfile, Map<BranchKey, Double> branchLimitKva) {
    this(matpower, radial, vminPu, vmaxPu, rootVoltagePu, backgroundLoad, backgroundProfile, branchLimitKva, false);
  }

  /** The multiplier of the case's Pd/Qd in interval t: the profile's value, or 0 without background load. */
  public double backgroundMultiplier(int t) {
    return backgroundLoad ? backgroundProfile.get(t) : 0;
  }

  /**
   * S^max of the branch that feeds bus index k [kVA]: the scenario's limit where it sets one, else
   * the case's RATE_A, else none.
   */
  public OptionalDouble limitKvaInto(int k) {
    var branch = radial.branchInto(k);
    for (Map.Entry<BranchKey, Double> e : branchLimitKva.entrySet()) {
      if (e.getKey().joins(branch.fromBus(), branch.toBus())) {
        return OptionalDouble.of(e.getValue());
      }
    }
    return branch.ratingKva();
  }
}
