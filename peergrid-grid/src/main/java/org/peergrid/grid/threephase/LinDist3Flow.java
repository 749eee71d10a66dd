package org.peergrid.grid.threephase;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear model of an unbalanced feeder's squared node voltages as a function of the complex powers
 * injected per phase: LinDist3Flow (Sankur, Dobbe, Arnold, von Meier, Callaway, "A linearized power
 * flow model for optimization in unbalanced distribution systems", arXiv:1606.04492, 2016; after Gan
 * and Low, "Convex relaxations and linear approximation for optimal power flow in multiphase radial
 * networks", PSCC 2014, doi:10.1109/PSCC.2014.7038399), written on the feeder's nodal model so that
 * transformers, regulators at their taps, missing phases and delta connections come from the same
 * admittance matrix as the three-phase power flow.
 *
 * <p><b>Linearisation point.</b> The no-load solution {@code w = Y⁻¹ Ys E} at the transformers' present
 * taps (Y: lines, transformers, capacitors, the source's Thevenin admittance; no loads). An injection
 * {@code s} through a port (a node to ground for a wye connection, node m to node n for a delta one)
 * is turned into the current it would carry at the no-load port voltage, {@code I = conj(s / U_w)}; its
 * effect on the node voltages is {@code ΔV = Z (e_m − e_n) I} with {@code Z = Y⁻¹}, and the squared
 * magnitude is linearised as {@code |w + ΔV|² ≈ |w|² + 2 Re(conj(w) ΔV)}. So, per unit of the node's
 * base {@code Vb_k},
 *
 * <pre>
 *   v_k ≈ |w_k|²/Vb_k² + Σ_ports 2 Re( conj(w_k) z_k conj(s_j / U_j) ) / Vb_k²,   z = Z (e_m − e_n)
 * </pre>
 *
 * which is linear in the real and reactive parts of every {@code s_j}. The two approximations are
 * LinDist3Flow's: currents from powers at the no-load voltages (the same as neglecting losses in the
 * branch flows) and the quadratic term {@code |ΔV|²} dropped. On a line feeder fed by a balanced
 * source the phase ratios {@code w_φ / w_ψ} are the rotations {@code a^{±1}}, {@code a = e^{j2π/3}}, and
 * the sensitivities become Sankur et al.'s {@code M^P = −2 Re(Γ ∘ conj Z)} and
 * {@code M^Q = 2 Im(Γ ∘ conj Z)} ({@code Γ = α αᴴ}, {@code α = (1, a², a)}; {@code v_j = v_i + M^P P_ij + M^Q Q_ij}
 * with P, Q the branch flows) summed over the common path (LinDist3FlowTest checks this against their matrices written out);
 * here the ratios are those of the actual no-load voltages, so a delta–wye transformer's 30° shift,
 * a regulator's boost and the line charging are kept instead of assumed away.
 *
 * <p><b>At an operating point.</b> Built with a power flow's solution {@code V⁰} (for injections {@code s⁰}),
 * the model keeps the fixed-point equation {@code V = w + Z conj(s / U)} exact there and linearises it
 * by taking the port currents at {@code U⁰} instead of {@code U_w}, and the magnitude around {@code V⁰}:
 *
 * <pre>
 *   V ≈ w + Σ_j z_j conj(s_j / U⁰_j),   v_k ≈ (|V⁰_k|² + 2 Re(conj(V⁰_k) (V_k − V⁰_k))) / Vb_k²
 * </pre>
 *
 * which is exact at {@code s = s⁰} and whose error is second order in the deviation from {@code V⁰}
 * instead of from {@code w} (the fixed-point linearisation of Bernstein and Dall'Anese, "Linear
 * power-flow models in multiphase distribution networks", IEEE ISGT Europe 2017, arXiv:1708.02925; at
 * {@code V⁰ = w} it is the no-load model above). The same sensitivities, adjoints, currents and error
 * bound hold with {@code V⁰} in place of {@code w} wherever {@code w} is the linearisation point.
 *
 * <p>Loads are constant-power injections in this model; the validation against the power flow and
 * its error bound are in docs/opendss.md.
 */
public final class LinDist3Flow {
  /**
   * Where a power is injected: the device delivers current into node {@code plus} and takes it back
   * from {@code minus} ({@code -1} = ground), at the voltage {@code V_plus − V_minus} (global nodes). A wye single-phase device is {@code (node, -1)}; a delta one
   * between two phases is {@code (node1, node2)}.
   */
  public record Port(int plus, int minus) {
    public Port {
      if (plus < 0 || minus < -1 || plus == minus) {
        throw new IllegalArgumentException("a port needs a node and another node or ground (-1), got " + plus + ", " + minus);
      }
    }
  }

  /** A complex power injected through a port: generation positive, load negative, kW and kvar. */
  public record Injection(Port port, double pKw, double qKvar) {}

  private final PhaseNetwork net;
  private final BlockTreeSolver solver;
  /** The no-load voltages, V: the constant term of {@code V = w + Z I}. */
  private final double[] wRe;
  private final double[] wIm;
  /** The linearisation point, V: {@code w} itself, or a power flow's solution. */
  private final double[] pRe;
  private final double[] pIm;
  private final double[] base;

  /**
   * Linearises the feeder of {@code powerFlow} at its no-load voltages with the transformers' taps as
   * they are now (after a power flow with controls on, its final taps).
   */
  public LinDist3Flow(ThreePhasePowerFlow powerFlow) {
    this(powerFlow, null);
  }

  /**
   * Linearises the feeder of {@code powerFlow} at an operating point: {@code operatingPoint}, a converged
   * solution of that power flow (its voltages, at the transformers' present taps); null for the no-load point.
   */
  public LinDist3Flow(ThreePhasePowerFlow powerFlow, ThreePhaseResult operatingPoint) {
    this.net = powerFlow.network();
    int n = net.nodeCount();
    for (PhaseElement e : net.elements()) {
      e.refresh();
    }
    solver = new BlockTreeSolver(net);
    solver.factor(false);
    double[][] norton = ThreePhasePowerFlow.sourceNortonCurrents(net);
    wRe = new double[n];
    wIm = new double[n];
    solver.solve(norton[0], norton[1], wRe, wIm);
    base = new double[n];
    for (int k = 0; k < n; k++) {
      base[k] = powerFlow.nodeBaseVolts(k);
    }
    if (operatingPoint == null) {
      pRe = wRe;
      pIm = wIm;
    } else {
      if (!operatingPoint.converged()) {
        throw new IllegalArgumentException("the operating point must be a converged power flow, got "
            + operatingPoint.status());
      }
      pRe = new double[n];
      pIm = new double[n];
      for (int k = 0; k < n; k++) {
        pRe[k] = operatingPoint.voltageRe(k);
        pIm[k] = operatingPoint.voltageIm(k);
      }
    }
  }

  /** The linearisation point's squared magnitude of node k, p.u.² (the no-load one unless built at an operating point). */
  public double pointPu2(int node) {
    return (pRe[node] * pRe[node] + pIm[node] * pIm[node]) / (base[node] * base[node]);
  }

  public PhaseNetwork network() {
    return net;
  }

  /** Line-to-neutral base of node k, V. */
  public double baseVolts(int node) {
    return base[node];
  }

  /** The no-load (linearisation point) voltage of node k, V: {re, im}. */
  public double[] noLoadVoltage(int node) {
    return new double[] {wRe[node], wIm[node]};
  }

  /** |w_k|² / Vb_k²: the squared no-load magnitude of node k, p.u.². */
  public double noLoadPu2(int node) {
    return (wRe[node] * wRe[node] + wIm[node] * wIm[node]) / (base[node] * base[node]);
  }

  /** The port from node {@code number} (1 = phase a, 2 = b, 3 = c) of a bus to ground. */
  public Port wye(String bus, int number) {
    return new Port(node(bus, number), -1);
  }

  /** The port between two nodes of a bus (a delta connection). */
  public Port delta(String bus, int number1, int number2) {
    return new Port(node(bus, number1), node(bus, number2));
  }

  private int node(String bus, int number) {
    int b = net.busIndex(bus.toLowerCase(java.util.Locale.ROOT));
    if (b < 0) {
      throw new IllegalArgumentException("the feeder has no bus " + bus);
    }
    int k = net.node(b, number);
    if (k < 0) {
      throw new IllegalArgumentException("bus " + bus + " has no node " + number);
    }
    return k;
  }

  /** The feeder's own loads and generators at their nominal powers, as injections (loads negative). */
  public List<Injection> feederInjections() {
    List<Injection> out = new ArrayList<>();
    for (LoadElement l : net.loads()) {
      for (int k = 0; k < l.from.length; k++) {
        // a load draws from `from` and returns to `to`: as an injection its port runs the other way round
        // only in sign, so keep the port (from, to) and negate the power
        if (l.from[k] >= 0) {
          out.add(new Injection(new Port(l.from[k], l.to[k]), -l.watts / 1000, -l.vars / 1000));
        } else {
          out.add(new Injection(new Port(l.to[k], l.from[k]), l.watts / 1000, l.vars / 1000));
        }
      }
    }
    return out;
  }

  /** z = Z (e_plus − e_minus): the node voltages caused by 1 A delivered through the port, V/A: {re, im}. */
  double[][] transfer(Port port) {
    int n = net.nodeCount();
    double[] rhsRe = new double[n];
    double[] rhsIm = new double[n];
    rhsRe[port.plus()] = 1;
    if (port.minus() >= 0) {
      rhsRe[port.minus()] = -1;
    }
    double[] zr = new double[n];
    double[] zi = new double[n];
    solver.solve(rhsRe, rhsIm, zr, zi);
    return new double[][] {zr, zi};
  }

  /** The port's voltage at the linearisation point, V: {re, im}. */
  double[] portVoltage(Port port) {
    double ur = pRe[port.plus()] - (port.minus() >= 0 ? pRe[port.minus()] : 0);
    double ui = pIm[port.plus()] - (port.minus() >= 0 ? pIm[port.minus()] : 0);
    return new double[] {ur, ui};
  }

  /** The current the injection delivers at the linearisation point's port voltage, conj(s / U⁰), A: {re, im}. */
  double[] noLoadCurrent(Injection s) {
    double[] u = portVoltage(s.port());
    double u2 = u[0] * u[0] + u[1] * u[1];
    double p = s.pKw() * 1000;
    double q = s.qKvar() * 1000;
    // conj(s/U) = conj(s) U / |U|^2 = (p - jq)(ur + j ui) / |U|^2
    return new double[] {(p * u[0] + q * u[1]) / u2, (p * u[1] - q * u[0]) / u2};
  }

  /**
   * ∂v_k/∂p and ∂v_k/∂q of every node k for power injected through the port: p.u.² per kW and per
   * kvar, {dvdp[nodes], dvdq[nodes]}. These are LP rows' coefficients: one column per port.
   */
  public double[][] sensitivity(Port port) {
    double[][] z = transfer(port);
    double[] ip = noLoadCurrent(new Injection(port, 1, 0));
    double[] iq = noLoadCurrent(new Injection(port, 0, 1));
    int n = net.nodeCount();
    double[] dp = new double[n];
    double[] dq = new double[n];
    for (int k = 0; k < n; k++) {
      dp[k] = squaredMagnitudeChange(k, z[0][k], z[1][k], ip);
      dq[k] = squaredMagnitudeChange(k, z[0][k], z[1][k], iq);
    }
    return new double[][] {dp, dq};
  }

  /** 2 Re(conj(V⁰_k) z_k I) / Vb_k². */
  private double squaredMagnitudeChange(int k, double zr, double zi, double[] current) {
    double dvr = zr * current[0] - zi * current[1];
    double dvi = zr * current[1] + zi * current[0];
    return 2 * (pRe[k] * dvr + pIm[k] * dvi) / (base[k] * base[k]);
  }

  /** The linear model's change of every node voltage, ΔV = Σ z_j I_j, V: {re[nodes], im[nodes]}. */
  double[][] voltageChange(List<Injection> injections) {
    int n = net.nodeCount();
    double[] rhsRe = new double[n];
    double[] rhsIm = new double[n];
    for (Injection s : injections) {
      double[] i = noLoadCurrent(s);
      rhsRe[s.port().plus()] += i[0];
      rhsIm[s.port().plus()] += i[1];
      if (s.port().minus() >= 0) {
        rhsRe[s.port().minus()] -= i[0];
        rhsIm[s.port().minus()] -= i[1];
      }
    }
    double[] dr = new double[n];
    double[] di = new double[n];
    solver.solve(rhsRe, rhsIm, dr, di);
    return new double[][] {dr, di};
  }

  /** The squared magnitude of every node predicted for these injections, p.u.². */
  public double[] voltagesPu2(List<Injection> injections) {
    double[][] dv = voltageChange(injections);
    int n = net.nodeCount();
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      // |V⁰|² + 2 Re(conj(V⁰)(w + ΔV − V⁰)); at V⁰ = w the no-load form |w|² + 2 Re(conj(w) ΔV)
      double dr = wRe[k] + dv[0][k] - pRe[k];
      double di = wIm[k] + dv[1][k] - pIm[k];
      v[k] = pointPu2(k) + 2 * (pRe[k] * dr + pIm[k] * di) / (base[k] * base[k]);
    }
    return v;
  }

  /**
   * {@code Σ_k weight_k ∂v_k/∂p} and {@code Σ_k weight_k ∂v_k/∂q} for each port, by one adjoint solve
   * instead of one solve per port: {@code Σ_k weight_k 2 Re(conj(w_k) z_k I) / Vb_k² = 2 Re(I (Zᵀ m)ᵀ(e_plus
   * − e_minus))} with {@code m_k = weight_k conj(w_k) / Vb_k²}, and {@code Zᵀ = Z} because every element's
   * admittance matrix is symmetric (lines, {@code Aᵀ y A} of the transformers, the source). Used for
   * DLMPs at every bus and phase: weights are the duals of the voltage rows.
   *
   * @return {perKw[ports], perKvar[ports]}
   */
  public double[][] weightedSensitivities(double[] weightPerNode, List<Port> ports) {
    int n = net.nodeCount();
    double[] mr = new double[n];
    double[] mi = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 2 * weightPerNode[k] / (base[k] * base[k]);
      mr[k] = s * pRe[k];
      mi[k] = -s * pIm[k];
    }
    return adjointSensitivities(mr, mi, ports);
  }

  /**
   * {@code Re(Σ_k m_k ∂V_k/∂p)} and {@code Re(Σ_k m_k ∂V_k/∂q)} for each port, for complex node weights m
   * (per kW and per kvar), by one solve: {@code ∂V/∂p_d = z_d I_d} so the sum is {@code Re(I_d (Zᵀ m)ᵀ(e_plus
   * − e_minus))}, and {@code Zᵀ = Z} (every element's admittance matrix is symmetric). Squared voltages
   * ({@link #weightedSensitivities}) and conductor currents are both of this form.
   *
   * @return {perKw[ports], perKvar[ports]}
   */
  public double[][] adjointSensitivities(double[] mRe, double[] mIm, List<Port> ports) {
    int n = net.nodeCount();
    double[] gr = new double[n];
    double[] gi = new double[n];
    solver.solve(mRe, mIm, gr, gi);
    double[] perKw = new double[ports.size()];
    double[] perKvar = new double[ports.size()];
    for (int j = 0; j < ports.size(); j++) {
      Port port = ports.get(j);
      double hr = gr[port.plus()] - (port.minus() >= 0 ? gr[port.minus()] : 0);
      double hi = gi[port.plus()] - (port.minus() >= 0 ? gi[port.minus()] : 0);
      double[] ip = noLoadCurrent(new Injection(port, 1, 0));
      double[] iq = noLoadCurrent(new Injection(port, 0, 1));
      perKw[j] = hr * ip[0] - hi * ip[1];
      perKvar[j] = hr * iq[0] - hi * iq[1];
    }
    return new double[][] {perKw, perKvar};
  }

  /**
   * The current into conductor {@code k} of an element (a line's first {@code phases} conductors are
   * its bus1 end) that the model gives for these injections, {@code I = Σ_j y_kj (w_j + ΔV_j)}, A:
   * {re, im}. Linear in the injections, like the voltages.
   */
  public double[] conductorCurrent(PhaseElement e, int k, List<Injection> injections) {
    double[][] dv = voltageChange(injections);
    int[] nodes = e.nodes;
    double ir = 0;
    double ii = 0;
    for (int j = 0; j < nodes.length; j++) {
      if (nodes[j] < 0) {
        continue;
      }
      double vr = wRe[nodes[j]] + dv[0][nodes[j]];
      double vi = wIm[nodes[j]] + dv[1][nodes[j]];
      ir += e.y.re(k, j) * vr - e.y.im(k, j) * vi;
      ii += e.y.re(k, j) * vi + e.y.im(k, j) * vr;
    }
    return new double[] {ir, ii};
  }

  /**
   * ∂I/∂p and ∂I/∂q of conductor {@code k} of an element for power through the port, A per kW and per
   * kvar: {dp_re, dp_im, dq_re, dq_im}.
   */
  public double[] conductorCurrentSensitivity(PhaseElement e, int k, Port port) {
    double[][] z = transfer(port);
    double[] ip = noLoadCurrent(new Injection(port, 1, 0));
    double[] iq = noLoadCurrent(new Injection(port, 0, 1));
    double yzr = 0;
    double yzi = 0;
    int[] nodes = e.nodes;
    for (int j = 0; j < nodes.length; j++) {
      if (nodes[j] < 0) {
        continue;
      }
      double zr = z[0][nodes[j]];
      double zi = z[1][nodes[j]];
      yzr += e.y.re(k, j) * zr - e.y.im(k, j) * zi;
      yzi += e.y.re(k, j) * zi + e.y.im(k, j) * zr;
    }
    return new double[] {yzr * ip[0] - yzi * ip[1], yzr * ip[1] + yzi * ip[0], yzr * iq[0] - yzi * iq[1],
        yzr * iq[1] + yzi * iq[0]};
  }

  /**
   * A bound on the model's error in every node's squared voltage, given the power flow's solution
   * {@code V} for the same constant-power injections, p.u.². With {@code ΔV = V − w} and
   * {@code ΔV_lin} the model's change, exactly
   *
   * <pre>
   *   v_k − v_lin,k = (|ΔV_k|² + 2 Re(conj(w_k) (ΔV_k − ΔV_lin,k))) / Vb_k²,
   *   ΔV − ΔV_lin = Σ_j z_j (I_j(V) − I_j(w)),   |I_j(V) − I_j(w)| = |I_j(w)| |U_j − U_j,w| / |U_j|
   * </pre>
   *
   * for a constant power through port j at voltage {@code U_j} ({@code I = conj(s/U)}), so
   * {@code |v_k − v_lin,k| ≤ (|ΔV_k|² + 2 |w_k| Σ_j |z_jk| |I_j(w)| ε_j) / Vb_k²}, {@code ε_j = |U_j − U_j,w| / |U_j|}:
   * second order in the voltages' deviation from the linearisation point.
   *
   * @param vRe the power flow's node voltages, V (real parts)
   * @param vIm imaginary parts
   */
  public double[] errorBoundPu2(List<Injection> injections, double[] vRe, double[] vIm) {
    int n = net.nodeCount();
    double[] reach = new double[n];
    for (Injection s : injections) {
      double[] uw = portVoltage(s.port());
      int a = s.port().plus();
      int c = s.port().minus();
      double ur = vRe[a] - (c >= 0 ? vRe[c] : 0);
      double ui = vIm[a] - (c >= 0 ? vIm[c] : 0);
      double eps = Math.hypot(ur - uw[0], ui - uw[1]) / Math.hypot(ur, ui);
      double[] i = noLoadCurrent(s);
      double weight = Math.hypot(i[0], i[1]) * eps;
      if (weight == 0) {
        continue;
      }
      double[][] z = transfer(s.port());
      for (int k = 0; k < n; k++) {
        reach[k] += Math.hypot(z[0][k], z[1][k]) * weight;
      }
    }
    double[] bound = new double[n];
    for (int k = 0; k < n; k++) {
      double dvr = vRe[k] - pRe[k];
      double dvi = vIm[k] - pIm[k];
      bound[k] = (dvr * dvr + dvi * dvi + 2 * Math.hypot(pRe[k], pIm[k]) * reach[k]) / (base[k] * base[k]);
    }
    return bound;
  }

  /**
   * The feeder with these injections as its only loads and generators, each at constant P and Q
   * (OpenDSS model 1 over 0.5 to 2 p.u.): to check a dispatch computed on this model by the
   * three-phase power flow. The elements are shared: solve it with controls off to keep the taps the
   * model was built at.
   */
  public PhaseNetwork networkWith(List<Injection> injections) {
    List<LoadElement> loads = new ArrayList<>();
    int count = 0;
    for (Injection s : injections) {
      Port port = s.port();
      // the load's nominal voltage: the no-load one, whatever the linearisation point
      double ur = wRe[port.plus()] - (port.minus() >= 0 ? wRe[port.minus()] : 0);
      double ui = wIm[port.plus()] - (port.minus() >= 0 ? wIm[port.minus()] : 0);
      double vbase = Math.hypot(ur, ui);
      boolean generating = s.pKw() > 0;
      // a load draws from `from` to `to`; an injection is a load of negative power through the same port
      loads.add(new LoadElement((generating ? "Generator.injection" : "Load.injection") + (++count), "dispatch",
          new int[] {port.plus()}, new int[] {port.minus()}, 1, -s.pKw() * 1000, -s.qKvar() * 1000, vbase, 0.5, 2.0,
          0.4, 1, 2, generating));
    }
    return new PhaseNetwork(net.name(), net.busNames(), net.parent(), net.firstNode(), net.nodeNumbers(),
        net.busFirstElement(), net.elements(), loads, net.sourceNodes(), net.sourceY(), net.sourceEmf(),
        net.regulators(), net.voltageBasesKv(), net.voltageBasesLocation(), net.frequency());
  }
}
