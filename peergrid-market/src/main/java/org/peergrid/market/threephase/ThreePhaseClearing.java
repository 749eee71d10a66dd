package org.peergrid.market.threephase;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseElement;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.dispatch.Glop;

/**
 * One interval's market clearing on an unbalanced feeder: the least-cost dispatch of the offers and
 * the grid (import at the source, export back) that serves the fixed loads with every node's voltage
 * inside its limits and every three-phase bus's voltage unbalance inside its limit, on the
 * {@link LinDist3Flow} model; the DLMP of every asked-for port (bus and phase) from GLOP's duals.
 *
 * <p><b>LP.</b> Variables: import {@code g ≥ 0}, export {@code e ≥ 0}, each offer's {@code x_o} (kW).
 * Rows, with {@code v_k = c_k + Σ_o A_ko x_o} (c: the squared voltages the model gives for the fixed
 * injections alone; A: the offer's sensitivities, its ports' columns times their share):
 *
 * <pre>
 *   min  π_imp g − π_exp e + Σ_o cost_o x_o
 *   g − e + Σ_o x_o = Σ fixed load                         (balance, λ; lossless as LinDist3Flow)
 *   Vmin² ≤ v_k ≤ Vmax²                                    (every phase node 1-3 but the source bus's, μ_k)
 *   (1 − 2u) v̄_b ≤ v_φ ≤ (1 + 2u) v̄_b,  v̄_b = (v_a + v_b + v_c)/3   (every bus with three phases, ν_bφ)
 *   Re(e^{−jθ_m} I_ℓk) ≤ I_max,ℓ cos(π/N),  m = 0..N−1              (each phase conductor k of a limited line ℓ, ρ)
 * </pre>
 *
 * with {@code I_ℓk = Σ_j y_kj V_j} the conductor's current at the line's bus1 end, linear in the offers
 * through the same model ({@link LinDist3Flow#conductorCurrent}); the N = {@value #POLYGON_SIDES} rows
 * are a regular polygon inscribed in the circle {@code |I| ≤ I_max}.
 *
 * The unbalance rows are a linear proxy of the phase voltage unbalance rate (PVUR, IEEE's definition
 * {@code max_φ |V_φ − V̄| / V̄}; Pillay and Manyage, IEEE Power Engineering Review 21(5), 2001): with
 * {@code |V_φ| = V̄ (1 + d_φ)}, {@code (v_φ − v̄) / v̄ = 2 d_φ + O(d²)} at any voltage level, so the rows
 * are PVUR ≤ u up to O(u²). Voltage rows are scaled so that their largest coefficient is 1 (the
 * sensitivities are 1e-5 to 1e-2 p.u.² per kW), and their duals scaled back.
 *
 * <p><b>Prices.</b> One more kW of load through port d raises the balance's right-hand side by 1 and
 * lowers every {@code c_k} by {@code ∂v_k/∂p_d}, so (envelope theorem, duals as derivatives of the minimum
 * with respect to the rows' bounds)
 *
 * <pre>
 *   DLMP_d = λ + Σ_k μ_k ∂v_k/∂p_d + Σ_bφ± ν_bφ± (∂v_φ/∂p_d − (1 ± 2u) mean_ψ ∂v_ψ/∂p_d)
 * </pre>
 *
 * plus {@code Σ ρ ∂Re(e^{−jθ} I)/∂p_d}, the congestion part: energy, voltage, unbalance and congestion;
 * the sums are one adjoint solve each for all ports ({@link LinDist3Flow#weightedSensitivities},
 * {@link LinDist3Flow#adjointSensitivities}). As in the balanced case (Papavasiliou 2018,
 * doi:10.1109/TSG.2017.2673860; Bai et al. 2018, doi:10.1109/TPWRS.2017.2767632), here per phase.
 */
public final class ThreePhaseClearing {
  /**
   * @param vminPu lowest node-to-ground voltage magnitude, p.u.
   * @param vmaxPu highest, p.u.
   * @param unbalancePu the largest phase deviation from the bus's mean, p.u. (PVUR); infinite for none
   */
  public record Limits(double vminPu, double vmaxPu, double unbalancePu) {
    public Limits {
      if (!(vminPu > 0 && vminPu < vmaxPu) || !(unbalancePu > 0)) {
        throw new IllegalArgumentException("voltage limits need 0 < vmin < vmax and a positive unbalance limit, got "
            + vminPu + ", " + vmaxPu + ", " + unbalancePu);
      }
    }
  }

