package org.peergrid.market.accheck;

/**
 * The AC apparent power of a branch against its thermal limit.
 *
 * @param interval the interval, from 0
 * @param fromBus MATPOWER bus number of the branch's from end, as in the case
 * @param toBus MATPOWER bus number of its to end
 * @param kva apparent power at the sending end (the end nearer the root) [kVA]
 * @param limitKva S^max [kVA]
 */
public record BranchLoading(int interval, int fromBus, int toBus, double kva, double limitKva) {

  /** 100 · kva / limit [%]. */
  public double percent() {
    return 100 * kva / limitKva;
  }

  /** The branch as scenario files name it, "from-to". */
  public String element() {
    return fromBus + "-" + toBus;
  }
}
