package org.peergrid.market.uncertainty;

/**
 * The estimated mean and variance of one model output.
 *
 * @param mean E[Y]
 * @param variance Var[Y] as estimated; the point estimate method can return a small negative value
 *     when the 2m+1 scheme has a negative central weight (m &gt; 3 normal inputs), so it is kept
 *     as computed
 */
public record OutputStatistics(double mean, double variance) {

  /** √max(variance, 0). */
  public double std() {
    return Math.sqrt(Math.max(variance, 0));
  }
}
