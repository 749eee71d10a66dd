package org.peergrid.platform.auth;

import java.util.Set;

/**
 * What a signed envelope carries, under its own key so that one can never pass for the other
 * (docs/platform.md): a day-ahead offer, or the real-time meter readings of a cleared day.
 */
public enum SignedBody {
  /** A day-ahead offer: the participant fields of a building without id, type and bus. */
  OFFER("offer", Set.of("load_kw", "power_factor", "pv_kw", "wind_kw", "battery", "shiftable")),
  /** What the meter measured over the day: load, PV and wind, each a number or one value per interval. */
  READINGS("readings", Set.of("load_kw", "pv_kw", "wind_kw"));

  /** The series every body must have. */
  public static final String REQUIRED = "load_kw";

  private final String field;
  private final Set<String> keys;

  SignedBody(String field, Set<String> keys) {
    this.field = field;
    this.keys = keys;
  }

  /** The envelope's key that holds the body. */
  public String field() {
    return field;
  }

  /** The keys the body may have. */
  public Set<String> keys() {
    return keys;
  }
}
