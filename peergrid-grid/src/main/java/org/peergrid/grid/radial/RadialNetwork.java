package org.peergrid.grid.radial;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.model.Generator;

/**
 * The indexed, per-unit computation model of a radial feeder that the solvers work on: buses
 * numbered 0..n-1 in breadth-first order from the root (so every parent comes before its children),
 * and for every bus k ≥ 1 the one branch that feeds it from {@link #parent(int)}. Solvers see these
 * arrays only.
 *
 * <p>{@link #of(Feeder)} makes the second level of checks: the in-service branches must form one
 * tree rooted at the single source. It refuses, with the buses or branches at fault named:
 * no or several reference buses, PV buses with in-service generators (a second source), loops
 * (including parallel branches) and islands. Isolated buses (type 4) and the branches that touch
 * them are out of service, as in MATPOWER.
 *
 * <p>Branch model, with a = tap·e^(j·shift) at the from end (MATPOWER's pi model): the branch into
 * bus k relates the voltages and the current J_k that flows through its series impedance toward k
 * by V_k = m_k·V_parent − z_k·J_k, and draws conj(m_k)·J_k from the parent. If the parent is the
 * from bus, m = 1/a and z = r + jx; if the parent is the to bus, m = a and z = |a|²(r + jx). Half the
 * line charging sits at each end, seen from the parent and the child as the admittances in
 * {@link #parentChargingPu(int)} and {@link #childChargingPu(int)}.
 */
public final class RadialNetwork {
  private final Feeder feeder;
  private final int n;
  private final int[] busNumber;
  private final int[] parent;
  private final Branch[] branchInto;
  private final boolean[] parentIsFrom;
  private final double[] mRe;
  private final double[] mIm;
  private final double[] zRe;
  private final double[] zIm;
  private final double[] parentCharging;
  private final double[] childCharging;
  private final double[] loadP;
  private final double[] loadQ;
  private final double[] shuntG;
  private final double[] shuntB;
  private final double rootVoltagePu;
  private final double rootAngleRad;
  private final Map<Integer, Integer> indexByBus;
  private final List<Branch> outOfService;

  private RadialNetwork(Feeder feeder, int[] order, Map<Integer, Integer> indexByBus, Branch[] branchInto,
      boolean[] parentIsFrom, int[] parent, double rootVoltagePu, double rootAngleRad, List<Branch> outOfService) {
    this.feeder = feeder;
    this.n = order.length;
    this.busNumber = order;
    this.indexByBus = indexByBus;
    this.branchInto = branchInto;
    this.parentIsFrom = parentIsFrom;
    this.parent = parent;
    this.rootVoltagePu = rootVoltagePu;
    this.rootAngleRad = rootAngleRad;
    this.outOfService = List.copyOf(outOfService);
    mRe = new double[n];
    mIm = new double[n];
    zRe = new double[n];
    zIm = new double[n];
    parentCharging = new double[n];
    childCharging = new double[n];
    loadP = new double[n];
    loadQ = new double[n];
    shuntG = new double[n];
    shuntB = new double[n];
    double base = feeder.baseKva();
    for (int k = 0; k < n; k++) {
      Bus bus = feeder.bus(busNumber[k]).orElseThrow();
      loadP[k] = bus.loadKw() / base;
      loadQ[k] = bus.loadKvar() / base;
      shuntG[k] = bus.shuntConductanceKw() / base;
      shuntB[k] = bus.shuntSusceptanceKvar() / base;
    }
    // In-service generators at PQ buses inject their fixed output (MATPOWER's makeSbus).
    for (Generator g : feeder.generators()) {
      Integer k = indexByBus.get(g.bus());
      if (g.inService() && k != null && k != 0) {
        loadP[k] -= g.activeKw() / base;
        loadQ[k] -= g.reactiveKvar() / base;
      }
    }
    mRe[0] = 1;
    for (int k = 1; k < n; k++) {
      Branch b = branchInto[k];
      double shift = Math.toRadians(b.phaseShiftDeg());
      double aRe = b.tapRatio() * Math.cos(shift);
      double aIm = b.tapRatio() * Math.sin(shift);
      double a2 = b.tapRatio() * b.tapRatio();
      double halfB = b.chargingPu() / 2;
      if (parentIsFrom[k]) {
        mRe[k] = aRe / a2; // 1/a = conj(a)/|a|^2
        mIm[k] = -aIm / a2;
        zRe[k] = b.resistancePu();
        zIm[k] = b.reactancePu();
        parentCharging[k] = halfB / a2;
        childCharging[k] = halfB;
      } else {
        mRe[k] = aRe;
        mIm[k] = aIm;
        zRe[k] = a2 * b.resistancePu();
        zIm[k] = a2 * b.reactancePu();
        parentCharging[k] = halfB;
        childCharging[k] = halfB / a2;
      }
    }
  }

