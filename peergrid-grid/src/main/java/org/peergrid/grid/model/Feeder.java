package org.peergrid.grid.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.grid.ValidationException;

/**
 * A distribution feeder as the user described it: buses, branches and the source case's
 * generators, in engineering units, with the base values that the per-unit impedances refer to.
 * Immutable. The structural checks run in the constructor, each naming the element at fault:
 *
 * <ul>
 *   <li>the base power is a positive number of MVA;
 *   <li>there is at least one bus, and bus numbers are unique;
 *   <li>every branch and generator refers to an existing bus;
 *   <li>each element's own fields are finite and in range (see {@link Bus}, {@link Branch},
 *       {@link Generator}).
 * </ul>
 *
 * <p>Whether the feeder is one radial tree from one source is a second level of checks, made when
 * the computation model is derived from it ({@code org.peergrid.grid.radial.RadialNetwork}).
 */
public final class Feeder {
  private final String name;
  private final double baseMva;
  private final List<Bus> buses;
  private final List<Branch> branches;
  private final List<Generator> generators;
  private final Map<Integer, Bus> busByNumber;

  /**
   * @param name a label for reports (the case name)
   * @param baseMva the system base power [MVA] of the per-unit impedances
   * @param buses the buses
   * @param branches the branches, in service or not
   * @param generators the generators of the source case (may be empty)
   */
  public Feeder(String name, double baseMva, List<Bus> buses, List<Branch> branches, List<Generator> generators) {
    this.name = name == null ? "feeder" : name;
    if (!(baseMva > 0) || Double.isInfinite(baseMva)) {
      throw new ValidationException("feeder " + this.name + ": base power must be a positive number of MVA, got " + baseMva);
    }
    this.baseMva = baseMva;
    this.buses = List.copyOf(buses);
    this.branches = List.copyOf(branches);
    this.generators = List.copyOf(generators);
    if (this.buses.isEmpty()) {
      throw new ValidationException("feeder " + this.name + ": it has no buses");
    }
    Map<Integer, Bus> map = new LinkedHashMap<>();
    for (Bus bus : this.buses) {
      if (map.putIfAbsent(bus.number(), bus) != null) {
        throw new ValidationException("bus " + bus.number() + ": the number is used by two buses; bus numbers must be unique");
      }
    }
    this.busByNumber = Collections.unmodifiableMap(map);
    for (Branch branch : this.branches) {
      requireBus(branch.label(), branch.fromBus());
      requireBus(branch.label(), branch.toBus());
    }
    for (Generator gen : this.generators) {
      requireBus("generator " + gen.index(), gen.bus());
    }
  }

  private void requireBus(String element, int number) {
    if (!busByNumber.containsKey(number)) {
      throw new ValidationException(element + ": bus " + number + " does not exist");
    }
  }

  public String name() {
    return name;
  }

  /** The system base power [MVA]. */
  public double baseMva() {
    return baseMva;
  }

  /** The base power [kVA]: 1 p.u. of power in kW, kvar or kVA. */
  public double baseKva() {
    return baseMva * 1000.0;
  }

  public List<Bus> buses() {
    return buses;
  }

  public List<Branch> branches() {
    return branches;
  }

  public List<Generator> generators() {
    return generators;
  }

  public Optional<Bus> bus(int number) {
    return Optional.ofNullable(busByNumber.get(number));
  }

  /** Total background active load [kW]. */
  public double totalLoadKw() {
    return buses.stream().mapToDouble(Bus::loadKw).sum();
  }

  @Override
  public String toString() {
    return "Feeder[" + name + ", " + buses.size() + " buses, " + branches.size() + " branches]";
  }
}
