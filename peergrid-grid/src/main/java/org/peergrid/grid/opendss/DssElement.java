package org.peergrid.grid.opendss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One object of an OpenDSS circuit as the script defines it, with OpenDSS's defaults. Properties are
 * applied in the order written, as OpenDSS does (so {@code Switch=y} followed by {@code r1=1e-4}
 * keeps the later value). A property this reader does not know is refused with the file and line.
 */
public abstract class DssElement {
  final String name;
  final DssLocation defined;
  boolean enabled = true;

  DssElement(String name, DssLocation defined) {
    this.name = name;
    this.defined = defined;
  }

  /** Lower-case name without the class. */
  public String name() {
    return name;
  }

  /** The {@code New} command that created it. */
  public DssLocation defined() {
    return defined;
  }

  public boolean enabled() {
    return enabled;
  }

  /** OpenDSS class name as written in scripts (Line, Load, ...). */
  public abstract String className();

  /** Applies one property; returns false when the property is unknown to this class. */
  abstract boolean set(String property, String value, DssLocation where);

  /**
   * Every property assignment applied so far, in order: {@code like=} replays another object's
   * (OpenDSS copies its properties, which is the same as setting them again from the defaults).
   */
  final List<String[]> assignments = new ArrayList<>();

  final void apply(String property, String value, DssLocation where) {
    if (property.equals("enabled")) {
      enabled = DssSyntax.yesNo(value, where, property);
    } else if (!set(property, value, where)) {
      throw where.error(className() + "." + name + ": unknown property '" + property + "'; see docs/opendss.md for the"
          + " properties this reader accepts");
    }
  }

  final double num(String value, DssLocation where, String property) {
    return DssSyntax.number(value, where, property);
  }

  /** A terminal's bus and the nodes written after it ({@code 632.1.2}); empty nodes = defaults. */
  public record BusRef(String bus, int[] nodes) {
    static BusRef parse(String text, DssLocation where) {
      String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\.", -1);
      if (parts[0].isEmpty()) {
        throw where.error("bus '" + text + "' has no name");
      }
      int[] nodes = new int[parts.length - 1];
      for (int k = 1; k < parts.length; k++) {
        try {
          nodes[k - 1] = Integer.parseInt(parts[k]);
        } catch (NumberFormatException e) {
          throw where.error("bus '" + text + "': node '" + parts[k] + "' is not a number");
        }
        if (nodes[k - 1] < 0) {
          throw where.error("bus '" + text + "': node " + nodes[k - 1] + " is negative");
        }
      }
      return new BusRef(parts[0], nodes);
    }

    /**
     * The node of each of {@code conductors} conductors: the written nodes first; unwritten ones are
     * 1..phases (when no node was written) and then ground (0), as OpenDSS assigns them.
     */
    public int[] conductors(int conductors, int phases) {
      int[] out = new int[conductors];
      for (int k = 0; k < conductors; k++) {
        if (k < nodes.length) {
          out[k] = nodes[k];
        } else if (nodes.length == 0 && k < phases) {
          out[k] = k + 1;
        } else {
          out[k] = 0;
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return bus + (nodes.length == 0 ? "" : "." + String.join(".", Arrays.stream(nodes).mapToObj(Integer::toString)
          .toList()));
    }
  }

  /** Length units and their size in metres ({@code none} = 0: no conversion). */
  static double unitMetres(String units, DssLocation where) {
    return switch (units.toLowerCase(Locale.ROOT)) {
      case "none" -> 0;
      case "mi" -> 1609.344;
      case "kft" -> 304.8;
      case "km" -> 1000;
      case "m", "meter" -> 1;
      case "ft" -> 0.3048;
      case "in" -> 0.0254;
      case "cm" -> 0.01;
      case "mm" -> 0.001;
      default -> throw where.error("units '" + units + "' unknown; use none, mi, kft, km, m, ft, in, cm or mm");
    };
  }

  /** Impedance data per unit length: matrices, or sequence values turned into matrices. */
  static final class Impedance {
    int phases = 3;
    boolean matrixForm;
    double r1 = 0.058;
    double x1 = 0.1206;
    double r0 = 0.1784;
    double x0 = 0.4047;
    double c1 = 3.4;
    double c0 = 1.6;
    double[][] r;
    double[][] x;
    double[][] c;
    double unitMetres;

    Impedance copy() {
      Impedance o = new Impedance();
      o.phases = phases;
      o.matrixForm = matrixForm;
      o.r1 = r1;
      o.x1 = x1;
      o.r0 = r0;
      o.x0 = x0;
      o.c1 = c1;
      o.c0 = c0;
      o.r = r == null ? null : deep(r);
      o.x = x == null ? null : deep(x);
      o.c = c == null ? null : deep(c);
      o.unitMetres = unitMetres;
      return o;
    }

    private static double[][] deep(double[][] m) {
      double[][] o = new double[m.length][];
      for (int k = 0; k < m.length; k++) {
        o[k] = m[k].clone();
      }
      return o;
    }

    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "r1" -> { r1 = DssSyntax.number(v, where, p); toSequence(); }
        case "x1" -> { x1 = DssSyntax.number(v, where, p); toSequence(); }
        case "r0" -> { r0 = DssSyntax.number(v, where, p); toSequence(); }
        case "x0" -> { x0 = DssSyntax.number(v, where, p); toSequence(); }
        case "c1" -> { c1 = DssSyntax.number(v, where, p); toSequence(); }
        case "c0" -> { c0 = DssSyntax.number(v, where, p); toSequence(); }
        case "rmatrix" -> { toMatrix(); r = DssSyntax.matrix(v, where, p); }
        case "xmatrix" -> { toMatrix(); x = DssSyntax.matrix(v, where, p); }
        case "cmatrix" -> { toMatrix(); c = DssSyntax.matrix(v, where, p); }
        default -> { return false; }
      }
      return true;
    }

