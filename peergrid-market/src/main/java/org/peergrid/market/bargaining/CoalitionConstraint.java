package org.peergrid.market.bargaining;

import java.util.Arrays;

/**
 * A core constraint Σ_{i∈C} x_i ≥ v(C): coalition C (player indices, 0-based) must receive at
 * least what it could secure on its own.
 *
 * @param members the players in C, distinct, sorted ascending on construction
 * @param value v(C), in the payoff unit of the problem
 */
public record CoalitionConstraint(int[] members, double value) {
  public CoalitionConstraint {
    if (members == null || members.length == 0) {
      throw new IllegalArgumentException("a coalition needs at least one member");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("coalition value must be finite: " + value);
    }
    members = members.clone();
    Arrays.sort(members);
    for (int k = 0; k < members.length; k++) {
      if (members[k] < 0 || (k > 0 && members[k] == members[k - 1])) {
        throw new IllegalArgumentException("invalid or repeated member " + members[k]);
      }
    }
  }

  /** Coalition C = {members} with value v(C). */
  public static CoalitionConstraint of(double value, int... members) {
    return new CoalitionConstraint(members, value);
  }

  @Override
  public int[] members() {
    return members.clone();
  }

  /** Σ_{i∈C} x_i. */
  public double sum(double[] x) {
    double s = 0;
    for (int i : members) {
      s += x[i];
    }
    return s;
  }

  /** Whether player i belongs to C. */
  public boolean contains(int i) {
    return Arrays.binarySearch(members, i) >= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoalitionConstraint c
        && Arrays.equals(members, c.members)
        && Double.compare(value, c.value) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(members) + Double.hashCode(value);
  }

  @Override
  public String toString() {
    return "v(" + Arrays.toString(members) + ")=" + value;
  }
}
