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
 */
public record GameSettings(double primalToleranceKwh, double dualTolerance, int maxIterations, int threads) {
  /** 1e-6 kWh, 1e-6 relative, 300 rounds, every core. */
  public static GameSettings defaults() {
    return new GameSettings(1e-6, 1e-6, 300, Runtime.getRuntime().availableProcessors());
  }

  public GameSettings withThreads(int n) {
    return new GameSettings(primalToleranceKwh, dualTolerance, maxIterations, n);
  }

  public GameSettings {
    if (!(primalToleranceKwh > 0 && dualTolerance > 0) || maxIterations < 1 || threads < 1) {
      throw new IllegalArgumentException("tolerances must be > 0, iterations and threads ≥ 1");
    }
  }
}
