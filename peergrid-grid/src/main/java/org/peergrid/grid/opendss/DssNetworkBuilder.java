package org.peergrid.grid.opendss;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.peergrid.grid.threephase.CMatrix;
import org.peergrid.grid.threephase.LoadElement;
import org.peergrid.grid.threephase.PhaseElement;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.Regulator;
import org.peergrid.grid.threephase.TransformerModel;

/**
 * Turns a {@link DssCircuit} into a {@link PhaseNetwork}: buses and their nodes, each element's
 * conductors and admittance matrix (lines from their impedance and capacitance per unit length,
 * transformers as {@link TransformerModel}, capacitors, the Vsource as a Norton equivalent), loads,
 * generators and RegControls. Refuses a feeder that is not radial (naming the element that closes a
 * loop) and buses with no path to the source.
 */
public final class DssNetworkBuilder {
  private static final double SQRT3 = Math.sqrt(3);

  private final DssCircuit circuit;
  private final Map<String, Integer> busIndex = new LinkedHashMap<>();
  private final List<TreeSet<Integer>> busNodes = new ArrayList<>();
  private final List<String> busFirst = new ArrayList<>();

  private DssNetworkBuilder(DssCircuit circuit) {
    this.circuit = circuit;
  }

  /** The phase-frame network of {@code circuit}. */
  public static PhaseNetwork build(DssCircuit circuit) {
    return new DssNetworkBuilder(circuit).build();
  }

  /** Conductors of one element: bus (first-seen index) and OpenDSS node number per conductor. */
  private record Terminals(DssElement element, int[] bus, int[] node) {}

  private int bus(String name, DssLocation where) {
    Integer b = busIndex.get(name);
    if (b == null) {
      b = busIndex.size();
      busIndex.put(name, b);
      busNodes.add(new TreeSet<>());
      busFirst.add(where.toString());
    }
    return b;
  }

  private void addTerminal(List<Integer> buses, List<Integer> nodes, DssElement.BusRef ref, int conductors, int phases,
      DssElement e, String property) {
    if (ref == null) {
      throw e.defined().error(e.className() + "." + e.name() + ": " + property + " is not set");
    }
    int b = bus(ref.bus(), e.defined());
    for (int node : ref.conductors(conductors, phases)) {
      buses.add(b);
      nodes.add(node);
      if (node != 0) {
        busNodes.get(b).add(node);
      }
    }
  }

  private static Terminals terminals(DssElement e, List<Integer> buses, List<Integer> nodes) {
    return new Terminals(e, buses.stream().mapToInt(Integer::intValue).toArray(),
        nodes.stream().mapToInt(Integer::intValue).toArray());
  }

