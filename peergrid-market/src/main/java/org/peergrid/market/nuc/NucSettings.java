package org.peergrid.market.nuc;

import org.peergrid.grid.ValidationException;

/**
 * The scenario's {@code nuc} block (docs/formats.md): how the charges are weighted and when the
 * loop stops.
 *
 * @param method how a trade's share of the loss cost is weighted
 * @param relativeTolerance |revenue − cost| allowed as a share of the cost
 * @param absoluteTolerance |revenue − cost| allowed in money, for days whose loss cost is tiny
 * @param maxIterations clearings before the loop gives up
 * @param step how much a violation raises a surcharge per iteration, as a share of the interval's
 *     import price, scaled by the trade's share of the violation
 * @param surchargePrecision how close the loop brings the common factor on the raised surcharges
 *     to the smallest one that keeps the AC check passing (bisection stops at hi − lo ≤ this)
 */
public record NucSettings(NucMethod method, double relativeTolerance, double absoluteTolerance, int maxIterations,
    double step, double surchargePrecision) {
  public static final NucSettings DEFAULT = new NucSettings(NucMethod.DISTANCE, 0.01, 0.01, 30, 0.25, 0.02);

  public NucSettings {
    if (!(relativeTolerance > 0) || !(absoluteTolerance > 0)) {
      throw new ValidationException("tolerance and absolute_tolerance must be positive");
    }
    if (maxIterations < 1) {
      throw new ValidationException("max_iterations must be at least 1, got " + maxIterations);
    }
    if (!(step > 0)) {
      throw new ValidationException("step must be positive, got " + step);
    }
    if (!(surchargePrecision > 0 && surchargePrecision < 1)) {
      throw new ValidationException("surcharge_precision must lie in (0, 1), got " + surchargePrecision);
    }
  }

  /** Whether revenue and cost agree within the tolerances. */
  public boolean recovers(double revenue, double cost) {
    return Math.abs(revenue - cost) <= Math.max(absoluteTolerance, relativeTolerance * Math.abs(cost));
  }

  /** The settings of a scenario file's {@code nuc} block, the defaults where it has none. */
  public static NucSettings of(java.nio.file.Path scenarioFile) {
    var keys = java.util.Arrays.stream(NucMethod.values()).map(NucMethod::key)
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    var d = new org.peergrid.market.scenario.NucBlock(DEFAULT.method.key(), DEFAULT.relativeTolerance,
        DEFAULT.absoluteTolerance, DEFAULT.maxIterations, DEFAULT.step, DEFAULT.surchargePrecision);
    return org.peergrid.market.scenario.NucBlock.read(scenarioFile, keys, d, b -> new NucSettings(
        NucMethod.byKey(b.method()).orElseThrow(), b.tolerance(), b.absoluteTolerance(), b.maxIterations(), b.step(),
        b.surchargePrecision())).orElse(DEFAULT);
  }
}
