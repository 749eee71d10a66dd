package org.peergrid.market.vc;

/**
 * When the game stops and how it runs.
 *
 * @param primalToleranceKwh the primal residual: energy that the network's penalised slacks still
 *     supply or absorb, i.e. how far the offers' mix is from balancing the feeder within its limits
 *     [kWh]; stop only below it
 * @param dualTolerance the dual residual: the gap between the mix's cost and the Lagrangian lower
 *     bound that the round's best responses prove, relative to max(1, |cost|); stop only below it
 * @param maxIterations rounds at most (a round: prices out, offers in, the DSO clears)
 * @param threads agents solving at once; results do not depend on it
 * @param acCorrection whether {@link VcCoopClearing} replays the game with the DSO's limits tightened
 *     until its schedule passes the AC check ({@code accheck.AcCorrection})
 */
public record GameSettings(double primalToleranceKwh, double dualTolerance, int maxIterations, int threads,
    boolean acCorrection) {
  /** 1e-6 kWh, 1e-6 relative, 300 rounds, every core, AC-corrected. */
  public static GameSettings defaults() {
    return new GameSettings(1e-6, 1e-6, 300, Runtime.getRuntime().availableProcessors(), true);
  }

  public GameSettings withThreads(int n) {
    return new GameSettings(primalToleranceKwh, dualTolerance, maxIterations, n, acCorrection);
  }

  public GameSettings withAcCorrection(boolean on) {
    return new GameSettings(primalToleranceKwh, dualTolerance, maxIterations, threads, on);
  }

  public GameSettings {
    if (!(primalToleranceKwh > 0 && dualTolerance > 0) || maxIterations < 1 || threads < 1) {
      throw new IllegalArgumentException("tolerances must be > 0, iterations and threads ≥ 1");
    }
  }
}