  private PhaseNetwork build() {
    DssElement.Vsource src = circuit.source;
    List<Integer> sb = new ArrayList<>();
    List<Integer> sn = new ArrayList<>();
    addTerminal(sb, sn, src.bus1, 3, 3, src, "bus1");
    Terminals sourceTerminals = terminals(src, sb, sn);

    List<Terminals> series = new ArrayList<>();
    for (DssElement.Line l : circuit.lines()) {
      if (!l.enabled) {
        continue;
      }
      List<Integer> b = new ArrayList<>();
      List<Integer> n = new ArrayList<>();
      addTerminal(b, n, l.bus1, l.phases(), l.phases(), l, "bus1");
      addTerminal(b, n, l.bus2, l.phases(), l.phases(), l, "bus2");
      series.add(terminals(l, b, n));
    }
    for (DssElement.Transformer t : circuit.transformers()) {
      if (!t.enabled) {
        continue;
      }
      List<Integer> b = new ArrayList<>();
      List<Integer> n = new ArrayList<>();
      addTerminal(b, n, t.bus[0], t.phases + 1, t.phases, t, "the bus of winding 1");
      addTerminal(b, n, t.bus[1], t.phases + 1, t.phases, t, "the bus of winding 2");
      series.add(terminals(t, b, n));
    }
    for (DssElement.Capacitor c : circuit.capacitors()) {
      if (!c.enabled) {
        continue;
      }
      List<Integer> b = new ArrayList<>();
      List<Integer> n = new ArrayList<>();
      addTerminal(b, n, c.bus1, c.phases, c.phases, c, "bus1");
      if (c.conn == DssElement.Connection.WYE || c.phases == 1) {
        DssElement.BusRef second = c.bus2 != null ? c.bus2
            : new DssElement.BusRef(c.bus1 == null ? "" : c.bus1.bus(), zeros(c.phases));
        addTerminal(b, n, second, c.phases, c.phases, c, "bus2");
      }
      series.add(terminals(c, b, n));
    }
    List<Terminals> loadTerminals = new ArrayList<>();
    List<DssElement.Load> loadsAndGenerators = new ArrayList<>(circuit.loads());
    loadsAndGenerators.addAll(circuit.generators());
    for (DssElement.Load l : loadsAndGenerators) {
      if (!l.enabled) {
        continue;
      }
      List<Integer> b = new ArrayList<>();
      List<Integer> n = new ArrayList<>();
      addTerminal(b, n, l.bus1, loadConductors(l), l.phases, l, "bus1");
      loadTerminals.add(terminals(l, b, n));
    }

    int[] order = treeOrder(sourceTerminals.bus[0], series);
    int buses = order.length;
    int[] newIndex = new int[busIndex.size()];
    Arrays.fill(newIndex, -1);
    for (int k = 0; k < buses; k++) {
      newIndex[order[k]] = k;
    }
    String[] names = new String[buses];
    String[] first = new String[buses];
    int[] firstNode = new int[buses + 1];
    List<Integer> numbers = new ArrayList<>();
    List<String> allNames = new ArrayList<>(busIndex.keySet());
    for (int k = 0; k < buses; k++) {
      names[k] = allNames.get(order[k]);
      first[k] = busFirst.get(order[k]);
      firstNode[k] = numbers.size();
      numbers.addAll(busNodes.get(order[k]));
    }
    firstNode[buses] = numbers.size();
    int[] nodeNumbers = numbers.stream().mapToInt(Integer::intValue).toArray();
    int[] parent = new int[buses];
    Arrays.fill(parent, -1);
    for (int k = 1; k < buses; k++) {
      parent[k] = newIndex[parentOf[order[k]]];
    }

    List<PhaseElement> elements = new ArrayList<>();
    Map<String, Integer> transformerElement = new HashMap<>();
    for (Terminals t : series) {
      int[] g = globalNodes(t, newIndex, firstNode, nodeNumbers);
      String where = t.element.defined().toString();
      String label = t.element.className() + "." + t.element.name();
      if (t.element instanceof DssElement.Line l) {
        elements.add(new PhaseElement(PhaseElement.Kind.LINE, label, where, g, lineY(l)));
      } else if (t.element instanceof DssElement.Transformer tr) {
        transformerElement.put(tr.name, elements.size());
        elements.add(new PhaseElement(PhaseElement.Kind.TRANSFORMER, label, where, g,
            transformerModel(tr, circuit.tapsAtVoltageBases.getOrDefault(tr.name, tr.tap))));
      } else {
        elements.add(new PhaseElement(PhaseElement.Kind.CAPACITOR, label, where, g,
            capacitorY((DssElement.Capacitor) t.element)));
      }
    }
    List<LoadElement> loads = new ArrayList<>();
    for (Terminals t : loadTerminals) {
      loads.add(loadElement((DssElement.Load) t.element, globalNodes(t, newIndex, firstNode, nodeNumbers)));
    }
    int[] sourceNodes = globalNodes(sourceTerminals, newIndex, firstNode, nodeNumbers);
    for (int k = 0; k < 3; k++) {
      if (sourceNodes[k] < 0) {
        throw src.defined().error("the circuit's source must connect its three phases to nodes of " + src.bus1.bus()
            + ", not to ground");
      }
    }
    List<Regulator> regulators = new ArrayList<>();
    for (DssElement.RegControl rc : circuit.regControls()) {
      if (!rc.enabled) {
        continue;
      }
      if (rc.transformer == null) {
        throw rc.defined().error("RegControl." + rc.name + ": transformer= is not set");
      }
      Integer idx = transformerElement.get(rc.transformer);
      if (idx == null) {
        throw rc.defined().error("RegControl." + rc.name + ": transformer '" + rc.transformer
            + "' is not defined (or is disabled)");
      }
      if (rc.winding < 1 || rc.winding > 2 || rc.tapWinding() < 1 || rc.tapWinding() > 2) {
        throw rc.defined().error("RegControl." + rc.name + ": winding must be 1 or 2");
      }
      DssElement.Transformer tr = (DssElement.Transformer) circuit.find("transformer", rc.transformer);
      if (rc.ptPhase < 1 || rc.ptPhase > tr.phases) {
        throw rc.defined().error("RegControl." + rc.name + ": ptphase must be between 1 and " + tr.phases);
      }
      regulators.add(new Regulator(rc.name, rc.defined().toString(), idx, rc.winding - 1, rc.tapWinding() - 1, rc.vreg,
          rc.band, rc.ptRatio, rc.ctPrimary, rc.r, rc.x, rc.delay, rc.maxTapChange, rc.ptPhase - 1));
    }
    double[] bases = circuit.voltageBasesKv.stream().mapToDouble(Double::doubleValue).toArray();
    return new PhaseNetwork(circuit.name, names, parent, firstNode, nodeNumbers, first, elements, loads, sourceNodes,
        sourceY(src), sourceEmf(src), regulators, bases,
        circuit.voltageBasesSet == null ? null : circuit.voltageBasesSet.toString(), circuit.baseFrequency);
  }

