package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * A branch named by its end buses, as the scenario's {@code branch_limit_kva} keys write it
 * ({@code "6-7"}: MATPOWER from and to bus numbers).
 */
public record BranchKey(int fromBus, int toBus) {

  /** Parses {@code "6-7"}. */
  public static BranchKey parse(String text) {
    String[] parts = text.trim().split("-");
    if (parts.length != 2) {
      throw new ValidationException("\"" + text + "\" is not a branch: write it as \"FROM-TO\" with MATPOWER bus numbers, e.g. \"6-7\"");
    }
    try {
      return new BranchKey(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new ValidationException("\"" + text + "\" is not a branch: write it as \"FROM-TO\" with MATPOWER bus numbers, e.g. \"6-7\"");
    }
  }

  /** Whether this names the branch between {@code a} and {@code b}, in either direction. */
  public boolean joins(int a, int b) {
    return (fromBus == a && toBus == b) || (fromBus == b && toBus == a);
  }

  @Override
  public String toString() {
    return fromBus + "-" + toBus;
  }
}
