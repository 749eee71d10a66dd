package org.peergrid.market.accheck;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The AC check of a whole schedule (MODEL.md §2, Validation). Totals and extremes are over the
 * intervals whose power flow converged; {@link #nonConvergedIntervals()} names the others.
 *
 * @param intervals one per interval, in order
 * @param violations every broken limit: by interval, voltages (bus by bus from the root) before branches
 * @param solveMillis wall time of all the power flows [ms]
 */
public record AcCheckResult(List<AcInterval> intervals, List<AcViolation> violations, long solveMillis) {

  public AcCheckResult {
    intervals = List.copyOf(intervals);
    violations = List.copyOf(violations);
  }

  /** Whether every interval's power flow converged. */
  public boolean converged() {
    return intervals.stream().allMatch(AcInterval::converged);
  }

  public List<Integer> nonConvergedIntervals() {
    return intervals.stream().filter(i -> !i.converged()).map(AcInterval::interval).toList();
  }

  /** Σ losses × Δt over the converged intervals [kWh]. */
  public double lossesKwh() {
    return intervals.stream().filter(AcInterval::converged).mapToDouble(AcInterval::lossesKwh).sum();
  }

  /** The lowest voltage of the day (the first interval on ties); empty when no interval converged. */
  public Optional<BusVoltage> vmin() {
    return intervals.stream().filter(AcInterval::converged).map(AcInterval::vmin)
        .min(Comparator.comparingDouble(BusVoltage::pu));
  }

  /** The highest voltage of the day (the first interval on ties). */
  public Optional<BusVoltage> vmax() {
    return intervals.stream().filter(AcInterval::converged).map(AcInterval::vmax)
        .max(Comparator.comparingDouble(BusVoltage::pu));
  }

  /** The highest branch loading of the day among branches with a limit. */
  public Optional<BranchLoading> mostLoaded() {
    return intervals.stream().filter(AcInterval::converged).flatMap(i -> i.mostLoaded().stream())
        .max(Comparator.comparingDouble(BranchLoading::percent));
  }

  /** Number of (interval, bus) voltages outside [V^min, V^max]. */
  public long voltageViolations() {
    return violations.stream().filter(v -> v.kind().isVoltage()).count();
  }

  /** Number of (interval, branch) loadings above S^max. */
  public long branchViolations() {
    return violations.stream().filter(v -> !v.kind().isVoltage()).count();
  }
}
