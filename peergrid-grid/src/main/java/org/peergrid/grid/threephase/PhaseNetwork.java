package org.peergrid.grid.threephase;

import java.util.List;

/**
 * A radial feeder in the phase frame, ready for the power flow: buses in breadth-first order from the
 * source (so every bus's parent comes before it), each bus's nodes (OpenDSS node numbers 1, 2, 3, ...)
 * numbered consecutively, the passive elements with their admittance matrices, the loads, the source
 * (a Norton equivalent of the Vsource) and the regulators.
 *
 * @param busNames bus names (lower case), index = bus
 * @param parent each bus's parent towards the source, -1 for the source bus (index 0)
 * @param firstNode the first global node of each bus; length buses + 1
 * @param nodeNumbers OpenDSS node number of each global node
 * @param busFirstElement where each bus first appears (file:line of the element), for messages
 * @param sourceNodes global nodes of the source's three phases
 * @param sourceY the source's 3x3 admittance (inverse of its Thevenin impedance), S
 * @param sourceEmf the source's open-circuit phase voltages, V: {re[3], im[3]}
 * @param voltageBasesKv the line-to-line bases the buses may take, kV
 * @param frequency system frequency, Hz
 */
public record PhaseNetwork(
    String name,
    String[] busNames,
    int[] parent,
    int[] firstNode,
    int[] nodeNumbers,
    String[] busFirstElement,
    List<PhaseElement> elements,
    List<LoadElement> loads,
    int[] sourceNodes,
    CMatrix sourceY,
    double[][] sourceEmf,
    List<Regulator> regulators,
    double[] voltageBasesKv,
    String voltageBasesLocation,
    double frequency) {

  public int busCount() {
    return busNames.length;
  }

  public int nodeCount() {
    return nodeNumbers.length;
  }

  /** Bus of a global node. */
  public int busOf(int node) {
    int lo = 0;
    int hi = busNames.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (firstNode[mid] <= node) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Index of a bus by name, or -1. */
  public int busIndex(String name) {
    for (int b = 0; b < busNames.length; b++) {
      if (busNames[b].equals(name)) {
        return b;
      }
    }
    return -1;
  }

  /** Global node of bus {@code b}'s node number {@code number}, or -1. */
  public int node(int b, int number) {
    for (int k = firstNode[b]; k < firstNode[b + 1]; k++) {
      if (nodeNumbers[k] == number) {
        return k;
      }
    }
    return -1;
  }
}
