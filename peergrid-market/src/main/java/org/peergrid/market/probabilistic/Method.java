package org.peergrid.market.probabilistic;

import java.util.Arrays;
import java.util.Optional;

/** How the statistics of a cleared day are estimated. */
public enum Method {
  /** Hong's 2m scheme: 2m clearings. */
  PEM_2M("pem2m"),
  /** Hong's 2m+1 scheme: 2m + 1 clearings (the m central points are one). */
  PEM_2M_PLUS_ONE("pem2m+1"),
  /** Seeded Monte Carlo: one clearing per sample. */
  MONTE_CARLO("mc");

  private final String key;

  Method(String key) {
    this.key = key;
  }

  /** The name on the command line and in reports. */
  public String key() {
    return key;
  }

  public static Optional<Method> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
  }
}
