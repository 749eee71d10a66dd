package org.peergrid.platform.auth;

/** Who a request comes from, once its bearer token is checked. The public has no principal. */
public sealed interface Principal {
  /** The distribution system operator: opens days, registers participants, clears, audits. */
  record Dso() implements Principal {}

  /** A prosumer, registered on one market day. */
  record Prosumer(String dayId, String participantId) implements Principal {}
}
