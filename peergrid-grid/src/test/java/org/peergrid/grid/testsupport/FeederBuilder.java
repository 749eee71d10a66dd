package org.peergrid.grid.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.model.Generator;

/** Small feeders written in code for tests: bus 1 is the substation unless said otherwise. */
public final class FeederBuilder {
  private final List<Bus> buses = new ArrayList<>();
  private final List<Branch> branches = new ArrayList<>();
  private final List<Generator> generators = new ArrayList<>();
  private final double baseMva;

  public FeederBuilder(double baseMva) {
    this.baseMva = baseMva;
  }

  public FeederBuilder source(int number, double voltagePu) {
    buses.add(new Bus(number, BusType.REFERENCE, 0, 0, 0, 0, voltagePu, 0, 12.66, 1.1, 0.9));
    generators.add(new Generator(generators.size() + 1, number, 0, 0, voltagePu, true));
    return this;
  }

  public FeederBuilder bus(int number, BusType type, double kw, double kvar) {
    buses.add(new Bus(number, type, kw, kvar, 0, 0, 1, 0, 12.66, 1.1, 0.9));
    return this;
  }

  public FeederBuilder load(int number, double kw, double kvar) {
    return bus(number, BusType.PQ, kw, kvar);
  }

  public FeederBuilder shunt(int number, double kw, double kvar, double gKw, double bKvar) {
    buses.add(new Bus(number, BusType.PQ, kw, kvar, gKw, bKvar, 1, 0, 12.66, 1.1, 0.9));
    return this;
  }

  public FeederBuilder line(int from, int to, double r, double x) {
    branches.add(Branch.line(branches.size() + 1, from, to, r, x));
    return this;
  }

  public FeederBuilder open(int from, int to, double r, double x) {
    branches.add(new Branch(branches.size() + 1, from, to, r, x, 0, OptionalDouble.empty(), 1, 0, false));
    return this;
  }

  public FeederBuilder branch(int from, int to, double r, double x, double b, double tap, double shiftDeg) {
    branches.add(new Branch(branches.size() + 1, from, to, r, x, b, OptionalDouble.empty(), tap, shiftDeg, true));
    return this;
  }

  public FeederBuilder generator(int bus, double kw, double kvar) {
    generators.add(new Generator(generators.size() + 1, bus, kw, kvar, 1.0, true));
    return this;
  }

  public Feeder build() {
    return new Feeder("test", baseMva, buses, branches, generators);
  }
}
