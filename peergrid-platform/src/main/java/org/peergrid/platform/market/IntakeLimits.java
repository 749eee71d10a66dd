package org.peergrid.platform.market;

import java.util.OptionalDouble;
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * Physical limits that every offer and meter reading must respect, checked at intake so that one
 * implausible value (a load in W sent as kW) is refused alone instead of making the whole day's
 * clearing infeasible. Each power of an offer (load, PV, wind, a battery's charge and discharge, a
 * shiftable load's peak) is at most the participant's limit and at most its bus's limit; each energy
 * (battery capacity, shiftable energy) at most that power over the whole day.
 *
 * @param maxParticipantKw the most one participant may offer in any power [kW] (default
 *     {@value #DEFAULT_MAX_PARTICIPANT_KW}: a large commercial building on a low-voltage feeder; larger
 *     customers connect at medium voltage on their own terms)
 * @param maxBusKw the most one participant may offer at a bus whose feeding branch has no thermal
 *     rating [kW] (default {@value #DEFAULT_MAX_BUS_KW}); where the scenario's {@code branch_limit_kva} or
 *     the case's RATE_A rates that branch, the smaller of the two applies, since a bus's power beyond
 *     what its branch carries could only come from generation downstream
 */
public record IntakeLimits(double maxParticipantKw, double maxBusKw) {
  public static final double DEFAULT_MAX_PARTICIPANT_KW = 1000;
  public static final double DEFAULT_MAX_BUS_KW = 2000;
  public static final IntakeLimits DEFAULT = new IntakeLimits(DEFAULT_MAX_PARTICIPANT_KW, DEFAULT_MAX_BUS_KW);

  public IntakeLimits {
    if (!(maxParticipantKw > 0) || Double.isInfinite(maxParticipantKw)) {
      throw new IllegalArgumentException("the participant limit must be a positive number of kW, got "
          + maxParticipantKw);
    }
    if (!(maxBusKw > 0) || Double.isInfinite(maxBusKw)) {
      throw new IllegalArgumentException("the bus limit must be a positive number of kW, got " + maxBusKw);
    }
  }

  /**
   * The most a participant at {@code bus} of the day's feeder may offer, with where that limit comes from.
   * On a three-phase feeder no branch has a kVA rating (its lines' limits are in amperes, checked by the
   * clearing), so the bus limit is the operator's.
   */
  PowerCeiling ceiling(DayScenario day, int bus) {
    if (day.isThreePhase()) {
      ThreePhaseScenario s = day.threePhase().orElseThrow();
      return ceiling(OptionalDouble.empty(), s.network().feeder().busNames()[bus], day.horizon());
    }
    Scenario s = day.balanced().orElseThrow();
    int k = s.network().radial().indexOf(bus);
    return ceiling(k > 0 ? s.network().limitKvaInto(k) : OptionalDouble.empty(), String.valueOf(bus), day.horizon());
  }

  private PowerCeiling ceiling(OptionalDouble rating, String bus, Horizon horizon) {
    double busKw = rating.isPresent() ? Math.min(rating.getAsDouble(), maxBusKw) : maxBusKw;
    double hours = horizon.intervals() * horizon.hours();
    if (maxParticipantKw <= busKw) {
      return new PowerCeiling(maxParticipantKw, hours, "the " + kw(maxParticipantKw)
          + " kW that one participant may offer (peergrid serve --max-participant-kw)");
    }
    String source = rating.isPresent() && rating.getAsDouble() <= maxBusKw
        ? "the " + kw(busKw) + " kVA rating of the branch that feeds bus " + bus
        : "the " + kw(busKw) + " kW that one participant may offer at bus " + bus + " (peergrid serve --max-bus-kw)";
    return new PowerCeiling(busKw, hours, source);
  }

  private static String kw(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
