package org.peergrid.market.vc;

/**
 * How the non-cooperative game is played (docs/vc-game.md §3).
 *
 * @param maxRounds rounds at most (a round: totals out, every player's best response, bids in)
 * @param step the damping of the Jacobi iteration: the share of the way to its best response that a
 *     player moves in a round, in (0, 1]
 * @param relativeTolerance a player moves, and the game goes on, only while some player's exact best
 *     response gains more than this times max(1, |its cost alone|)
 * @param threads players solving at once; results do not depend on it
 * @param acCorrection whether the DSO raises its network charges (by tightening the limits of the
 *     LP it prices with) until the equilibrium passes the AC check
 */
public record NashGameSettings(int maxRounds, double step, double relativeTolerance, int threads,
    boolean acCorrection) {
  /** 300 rounds, step 1/2, 10⁻⁵ (0.001 % of the cost alone), every core, AC-corrected. */
  public static NashGameSettings defaults() {
    return new NashGameSettings(300, 0.5, 1e-5, Runtime.getRuntime().availableProcessors(), true);
  }

  public NashGameSettings withThreads(int n) {
    return new NashGameSettings(maxRounds, step, relativeTolerance, n, acCorrection);
  }

  public NashGameSettings withAcCorrection(boolean on) {
    return new NashGameSettings(maxRounds, step, relativeTolerance, threads, on);
  }

  public NashGameSettings {
    if (maxRounds < 1 || !(step > 0 && step <= 1) || !(relativeTolerance > 0) || threads < 1) {
      throw new IllegalArgumentException("rounds and threads ≥ 1, step in (0, 1], tolerance > 0");
    }
  }
}