    private void toSequence() {
      matrixForm = false;
    }

    private void toMatrix() {
      if (!matrixForm) {
        // starting a matrix description from sequence values: the other matrices are filled from them
        r = sequence(r1, r0);
        x = sequence(x1, x0);
        c = sequence(c1, c0);
        matrixForm = true;
      }
    }

    private double[][] sequence(double pos, double zero) {
      double[][] m = new double[phases][phases];
      double self = (2 * pos + zero) / 3;
      double mutual = (zero - pos) / 3;
      for (int i = 0; i < phases; i++) {
        for (int j = 0; j < phases; j++) {
          m[i][j] = i == j ? self : mutual;
        }
      }
      return m;
    }

    double[][] rMatrix() {
      return matrixForm ? r : sequence(r1, r0);
    }

    double[][] xMatrix() {
      return matrixForm ? x : sequence(x1, x0);
    }

    /** Capacitance per unit length, nF. */
    double[][] cMatrix() {
      if (matrixForm) {
        return c != null ? c : new double[phases][phases];
      }
      return sequence(c1, c0);
    }
  }

  /** {@code LineCode}: impedances per unit length. */
  public static final class LineCode extends DssElement {
    final Impedance z = new Impedance();

    LineCode(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "LineCode";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "nphases" -> z.phases = DssSyntax.phases(v, where, p);
        case "units" -> z.unitMetres = unitMetres(v, where);
        case "basefreq", "normamps", "emergamps" -> num(v, where, p); // ratings are not used by the power flow
        default -> { return z.set(p, v, where); }
      }
      return true;
    }

  }

  /** {@code Line}: a series impedance between two buses with its shunt capacitance. */
  public static final class Line extends DssElement {
    BusRef bus1;
    BusRef bus2;
    Impedance z = new Impedance();
    double length = 1;
    double lengthUnitMetres;
    String lineCode;

    Line(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "Line";
    }

    public BusRef bus1() {
      return bus1;
    }

    public BusRef bus2() {
      return bus2;
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "bus1" -> bus1 = BusRef.parse(v, where);
        case "bus2" -> bus2 = BusRef.parse(v, where);
        case "phases" -> z.phases = DssSyntax.phases(v, where, p);
        case "length" -> length = num(v, where, p);
        case "units" -> lengthUnitMetres = unitMetres(v, where);
        case "linecode" -> throw new IllegalStateException("linecode is resolved by the reader");
        case "switch" -> {
          if (DssSyntax.yesNo(v, where, p)) {
            // OpenDSS's switch: a 0.001-long line of 1 ohm per unit length, no units
            z.matrixForm = false;
            z.r1 = 1;
            z.x1 = 1;
            z.r0 = 1;
            z.x0 = 1;
            z.c1 = 1.1;
            z.c0 = 1;
            length = 0.001;
            lengthUnitMetres = 0;
            z.unitMetres = 0;
          }
        }
        case "basefreq", "normamps", "emergamps", "faultrate", "pctperm", "repair" -> num(v, where, p);
        default -> { return z.set(p, v, where); }
      }
      return true;
    }

    void useCode(LineCode code) {
      lineCode = code.name;
      z = code.z.copy();
    }


    public int phases() {
      return z.phases;
    }

    /** Length converted to the impedance data's unit (1 when either is unit-less). */
    double scaledLength() {
      if (lengthUnitMetres == 0 || z.unitMetres == 0) {
        return length;
      }
      return length * lengthUnitMetres / z.unitMetres;
    }
  }

  /** Connection of loads, capacitors and transformer windings. */
  public enum Connection { WYE, DELTA }

  static Connection connection(String v, DssLocation where) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("w") || s.startsWith("y") || s.equals("ln")) {
      return Connection.WYE;
    }
    if (s.startsWith("d") || s.equals("ll")) {
      return Connection.DELTA;
    }
    throw where.error("conn '" + v + "' is neither wye nor delta");
  }

  /** {@code Load} (and, with negative power, the model-1 {@code Generator}). */
  public static final class Load extends DssElement {
    BusRef bus1;
    int phases = 3;
    Connection conn = Connection.WYE;
    double kv = 12.47;
    double kw = 10;
    double kvar = 5.4;
    double pf = 0.88;
    boolean pfGiven = true;
    int model = 1;
    double vminpu = 0.95;
    double vmaxpu = 1.05;
    double vlowpu = 0.50;
    double cvrWatts = 1;
    double cvrVars = 2;
    String yearly;
    String daily;
    final boolean generator;

    Load(String name, DssLocation defined, boolean generator) {
      super(name, defined);
      this.generator = generator;
      if (generator) {
        vminpu = 0.90;
        vmaxpu = 1.10;
        kw = 1000;
        pf = 0.88;
      }
    }

    @Override
    public String className() {
      return generator ? "Generator" : "Load";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "bus1" -> bus1 = BusRef.parse(v, where);
        case "phases" -> phases = DssSyntax.phases(v, where, p);
        case "conn" -> conn = connection(v, where);
        case "kv" -> kv = DssSyntax.positive(v, where, p);
        case "kw" -> kw = num(v, where, p);
        case "kvar" -> { kvar = num(v, where, p); pfGiven = false; }
        case "pf" -> { pf = num(v, where, p); pfGiven = true; }
        case "model" -> {
          model = DssSyntax.integer(v, where, p);
          boolean ok = generator ? model == 1 : (model == 1 || model == 2 || model == 4 || model == 5);
          if (!ok) {
            throw where.error(className() + "." + name + ": model " + model + " is not supported; use "
                + (generator ? "1 (constant P and Q)" : "1 (constant P,Q), 2 (constant Z), 4 (exponential) or 5 (constant |I|)"));
          }
        }
        case "vminpu" -> vminpu = num(v, where, p);
        case "vmaxpu" -> vmaxpu = num(v, where, p);
        case "vlowpu" -> vlowpu = num(v, where, p);
        case "cvrwatts" -> cvrWatts = num(v, where, p);
        case "cvrvars" -> cvrVars = num(v, where, p);
        case "yearly" -> yearly = v.toLowerCase(Locale.ROOT);
        case "daily" -> daily = v.toLowerCase(Locale.ROOT);
        default -> { return false; }
      }
      return true;
    }


    public BusRef bus1() {
      return bus1;
    }

    public int phases() {
      return phases;
    }

    public Connection conn() {
      return conn;
    }

    public double kw() {
      return kw;
    }

    /** kvar from kvar, or from kW and the power factor (negative pf: leading) as OpenDSS computes it. */
    public double kvarEffective() {
      if (!pfGiven) {
        return kvar;
      }
      double q = kw * Math.sqrt(1 / (pf * pf) - 1);
      return pf < 0 ? -q : q;
    }

    public int model() {
      return model;
    }

    public String yearlyShape() {
      return yearly;
    }
  }

  /** {@code Capacitor}: a fixed shunt bank (one step). */
  public static final class Capacitor extends DssElement {
    BusRef bus1;
    BusRef bus2;
    int phases = 3;
    Connection conn = Connection.WYE;
    double kv = 12.47;
    double kvar = 600;

    Capacitor(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "Capacitor";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "bus1" -> bus1 = BusRef.parse(v, where);
        case "bus2" -> bus2 = BusRef.parse(v, where);
        case "phases" -> phases = DssSyntax.phases(v, where, p);
        case "conn" -> conn = connection(v, where);
        case "kv" -> kv = DssSyntax.positive(v, where, p);
        case "kvar" -> {
          double[] steps = DssSyntax.numbers(v, where, p);
          if (steps.length != 1) {
            throw where.error("Capacitor." + name + ": only one kvar step is supported");
          }
          kvar = steps[0];
        }
        default -> { return false; }
      }
      return true;
    }

  }

  /** {@code Transformer} with two windings. */
  public static final class Transformer extends DssElement {
    int phases = 3;
    int activeWinding = 0;
    final BusRef[] bus = new BusRef[2];
    final Connection[] conn = {Connection.WYE, Connection.WYE};
    final double[] kv = {12.47, 12.47};
    final double[] kva = {1000, 1000};
    final double[] pctR = {0.2, 0.2};
    final double[] tap = {1, 1};
    double xhl = 7;
    double ppmAntifloat = 1;
    double maxTap = 1.1;
    double minTap = 0.9;
    int numTaps = 32;

    Transformer(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "Transformer";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "phases" -> phases = DssSyntax.phases(v, where, p);
        case "windings" -> {
          if (DssSyntax.integer(v, where, p) != 2) {
            throw where.error("Transformer." + name + ": only 2-winding transformers are supported");
          }
        }
        case "wdg" -> {
          int w = DssSyntax.integer(v, where, p);
          if (w < 1 || w > 2) {
            throw where.error("Transformer." + name + ": wdg=" + w + " but it has 2 windings");
          }
          activeWinding = w - 1;
        }
        case "bus" -> bus[activeWinding] = BusRef.parse(v, where);
        case "conn" -> conn[activeWinding] = connection(v, where);
        case "kv" -> kv[activeWinding] = DssSyntax.positive(v, where, p);
        case "kva" -> kva[activeWinding] = DssSyntax.positive(v, where, p);
        case "%r" -> pctR[activeWinding] = num(v, where, p);
        case "tap" -> tap[activeWinding] = DssSyntax.positive(v, where, p);
        case "buses" -> {
          List<String> b = twoItems(v, where, p);
          bus[0] = BusRef.parse(b.get(0), where);
          bus[1] = BusRef.parse(b.get(1), where);
        }
        case "conns" -> {
          List<String> b = twoItems(v, where, p);
          conn[0] = connection(b.get(0), where);
          conn[1] = connection(b.get(1), where);
        }
        case "kvs" -> twoNumbers(kv, v, where, p);
        case "kvas" -> twoNumbers(kva, v, where, p);
        case "taps" -> twoNumbers(tap, v, where, p);
        case "%rs" -> twoNumbers(pctR, v, where, p);
        case "xhl", "x12" -> xhl = num(v, where, p);
        // a 2-winding transformer has no tertiary: OpenDSS ignores XHT and XLT here too
        case "xht", "xlt", "x13", "x23" -> num(v, where, p);
        case "%loadloss" -> {
          double l = num(v, where, p);
          pctR[0] = l / 2;
          pctR[1] = l / 2;
        }
        case "%noloadloss", "%imag" -> {
          if (num(v, where, p) != 0) {
            throw where.error("Transformer." + name + ": " + p + " (magnetising branch) is not supported; leave it 0");
          }
        }
        case "ppm_antifloat", "ppm" -> ppmAntifloat = num(v, where, p);
        case "maxtap" -> maxTap = num(v, where, p);
        case "mintap" -> minTap = num(v, where, p);
        case "numtaps" -> numTaps = (int) DssSyntax.positive(Integer.toString(DssSyntax.integer(v, where, p)), where, p);
        case "sub", "bank" -> { } // labels only
        case "normhkva", "emerghkva" -> num(v, where, p);
        default -> { return false; }
      }
      return true;
    }

    private List<String> twoItems(String v, DssLocation where, String p) {
      List<String> items = DssSyntax.items(v);
      if (items.size() != 2) {
        throw where.error("Transformer." + name + ": " + p + " needs 2 values (one per winding), got " + items.size());
      }
      return items;
    }

    private void twoNumbers(double[] target, String v, DssLocation where, String p) {
      List<String> items = twoItems(v, where, p);
      boolean mustBePositive = !p.equals("%rs");
      for (int w = 0; w < 2; w++) {
        target[w] = mustBePositive ? DssSyntax.positive(items.get(w), where, p) : num(items.get(w), where, p);
      }
    }


    public int phases() {
      return phases;
    }

    public BusRef bus(int winding) {
      return bus[winding];
    }

    public Connection conn(int winding) {
      return conn[winding];
    }

    public double tap(int winding) {
      return tap[winding];
    }

    void setTap(int winding, double value) {
      tap[winding] = Math.max(minTap, Math.min(maxTap, value));
    }

    public double tapIncrement() {
      return (maxTap - minTap) / numTaps;
    }

    /** The winding's base voltage across one coil, V (line-to-neutral for a wye bank of 2 or 3 phases). */
    public double coilBaseVolts(int winding) {
      boolean lineToNeutral = conn[winding] == Connection.WYE && phases > 1;
      return kv[winding] * 1000 / (lineToNeutral ? Math.sqrt(3) : 1);
    }
  }

  /** {@code RegControl}: a static voltage regulator control on one transformer winding. */
  public static final class RegControl extends DssElement {
    String transformer;
    int winding = 1;
    int tapWinding = 0;
    double vreg = 120;
    double band = 3;
    double ptRatio = 60;
    double ctPrimary = 300;
    double r;
    double x;
    double delay = 15;
    int maxTapChange = 16;
    int ptPhase = 1;

    RegControl(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "RegControl";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "transformer" -> transformer = v.toLowerCase(Locale.ROOT);
        case "winding" -> winding = DssSyntax.integer(v, where, p);
        case "tapwinding" -> tapWinding = DssSyntax.integer(v, where, p);
        case "vreg" -> vreg = num(v, where, p);
        case "band" -> band = num(v, where, p);
        case "ptratio" -> ptRatio = DssSyntax.positive(v, where, p);
        case "ctprim" -> ctPrimary = DssSyntax.positive(v, where, p);
        case "r" -> r = num(v, where, p);
        case "x" -> x = num(v, where, p);
        case "delay" -> delay = num(v, where, p);
        case "maxtapchange" -> maxTapChange = DssSyntax.integer(v, where, p);
        case "ptphase" -> ptPhase = DssSyntax.integer(v, where, p);
        case "bus" -> throw where.error("RegControl." + name + ": a remote regulated bus (bus=) is not supported");
        case "reversible" -> {
          if (DssSyntax.yesNo(v, where, p)) {
            throw where.error("RegControl." + name + ": reversible=yes is not supported");
          }
        }
        default -> { return false; }
      }
      return true;
    }


    public String transformer() {
      return transformer;
    }

    /** The tap-changing winding, 1-based (the monitored one unless tapwinding says otherwise). */
    public int tapWinding() {
      return tapWinding == 0 ? winding : tapWinding;
    }
  }

  /** {@code Vsource} (the circuit's source): a Thevenin equivalent behind its short-circuit impedance. */
  public static final class Vsource extends DssElement {
    BusRef bus1 = new BusRef("sourcebus", new int[0]);
    double basekv = 115;
    double pu = 1;
    double angleDeg;
    int phases = 3;
    double mvasc3 = 2000;
    double mvasc1 = 2100;
    double isc3 = 10041;
    double isc1 = 10543;
    double x1r1 = 4;
    double x0r0 = 3;
    double r1 = 1.65;
    double x1 = 6.6;
    double r0 = 1.9;
    double x0 = 5.7;
    /** 1: MVAsc, 2: Isc in A, 3: ohms. */
    int impedanceSpec = 1;

    Vsource(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "Vsource";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "bus1" -> bus1 = BusRef.parse(v, where);
        case "basekv" -> basekv = DssSyntax.positive(v, where, p);
        case "pu" -> pu = num(v, where, p);
        case "angle" -> angleDeg = num(v, where, p);
        case "phases" -> {
          phases = DssSyntax.integer(v, where, p);
          if (phases != 3) {
            throw where.error("Vsource." + name + ": only a 3-phase source is supported");
          }
        }
        case "mvasc3" -> { mvasc3 = num(v, where, p); impedanceSpec = 1; }
        case "mvasc1" -> { mvasc1 = num(v, where, p); impedanceSpec = 1; }
        case "isc3" -> { isc3 = num(v, where, p); impedanceSpec = 2; }
        case "isc1" -> { isc1 = num(v, where, p); impedanceSpec = 2; }
        case "x1r1" -> x1r1 = num(v, where, p);
        case "x0r0" -> x0r0 = num(v, where, p);
        case "r1" -> { r1 = num(v, where, p); impedanceSpec = 3; }
        case "x1" -> { x1 = num(v, where, p); impedanceSpec = 3; }
        case "r0" -> { r0 = num(v, where, p); impedanceSpec = 3; }
        case "x0" -> { x0 = num(v, where, p); impedanceSpec = 3; }
        case "frequency", "basefreq" -> num(v, where, p);
        default -> { return false; }
      }
      return true;
    }


    public BusRef bus1() {
      return bus1;
    }

    /** Positive- and zero-sequence impedance in ohms: {r1, x1, r0, x0}. */
    double[] sequenceOhms() {
      return switch (impedanceSpec) {
        case 1 -> fromShortCircuit(basekv * basekv / mvasc3, basekv * basekv / mvasc1);
        case 2 -> fromShortCircuit(basekv * 1000 / Math.sqrt(3) / isc3, basekv * 1000 / Math.sqrt(3) / isc1);
        default -> new double[] {r1, x1, r0, x0};
      };
    }

    /** OpenDSS's reading of short-circuit levels: |Z1| from the 3-phase level, the self impedance from the 1-phase one. */
    private double[] fromShortCircuit(double z1, double zs) {
      double sx1 = z1 / Math.sqrt(1 + 1 / (x1r1 * x1r1));
      double sr1 = sx1 / x1r1;
      double xs = zs / Math.sqrt(1 + 1 / (x0r0 * x0r0));
      double rs = xs / x0r0;
      return new double[] {sr1, sx1, 3 * rs - 2 * sr1, 3 * xs - 2 * sx1};
    }
  }

  /** {@code Loadshape}: kept for the load profiles of later stages (a snapshot power flow does not apply it). */
  public static final class LoadShape extends DssElement {
    int points;
    double minuteInterval;
    String multiplierFile;
    double[] multipliers;
    java.nio.file.Path folder;

    LoadShape(String name, DssLocation defined) {
      super(name, defined);
    }

    @Override
    public String className() {
      return "Loadshape";
    }

    @Override
    boolean set(String p, String v, DssLocation where) {
      switch (p) {
        case "npts" -> points = DssSyntax.integer(v, where, p);
        case "minterval" -> minuteInterval = num(v, where, p);
        case "interval" -> minuteInterval = num(v, where, p) * 60;
        case "useactual" -> {
          if (DssSyntax.yesNo(v, where, p)) {
            throw where.error("Loadshape." + name + ": useactual=yes is not supported (multipliers of the load's kW only)");
          }
        }
        case "mult" -> {
          String t = v.trim();
          if (t.toLowerCase(Locale.ROOT).startsWith("file=")) {
            multiplierFile = t.substring(5).trim();
            multipliers = null;
          } else {
            multipliers = DssSyntax.numbers(t, where, p);
            multiplierFile = null;
          }
        }
        default -> { return false; }
      }
      return true;
    }


    /** The multiplier file, resolved against the folder of the script that defined the shape, or null. */
    public java.nio.file.Path multiplierFile() {
      return multiplierFile == null ? null : folder.resolve(multiplierFile);
    }

    public int points() {
      return points;
    }

    public double minuteInterval() {
      return minuteInterval;
    }
  }

  static List<String> classNames() {
    return new ArrayList<>(List.of("line", "linecode", "load", "generator", "capacitor", "transformer", "regcontrol",
        "vsource", "loadshape"));
  }
}