  /**
   * A thermal limit on a line: every phase conductor's current at its bus1 end at most {@code amps}.
   *
   * @param element the line as OpenDSS names it, e.g. {@code Line.650632} (case does not matter)
   */
  public record BranchLimit(String element, double amps) {
    public BranchLimit {
      if (!(amps > 0) || Double.isInfinite(amps)) {
        throw new IllegalArgumentException("the limit of " + element + " must be a positive number of amperes, got "
            + amps);
      }
    }
  }

  /**
   * Sides of the polygon that stands for a current's circle {@code |I| ≤ I_max}: the rows
   * {@code Re(I e^{−jθ_m}) ≤ I_max cos(π/N)}, θ_m = 2πm/N, describe a regular N-gon inscribed in the
   * circle, so a dispatch inside it keeps the limit; it gives up at most 1 − cos(π/12) = 3.4 % of it.
   */
  static final int POLYGON_SIDES = 12;

  /** Smallest row norm used for scaling, p.u.² per kW: rows that barely respond are not blown up. */
  private static final double MIN_ROW_SCALE = 1e-6;

  private final LinDist3Flow model;
  private final List<LinDist3Flow.Injection> fixed;
  private final List<PhaseOffer> offers;
  private final double importPrice;
  private final double exportPrice;
  private final Limits limits;
  private final List<BranchLimit> branchLimits;

  /**
   * @param fixed injections no decision changes (the feeder's loads, participants' inflexible load and
   *     PV), kW and kvar, generation positive
   * @param importPrice what the grid charges per kWh drawn at the source
   * @param exportPrice what it pays per kWh fed back (at most the import price, or the LP is unbounded)
   */
  public ThreePhaseClearing(LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
      double importPrice, double exportPrice, Limits limits) {
    this(model, fixed, offers, importPrice, exportPrice, limits, List.of());
  }

  /** With thermal limits on lines. */
  public ThreePhaseClearing(LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
      double importPrice, double exportPrice, Limits limits, List<BranchLimit> branchLimits) {
    if (exportPrice > importPrice) {
      throw new IllegalArgumentException("the export price " + exportPrice + " exceeds the import price " + importPrice
          + ": buying to sell back would be unbounded");
    }
    this.model = model;
    this.fixed = List.copyOf(fixed);
    this.offers = List.copyOf(offers);
    this.importPrice = importPrice;
    this.exportPrice = exportPrice;
    this.limits = limits;
    this.branchLimits = List.copyOf(branchLimits);
    for (BranchLimit limit : branchLimits) {
      line(model, limit);
    }
  }

  /** The line a limit names; refused when the feeder has no such line. */
  static PhaseElement line(LinDist3Flow model, BranchLimit limit) {
    for (PhaseElement e : model.network().elements()) {
      if (e.kind() == PhaseElement.Kind.LINE && e.name().equalsIgnoreCase(limit.element())) {
        return e;
      }
    }
    throw new IllegalArgumentException("the feeder has no line " + limit.element() + " (write Line.NAME as in its script)");
  }

  /** Clears the market at the limits as given; prices at {@code pricedPorts}. */
  public ThreePhaseClearingResult clear(List<LinDist3Flow.Port> pricedPorts) {
    int n = model.network().nodeCount();
    return clear(pricedPorts, new double[n], new double[n]);
  }

  /**
   * Clears the market with node k's limits tightened to {@code Vmin² + vminRaisePu2[k] ≤ v_k ≤ Vmax² −
   * vmaxCutPu2[k]} (the AC correction's margins for the linearisation error); prices at {@code pricedPorts}.
   */
  public ThreePhaseClearingResult clear(List<LinDist3Flow.Port> pricedPorts, double[] vminRaisePu2,
      double[] vmaxCutPu2) {
    return clear(pricedPorts, vminRaisePu2, vmaxCutPu2, null);
  }

