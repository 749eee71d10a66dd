package org.peergrid.cluster;

/** The cluster could not do the work: a node did not join, or an entity did not answer (CLI exit code 5). */
public final class ClusterFailure extends RuntimeException {
  public ClusterFailure(String message) {
    super(message);
  }

  public ClusterFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
