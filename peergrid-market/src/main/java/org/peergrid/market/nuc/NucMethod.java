package org.peergrid.market.nuc;

import java.util.Arrays;
import java.util.Optional;

/** How a trade's share of the DSO's loss cost is weighted (docs/nuc-ev.md). */
public enum NucMethod {
  /** w = R_ij, the resistance of the feeder path between seller and buyer [p.u.]. */
  DISTANCE("distance"),
  /** w = max(0, λ_j − λ_i), the AC marginal loss factors of buyer and seller bus [kW/kW]. */
  LOSS_SENSITIVITY("loss-sensitivity");

  private final String key;

  NucMethod(String key) {
    this.key = key;
  }

  /** The value of {@code nuc.method} in scenario files. */
  public String key() {
    return key;
  }

  public static Optional<NucMethod> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }
}