  /**
   * As {@link #clear(List, double[], double[])}, with the unbalance rows of phase node k held to the
   * limit {@code unbalance_pu − unbalanceCutPu[k]} (the AC correction's margins for the model's PVUR
   * error; null for none).
   */
  public ThreePhaseClearingResult clear(List<LinDist3Flow.Port> pricedPorts, double[] vminRaisePu2,
      double[] vmaxCutPu2, double[] unbalanceCutPu) {
    double[][] a = offerSensitivities(model, offers);
    double load = 0;
    for (LinDist3Flow.Injection s : fixed) {
      load -= s.pKw();
    }
    MPSolver solver = Glop.create("three-phase clearing");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    try {
      MPVariable g = solver.makeNumVar(0, MPSolver.infinity(), "import");
      MPVariable e = solver.makeNumVar(0, MPSolver.infinity(), "export");
      MPVariable[] x = new MPVariable[offers.size()];
      solver.objective().setMinimization();
      solver.objective().setCoefficient(g, importPrice);
      solver.objective().setCoefficient(e, -exportPrice);
      MPConstraint balance = solver.makeConstraint(load, load, "balance");
      balance.setCoefficient(g, 1);
      balance.setCoefficient(e, -1);
      for (int o = 0; o < x.length; o++) {
        PhaseOffer offer = offers.get(o);
        x[o] = solver.makeNumVar(offer.minKw(), offer.maxKw(), "x_" + o);
        solver.objective().setCoefficient(x[o], offer.costPerKwh());
        balance.setCoefficient(x[o], 1);
      }
      IntervalRows rows = new IntervalRows(solver, model, fixed, offers, a, x, limits, branchLimits, vminRaisePu2,
          vmaxCutPu2, unbalanceCutPu, "");
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        return ThreePhaseClearingResult.failed(status == MPSolver.ResultStatus.INFEASIBLE
            ? ThreePhaseClearingResult.Status.INFEASIBLE : ThreePhaseClearingResult.Status.NOT_SOLVED);
      }
      return rows.result(solver.objective().value(), g.solutionValue(), e.solutionValue(),
          Glop.marginal(balance.dualValue()), pricedPorts);
    } finally {
      solver.delete();
    }
  }

  /**
   * {@code A[k][o] = ∂v_k/∂x_o}: each offer's ports' sensitivity columns times their share, with its
   * reactive power; one tree solve per port.
   */
  static double[][] offerSensitivities(LinDist3Flow model, List<PhaseOffer> offers) {
    int n = model.network().nodeCount();
    double[][] a = new double[n][offers.size()];
    for (int o = 0; o < offers.size(); o++) {
      PhaseOffer offer = offers.get(o);
      double share = 1.0 / offer.ports().size();
      for (LinDist3Flow.Port port : offer.ports()) {
        double[][] s = model.sensitivity(port);
        for (int k = 0; k < n; k++) {
          a[k][o] += share * (s[0][k] + offer.reactivePerActive() * s[1][k]);
        }
      }
    }
    return a;
  }

  /**
   * The network rows of one interval (voltage, unbalance, branch currents) over given decision
   * columns, added to a solver that the caller owns with its own balance row and objective; after
   * the solve, the interval's voltages and DLMPs. {@link ThreePhaseClearing} uses one for its single
   * interval; a day's clearing ({@link ThreePhaseDayClearing}) one per interval, the devices that
   * couple the intervals being the caller's.
   */
  static final class IntervalRows {
    private final LinDist3Flow model;
    private final double[][] a;
    private final MPVariable[] x;
    private final Limits limits;
    private final double[] c;
    private final MPConstraint[] voltageRow;
    private final double[] voltageScale;
    private final List<int[]> threePhaseBuses = new ArrayList<>();
    private final List<MPConstraint[]> unbalanceRows = new ArrayList<>();
    private final List<double[]> unbalanceScales = new ArrayList<>();
    /** Per three-phase bus, each row's factor {@code 1 ± 2u_φ} (u_φ the phase's limit after the AC correction's cut). */
    private final List<double[]> unbalanceFactors = new ArrayList<>();
    private final List<BranchRow> branchRows = new ArrayList<>();

    /**
     * @param a the columns' sensitivities ({@link #offerSensitivities})
     * @param x one column per offer, in the offers' order
     * @param unbalanceCutPu per phase node, how much lower than {@code unbalance_pu} its unbalance rows hold
     *     its deviation from the bus's mean (the AC correction's margin, p.u. of PVUR); null for none
     * @param tag appended to the rows' names (e.g. the interval)
     */
    IntervalRows(MPSolver solver, LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
        double[][] a, MPVariable[] x, Limits limits, List<BranchLimit> branchLimits, double[] vminRaisePu2,
        double[] vmaxCutPu2, double[] unbalanceCutPu, String tag) {
      this.model = model;
      this.a = a;
      this.x = x;
      this.limits = limits;
      PhaseNetwork net = model.network();
      int n = net.nodeCount();
      int sourceNodes = net.firstNode()[1];
      c = model.voltagesPu2(fixed);
      double vmin2 = limits.vminPu() * limits.vminPu();
      double vmax2 = limits.vmaxPu() * limits.vmaxPu();
      voltageRow = new MPConstraint[n];
      voltageScale = new double[n];
      for (int k = sourceNodes; k < n; k++) {
        if (net.nodeNumbers()[k] > 3) {
          continue; // a neutral or other non-phase conductor: its voltage is not held near 1 p.u.
        }
        voltageScale[k] = scale(a[k]);
        voltageRow[k] = row(solver, x, a[k], voltageScale[k], vmin2 + vminRaisePu2[k] - c[k],
            vmax2 - vmaxCutPu2[k] - c[k], "v_" + k + tag);
      }
      if (Double.isFinite(limits.unbalancePu())) {
        double u = limits.unbalancePu();
        for (int b = 1; b < net.busCount(); b++) {
          int[] abc = {net.node(b, 1), net.node(b, 2), net.node(b, 3)};
          if (abc[0] < 0 || abc[1] < 0 || abc[2] < 0) {
            continue;
          }
          // per phase: v_φ − (1 + 2u) v̄ ≤ 0 and v_φ − (1 − 2u) v̄ ≥ 0, rows [phase][upper, lower]
          MPConstraint[] rows = new MPConstraint[6];
          double[] scales = new double[6];
          double[] factors = new double[6];
          for (int phase = 0; phase < 3; phase++) {
            // a phase the power flow found too far from the mean is held closer to it: u_φ = u − cut (not below 0)
            double uPhase = unbalanceCutPu == null ? u : Math.max(0, u - unbalanceCutPu[abc[phase]]);
            for (int side = 0; side < 2; side++) {
              double factor = side == 0 ? 1 + 2 * uPhase : 1 - 2 * uPhase;
              double[] coef = new double[x.length];
              for (int o = 0; o < x.length; o++) {
                coef[o] = a[abc[phase]][o] - factor * (a[abc[0]][o] + a[abc[1]][o] + a[abc[2]][o]) / 3;
              }
              double constant = c[abc[phase]] - factor * (c[abc[0]] + c[abc[1]] + c[abc[2]]) / 3;
              int i = 2 * phase + side;
              factors[i] = factor;
              scales[i] = scale(coef);
              rows[i] = side == 0
                  ? row(solver, x, coef, scales[i], Double.NEGATIVE_INFINITY, -constant, "u_" + b + "_" + phase + "_hi" + tag)
                  : row(solver, x, coef, scales[i], -constant, Double.POSITIVE_INFINITY, "u_" + b + "_" + phase + "_lo" + tag);
            }
          }
          threePhaseBuses.add(abc);
          unbalanceRows.add(rows);
          unbalanceScales.add(scales);
          unbalanceFactors.add(factors);
        }
      }
      for (BranchLimit limit : branchLimits) {
        PhaseElement line = line(model, limit);
        int conductors = line.nodes().length / 2;
        for (int k = 0; k < conductors; k++) {
          if (line.nodes()[k] < 0) {
            continue;
          }
          double[] i0 = model.conductorCurrent(line, k, fixed);
          double[][] perKw = new double[x.length][2];
          for (int o = 0; o < x.length; o++) {
            PhaseOffer offer = offers.get(o);
            for (LinDist3Flow.Port port : offer.ports()) {
              double[] d = model.conductorCurrentSensitivity(line, k, port);
              perKw[o][0] += (d[0] + offer.reactivePerActive() * d[2]) / offer.ports().size();
              perKw[o][1] += (d[1] + offer.reactivePerActive() * d[3]) / offer.ports().size();
            }
          }
          double bound = limit.amps() * Math.cos(Math.PI / POLYGON_SIDES);
          for (int m = 0; m < POLYGON_SIDES; m++) {
            double cos = Math.cos(2 * Math.PI * m / POLYGON_SIDES);
            double sin = Math.sin(2 * Math.PI * m / POLYGON_SIDES);
            double[] coef = new double[x.length];
            for (int o = 0; o < x.length; o++) {
              coef[o] = cos * perKw[o][0] + sin * perKw[o][1];
            }
            double constant = cos * i0[0] + sin * i0[1];
            double scale = scale(coef);
            MPConstraint r = row(solver, x, coef, scale, Double.NEGATIVE_INFINITY, bound - constant,
                "i_" + line.name() + "_" + k + "_" + m + tag);
            branchRows.add(new BranchRow(line, k, cos, sin, r, scale));
          }
        }
      }
    }

    /**
     * After an optimal solve: the interval's dispatch, voltages and DLMPs at {@code pricedPorts}.
     *
     * @param cost what the result reports as its cost
     * @param lambda the marginal value of the interval's balance row, money/kWh
     */
    ThreePhaseClearingResult result(double cost, double importKw, double exportKw, double lambda,
        List<LinDist3Flow.Port> pricedPorts) {
      PhaseNetwork net = model.network();
      int n = net.nodeCount();
      int sourceNodes = net.firstNode()[1];
      double[] dispatch = new double[x.length];
      for (int o = 0; o < x.length; o++) {
        dispatch[o] = x[o].solutionValue();
      }
      double[] v = c.clone();
      for (int k = 0; k < n; k++) {
        for (int o = 0; o < x.length; o++) {
          v[k] += a[k][o] * dispatch[o];
        }
      }
      double[] voltageWeight = new double[n];
      for (int k = sourceNodes; k < n; k++) {
        if (voltageRow[k] != null) {
          voltageWeight[k] = voltageScale[k] * Glop.marginal(voltageRow[k].dualValue());
        }
      }
      double[] unbalanceWeight = new double[n];
      for (int i = 0; i < threePhaseBuses.size(); i++) {
        int[] abc = threePhaseBuses.get(i);
        for (int phase = 0; phase < 3; phase++) {
          for (int side = 0; side < 2; side++) {
            int r = 2 * phase + side;
            double nu = unbalanceScales.get(i)[r] * Glop.marginal(unbalanceRows.get(i)[r].dualValue());
            double factor = unbalanceFactors.get(i)[r];
            unbalanceWeight[abc[phase]] += nu;
            for (int k : abc) {
              unbalanceWeight[k] -= factor * nu / 3;
            }
          }
        }
      }
      // Re(e^{-jθ} I_k) = Re(Σ_j e^{-jθ} y_kj V_j): complex node weights ν e^{-jθ} y_kj for the adjoint
      double[] branchRe = new double[n];
      double[] branchIm = new double[n];
      for (BranchRow br : branchRows) {
        double nu = br.scale() * Glop.marginal(br.row().dualValue());
        if (nu == 0) {
          continue;
        }
        int[] nodes = br.line().nodes();
        for (int j = 0; j < nodes.length; j++) {
          if (nodes[j] < 0) {
            continue;
          }
          double yr = br.line().y().re(br.conductor(), j);
          double yi = br.line().y().im(br.conductor(), j);
          branchRe[nodes[j]] += nu * (br.cos() * yr + br.sin() * yi);
          branchIm[nodes[j]] += nu * (br.cos() * yi - br.sin() * yr);
        }
      }
      double[] congestionPart = model.adjointSensitivities(branchRe, branchIm, pricedPorts)[0];
      double[] voltagePart = model.weightedSensitivities(voltageWeight, pricedPorts)[0];
      double[] unbalancePart = model.weightedSensitivities(unbalanceWeight, pricedPorts)[0];
      List<PhasePrice> prices = new ArrayList<>();
      for (int j = 0; j < pricedPorts.size(); j++) {
        LinDist3Flow.Port port = pricedPorts.get(j);
        String bus = net.busNames()[net.busOf(port.plus())];
        prices.add(new PhasePrice(bus, port, lambda + voltagePart[j] + unbalancePart[j] + congestionPart[j], lambda,
            voltagePart[j], unbalancePart[j], congestionPart[j]));
      }
      return new ThreePhaseClearingResult(ThreePhaseClearingResult.Status.OPTIMAL, cost, importKw, exportKw, dispatch,
          v, voltageWeight, prices);
    }
  }

  /** 1 / the row's largest coefficient (at least {@link #MIN_ROW_SCALE}). */
  private static double scale(double[] coef) {
    double largest = 0;
    for (double value : coef) {
      largest = Math.max(largest, Math.abs(value));
    }
    return 1 / Math.max(largest, MIN_ROW_SCALE);
  }

  private static MPConstraint row(MPSolver solver, MPVariable[] x, double[] coef, double scale, double lower,
      double upper, String name) {
    MPConstraint row = solver.makeConstraint(scale * lower, scale * upper, name);
    for (int o = 0; o < x.length; o++) {
      if (coef[o] != 0) {
        row.setCoefficient(x[o], scale * coef[o]);
      }
    }
    return row;
  }

  /** One side of a conductor's current polygon: {@code Re(e^{−jθ} I_conductor) ≤ I_max cos(π/N)}. */
  private record BranchRow(PhaseElement line, int conductor, double cos, double sin, MPConstraint row, double scale) {}
}
