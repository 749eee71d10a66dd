package org.peergrid.market.dispatch;

/**
 * The network's side of vc-coop's Dantzig–Wolfe decomposition (docs/vc-coop.md §2), whatever the
 * feeder: blocks (communities) propose net withdrawals at <em>locations</em> with their private cost,
 * the master picks the cheapest mix of each block's proposals that the feeder carries, and its duals
 * price a withdrawal at every location. {@link NetworkMaster} is the balanced feeder's (locations are
 * buses, LinDistFlow); {@code threephase.ThreePhaseMaster} the three-phase one's (locations are
 * connections, a bus and phases, LinDist3Flow).
 */
public interface DecompositionMaster extends AutoCloseable {
  /** A new block with its convexity row; its number. */
  int addBlock();

  /**
   * A proposal of a block.
   *
   * @param cost its private cost (wear, fuel) [money]
   * @param location the master's indices ({@link #locationIndex}) of the locations it covers
   * @param withdrawalKw net withdrawal [j][t] at location[j] [kW], negative when injecting
   */
  void addColumn(int block, double cost, int[] location, double[][] withdrawalKw);

  /** Solves the restricted master with the proposals so far. */
  MasterSolution solve();

  /** The master's index of a location as the proposals name it (a bus number on a balanced feeder). */
  int locationIndex(int locationNumber);

  /** After an optimal {@link #solve}: the price of a kWh withdrawn at location index k in interval t [money/kWh]. */
  double price(MasterSolution solved, int t, int k);

  @Override
  void close();
}