  /**
   * Derives the computation model, checking that the feeder is one tree from one source.
   *
   * @throws ValidationException naming the buses or branches that make it not so
   */
  public static RadialNetwork of(Feeder feeder) {
    List<Bus> refs = feeder.buses().stream().filter(b -> b.type() == BusType.REFERENCE).toList();
    if (refs.isEmpty()) {
      throw new ValidationException("no reference bus: mark the substation bus as type 3 (the single source of the radial feeder)");
    }
    if (refs.size() > 1) {
      throw new ValidationException("several sources: buses " + numbers(refs.stream().map(Bus::number).toList())
          + " are reference buses (type 3); a radial feeder has exactly one, the substation");
    }
    Bus root = refs.get(0);
    for (Generator g : feeder.generators()) {
      Bus at = feeder.bus(g.bus()).orElseThrow();
      if (g.inService() && at.type() == BusType.PV) {
        throw new ValidationException("several sources: bus " + at.number() + " is a PV bus (type 2) with in-service "
            + "generator " + g.index() + " besides the reference bus " + root.number() + "; the radial power flow "
            + "has one source (make the bus type 1 to treat the generator as a fixed injection)");
      }
    }
    double rootVoltage = feeder.generators().stream()
        .filter(g -> g.inService() && g.bus() == root.number())
        .mapToDouble(Generator::voltageSetpointPu).findFirst().orElse(root.voltagePu());
    if (!(rootVoltage > 0)) {
      throw new ValidationException("bus " + root.number() + ": the reference bus needs a positive voltage");
    }

    // Adjacency over in-service branches between in-service buses.
    Map<Integer, List<Branch>> adjacency = new HashMap<>();
    List<Branch> outOfService = new ArrayList<>();
    for (Branch b : feeder.branches()) {
      boolean isolatedEnd = feeder.bus(b.fromBus()).orElseThrow().type() == BusType.ISOLATED
          || feeder.bus(b.toBus()).orElseThrow().type() == BusType.ISOLATED;
      if (!b.inService() || isolatedEnd) {
        outOfService.add(b);
        continue;
      }
      adjacency.computeIfAbsent(b.fromBus(), x -> new ArrayList<>()).add(b);
      adjacency.computeIfAbsent(b.toBus(), x -> new ArrayList<>()).add(b);
    }

    checkNoLoop(feeder, outOfService);

    // Breadth-first from the root: with no loop, every in-service branch reached is a tree branch.
    Map<Integer, Integer> index = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    List<Branch> into = new ArrayList<>();
    List<Boolean> fromSide = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    index.put(root.number(), 0);
    order.add(root.number());
    into.add(null);
    fromSide.add(false);
    parents.add(-1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(root.number());
    java.util.Set<Branch> treeBranches = new java.util.HashSet<>();
    while (!queue.isEmpty()) {
      int busNo = queue.poll();
      int busIndex = index.get(busNo);
      for (Branch b : adjacency.getOrDefault(busNo, List.of())) {
        if (treeBranches.contains(b)) {
          continue;
        }
        int other = b.fromBus() == busNo ? b.toBus() : b.fromBus();
        treeBranches.add(b);
        index.put(other, order.size());
        order.add(other);
        into.add(b);
        fromSide.add(b.fromBus() == busNo);
        parents.add(busIndex);
        queue.add(other);
      }
    }
    List<Integer> unreached = feeder.buses().stream()
        .filter(b -> b.type() != BusType.ISOLATED && !index.containsKey(b.number()))
        .map(Bus::number).toList();
    if (!unreached.isEmpty()) {
      throw new ValidationException("island: buses " + numbers(unreached) + " are not connected to the reference bus "
          + root.number() + " by in-service branches; connect them or mark them isolated (type 4)");
    }
    int n = order.size();
    int[] orderArr = order.stream().mapToInt(Integer::intValue).toArray();
    boolean[] fromArr = new boolean[n];
    int[] parentArr = new int[n];
    for (int k = 0; k < n; k++) {
      fromArr[k] = fromSide.get(k);
      parentArr[k] = parents.get(k);
    }
    return new RadialNetwork(feeder, orderArr, Map.copyOf(index), into.toArray(new Branch[0]), fromArr, parentArr,
        rootVoltage, Math.toRadians(root.angleDeg()), outOfService);
  }

  /**
   * Joins in-service branches in file order (union-find); the first one whose ends are already joined
   * closes a loop. File order makes that the later-listed branch, typically the tie switch a user closed.
   */
  private static void checkNoLoop(Feeder feeder, List<Branch> outOfService) {
    java.util.Set<Branch> open = new java.util.HashSet<>(outOfService);
    Map<Integer, Integer> parentOf = new HashMap<>();
    Map<Integer, List<Branch>> joined = new HashMap<>();
    for (Branch b : feeder.branches()) {
      if (open.contains(b)) {
        continue;
      }
      int ra = find(parentOf, b.fromBus());
      int rb = find(parentOf, b.toBus());
      if (ra == rb) {
        throw loop(b, joined);
      }
      parentOf.put(ra, rb);
      joined.computeIfAbsent(b.fromBus(), x -> new ArrayList<>()).add(b);
      joined.computeIfAbsent(b.toBus(), x -> new ArrayList<>()).add(b);
    }
  }

  private static int find(Map<Integer, Integer> parentOf, int bus) {
    int root = bus;
    while (parentOf.containsKey(root)) {
      root = parentOf.get(root);
    }
    // Path compression keeps this near-linear on long feeders.
    for (int b = bus; b != root; ) {
      int next = parentOf.get(b);
      parentOf.put(b, root);
      b = next;
    }
    return root;
  }

  /** The loop error, with the path that the earlier branches already make between the two ends. */
  private static ValidationException loop(Branch closing, Map<Integer, List<Branch>> joined) {
    Map<Integer, Integer> previous = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(closing.fromBus());
    previous.put(closing.fromBus(), closing.fromBus());
    while (!queue.isEmpty() && !previous.containsKey(closing.toBus())) {
      int bus = queue.poll();
      for (Branch b : joined.getOrDefault(bus, List.of())) {
        int other = b.fromBus() == bus ? b.toBus() : b.fromBus();
        if (previous.putIfAbsent(other, bus) == null) {
          queue.add(other);
        }
      }
    }
    List<Integer> path = new ArrayList<>();
    for (int bus = closing.toBus(); bus != closing.fromBus(); bus = previous.get(bus)) {
      path.add(bus);
    }
    path.add(closing.fromBus());
    java.util.Collections.reverse(path);
    String kind = path.size() == 2 ? "parallel branches: " : "loop: ";
    return new ValidationException(kind + "in-service " + closing.label() + " closes the loop through buses "
        + path.stream().map(String::valueOf).collect(Collectors.joining("-")) + "; a radial feeder needs one "
        + "path from the source to every bus: take one branch of the loop out of service (status 0)");
  }

  private static String numbers(List<Integer> numbers) {
    int shown = Math.min(numbers.size(), 12);
    String list = numbers.subList(0, shown).stream().map(String::valueOf).collect(Collectors.joining(", "));
    return numbers.size() > shown ? list + " and " + (numbers.size() - shown) + " more" : list;
  }

  public Feeder feeder() {
    return feeder;
  }

  /** Number of buses in the tree. */
  public int busCount() {
    return n;
  }

  /** The source bus number of internal index k. */
  public int busNumber(int k) {
    return busNumber[k];
  }

  /** The internal index of a bus number, or -1 if the bus is not in the tree (isolated). */
  public int indexOf(int busNumber) {
    Integer k = indexByBus.get(busNumber);
    return k == null ? -1 : k;
  }

  /** The parent's index of bus k; -1 for the root. Parents always have smaller indices. */
  public int parent(int k) {
    return parent[k];
  }

  /** The branch that feeds bus k (k ≥ 1). */
  public Branch branchInto(int k) {
    return branchInto[k];
  }

  /** Whether the parent of k is the from bus of {@link #branchInto(int)}. */
  public boolean parentIsFrom(int k) {
    return parentIsFrom[k];
  }

  /** Branches that are open or touch an isolated bus. */
  public List<Branch> outOfServiceBranches() {
    return outOfService;
  }

  public double rootVoltagePu() {
    return rootVoltagePu;
  }

  public double rootAngleRad() {
    return rootAngleRad;
  }

  /** The base power [kVA]. */
  public double baseKva() {
    return feeder.baseKva();
  }

  // Arrays for solvers (shared, not copied: solvers must not modify them).
  double[] mRe() {
    return mRe;
  }

  double[] mIm() {
    return mIm;
  }

  /** Voltage ratio m_k of the branch into k, real part (1 for a line). */
  public double ratioRe(int k) {
    return mRe[k];
  }

  public double ratioIm(int k) {
    return mIm[k];
  }

  /** Effective series resistance z_k of the branch into k, seen from the parent side [p.u.]. */
  public double seriesR(int k) {
    return zRe[k];
  }

  /** Effective series reactance of the branch into k [p.u.]. */
  public double seriesX(int k) {
    return zIm[k];
  }

  /** Charging susceptance of the branch into k seen from its parent bus [p.u.]. */
  public double parentChargingPu(int k) {
    return parentCharging[k];
  }

  /** Charging susceptance of the branch into k seen from bus k [p.u.]. */
  public double childChargingPu(int k) {
    return childCharging[k];
  }

  /** Background active load at bus k net of fixed generation [p.u.]. */
  public double loadPPu(int k) {
    return loadP[k];
  }

  public double loadQPu(int k) {
    return loadQ[k];
  }

  /** Shunt conductance at bus k [p.u. at 1 p.u. voltage]. */
  public double shuntGPu(int k) {
    return shuntG[k];
  }

  /** Shunt susceptance at bus k [p.u. at 1 p.u. voltage]. */
  public double shuntBPu(int k) {
    return shuntB[k];
  }

  /** A copy of the background active loads in kW by internal index, net of fixed generation. */
  public double[] loadKw() {
    double[] out = Arrays.copyOf(loadP, n);
    for (int k = 0; k < n; k++) {
      out[k] *= feeder.baseKva();
    }
    return out;
  }

  /** A copy of the background reactive loads in kvar by internal index. */
  public double[] loadKvar() {
    double[] out = Arrays.copyOf(loadQ, n);
    for (int k = 0; k < n; k++) {
      out[k] *= feeder.baseKva();
    }
    return out;
  }
}