  private static int[] zeros(int n) {
    return new int[Math.max(n, 1)];
  }

  private static int loadConductors(DssElement.Load l) {
    if (l.conn == DssElement.Connection.WYE) {
      return l.phases + 1;
    }
    return l.phases == 1 ? 2 : l.phases;
  }

  private int[] parentOf;

  /**
   * Breadth-first order of the buses from the source over lines and transformers; refuses loops and
   * buses the source does not reach.
   */
  private int[] treeOrder(int sourceBus, List<Terminals> series) {
    int n = busIndex.size();
    int[] root = new int[n];
    for (int k = 0; k < n; k++) {
      root[k] = k;
    }
    List<List<Integer>> adjacent = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      adjacent.add(new ArrayList<>());
    }
    java.util.Set<Long> pairs = new java.util.HashSet<>();
    for (Terminals t : series) {
      TreeSet<Integer> distinct = new TreeSet<>();
      for (int b : t.bus) {
        distinct.add(b);
      }
      if (distinct.size() > 2) {
        throw t.element.defined().error(t.element.className() + "." + t.element.name() + " joins more than two buses");
      }
      if (distinct.size() < 2) {
        continue;
      }
      int a = distinct.first();
      int b = distinct.last();
      if (!pairs.add((long) a * n + b)) {
        continue; // a parallel element between the same two buses (e.g. single-phase regulators of a bank)
      }
      int ra = find(root, a);
      int rb = find(root, b);
      if (ra == rb) {
        List<String> names = new ArrayList<>(busIndex.keySet());
        throw t.element.defined().error(t.element.className() + "." + t.element.name() + " closes a loop between buses "
            + names.get(a) + " and " + names.get(b) + ": the three-phase power flow needs a radial feeder; open one"
            + " element of the loop (enabled=no)");
      }
      root[ra] = rb;
      adjacent.get(a).add(b);
      adjacent.get(b).add(a);
    }
    parentOf = new int[n];
    Arrays.fill(parentOf, -2);
    parentOf[sourceBus] = -1;
    int[] order = new int[n];
    int count = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(sourceBus);
    while (!queue.isEmpty()) {
      int b = queue.poll();
      order[count++] = b;
      for (int c : adjacent.get(b)) {
        if (parentOf[c] == -2) {
          parentOf[c] = b;
          queue.add(c);
        }
      }
    }
    if (count < n) {
      List<String> names = new ArrayList<>(busIndex.keySet());
      for (int b = 0; b < n; b++) {
        if (parentOf[b] == -2) {
          throw new org.peergrid.grid.ValidationException("bus " + names.get(b) + " (first used at " + busFirst.get(b)
              + ") has no path to the source bus " + names.get(sourceBus) + " over lines and transformers");
        }
      }
    }
    return order;
  }

  private static int find(int[] root, int k) {
    while (root[k] != k) {
      root[k] = root[root[k]];
      k = root[k];
    }
    return k;
  }

  private static int[] globalNodes(Terminals t, int[] newIndex, int[] firstNode, int[] nodeNumbers) {
    int[] g = new int[t.node.length];
    for (int k = 0; k < g.length; k++) {
      if (t.node[k] == 0) {
        g[k] = -1;
        continue;
      }
      int b = newIndex[t.bus[k]];
      g[k] = -1;
      for (int j = firstNode[b]; j < firstNode[b + 1]; j++) {
        if (nodeNumbers[j] == t.node[k]) {
          g[k] = j;
        }
      }
    }
    return g;
  }

  private CMatrix lineY(DssElement.Line l) {
    int n = l.phases();
    double[][] r = l.z.rMatrix();
    double[][] x = l.z.xMatrix();
    double[][] c = l.z.cMatrix();
    if (r.length != n || x.length != n || c.length != n) {
      throw l.defined().error("Line." + l.name + ": impedance matrices are " + r.length + "x" + r.length + " but the line has "
          + n + " phases");
    }
    double len = l.scaledLength();
    CMatrix z = CMatrix.square(n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        z.set(i, j, r[i][j] * len, x[i][j] * len);
      }
    }
    CMatrix ys = z.inverse();
    if (ys == null) {
      throw l.defined().error("Line." + l.name + ": its impedance matrix is singular (zero impedance?); give r1 or x1 > 0");
    }
    double omega = 2 * Math.PI * circuit.baseFrequency;
    CMatrix y = CMatrix.square(2 * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sr = ys.re(i, j);
        double si = ys.im(i, j);
        double half = omega * c[i][j] * 1e-9 * len / 2;
        y.set(i, j, sr, si + half);
        y.set(n + i, n + j, sr, si + half);
        y.set(i, n + j, -sr, -si);
        y.set(n + i, j, -sr, -si);
      }
    }
    return y;
  }

  private static TransformerModel transformerModel(DssElement.Transformer t, double[] tapsForBases) {
    boolean[] delta = {t.conn[0] == DssElement.Connection.DELTA, t.conn[1] == DssElement.Connection.DELTA};
    double[] base = {t.coilBaseVolts(0), t.coilBaseVolts(1)};
    if (!(t.maxTap > t.minTap)) {
      throw t.defined().error("Transformer." + t.name + ": maxtap " + t.maxTap + " must be above mintap " + t.minTap);
    }
    double zr = (t.pctR[0] + t.pctR[1]) / 100;
    double zx = t.xhl / 100;
    if (zr == 0 && zx == 0) {
      throw t.defined().error("Transformer." + t.name + ": zero impedance; give XHL or %R > 0");
    }
    return new TransformerModel(t.phases, delta, base, t.tap, tapsForBases, t.kva[0] * 1000 / t.phases,
        new double[] {zr, zx}, t.ppmAntifloat, t.minTap, t.maxTap, t.tapIncrement());
  }

  private static CMatrix capacitorY(DssElement.Capacitor c) {
    boolean wye = c.conn == DssElement.Connection.WYE || c.phases == 1;
    double volts = c.kv * 1000 / (c.conn == DssElement.Connection.WYE && c.phases > 1 ? SQRT3 : 1);
    double b = c.kvar * 1000 / c.phases / (volts * volts);
    int n = c.phases;
    CMatrix y = CMatrix.square(wye ? 2 * n : n);
    for (int p = 0; p < n; p++) {
      int a = p;
      int z = wye ? n + p : (p + 1) % n;
      y.add(a, a, 0, b);
      y.add(z, z, 0, b);
      y.add(a, z, 0, -b);
      y.add(z, a, 0, -b);
    }
    return y;
  }

  private static LoadElement loadElement(DssElement.Load l, int[] g) {
    int phases = l.phases;
    int[] from = new int[phases];
    int[] to = new int[phases];
    boolean wye = l.conn == DssElement.Connection.WYE;
    for (int k = 0; k < phases; k++) {
      from[k] = g[k];
      to[k] = wye ? g[phases] : g[(k + 1) % g.length];
    }
    double vbase = l.kv * 1000 / (wye && phases > 1 ? SQRT3 : 1);
    double sign = l.generator ? -1 : 1;
    return new LoadElement(l.className() + "." + l.name, l.defined().toString(), from, to, l.model,
        sign * l.kw * 1000 / phases, sign * l.kvarEffective() * 1000 / phases, vbase, l.vminpu, l.vmaxpu, l.vlowpu,
        l.cvrWatts, l.cvrVars, l.generator);
  }

  private static CMatrix sourceY(DssElement.Vsource s) {
    double[] z = s.sequenceOhms();
    double selfR = (2 * z[0] + z[2]) / 3;
    double selfX = (2 * z[1] + z[3]) / 3;
    double mutR = (z[2] - z[0]) / 3;
    double mutX = (z[3] - z[1]) / 3;
    CMatrix m = CMatrix.square(3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m.set(i, j, i == j ? selfR : mutR, i == j ? selfX : mutX);
      }
    }
    CMatrix y = m.inverse();
    if (y == null) {
      throw s.defined().error("Vsource." + s.name + ": its impedance is zero; give MVAsc3/MVAsc1, ISC3/ISC1 or R1 X1 R0 X0");
    }
    return y;
  }

  private static double[][] sourceEmf(DssElement.Vsource s) {
    double mag = s.pu * s.basekv * 1000 / SQRT3;
    double[][] e = new double[2][3];
    for (int k = 0; k < 3; k++) {
      double ang = Math.toRadians(s.angleDeg - 120 * k);
      e[0][k] = mag * Math.cos(ang);
      e[1][k] = mag * Math.sin(ang);
    }
    return e;
  }
}
