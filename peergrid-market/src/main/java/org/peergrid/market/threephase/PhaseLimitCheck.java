package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.threephase.PhaseElement;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.scenario.ThreePhaseNetworkSettings;

/**
 * A three-phase power flow's solution against the scenario's limits (docs/realtime.md, three-phase):
 * every phase node's voltage against [V^min, V^max], every three-phase bus's PVUR against
 * {@code unbalance_pu}, and every phase conductor of a line in {@code line_limit_a} against its
 * current, at the line's bus1 end ({@code I_k = Σ_j y_kj V_j}, as the clearing's rows hold it).
 * Real time checks its intervals with it, and {@code --validate-minutes} every minute.
 */
public final class PhaseLimitCheck {
  /** PVURs up to this much beyond the limit are numerical noise, not violations. */
  public static final double UNBALANCE_TOLERANCE = 1e-6;
  /** Currents up to this fraction beyond a line limit are numerical noise. */
  public static final double CURRENT_TOLERANCE = 1e-6;

  /** What a limit is on. */
  public enum Kind { VOLTAGE_LOW, VOLTAGE_HIGH, UNBALANCE, LINE_CURRENT }

  /**
   * One limit broken.
   *
   * @param where the bus and phase node ({@code 34.1}), the bus ({@code 2}) for unbalance, or the line and
   *     conductor ({@code line.l1.2}) for a current
   * @param value the voltage [p.u.], the PVUR [p.u.] or the current [A]
   * @param limit the limit it breaks, same unit
   */
  public record Violation(Kind kind, String where, double value, double limit) {}

  /**
   * One solution checked.
   *
   * @param vminPu the lowest phase-node voltage outside the source bus
   * @param vmaxPu the highest
   * @param pvur the largest PVUR of a three-phase bus
   * @param largestLoading the largest current over its limit of a limited line's conductor (0 without limits)
   */
  public record Summary(double vminPu, String vminNode, double vmaxPu, String vmaxNode, double pvur,
      double largestLoading, List<Violation> violations) {}

  private final PhaseNetwork net;
  private final ThreePhaseNetworkSettings limits;
  private final List<PhaseElement> lines = new ArrayList<>();
  private final List<Double> amps = new ArrayList<>();

  public PhaseLimitCheck(PhaseNetwork net, ThreePhaseNetworkSettings limits) {
    this.net = net;
    this.limits = limits;
    for (Map.Entry<String, Double> e : limits.lineLimitAmps().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      for (PhaseElement element : net.elements()) {
        if (element.kind() == PhaseElement.Kind.LINE && element.name().equalsIgnoreCase(e.getKey())) {
          lines.add(element);
          amps.add(e.getValue());
        }
      }
    }
  }

  /** Checks a converged solution. */
  public Summary check(ThreePhaseResult r) {
    List<Violation> violations = new ArrayList<>();
    int lowest = -1;
    int highest = -1;
    double vmin = limits.vminPu();
    double vmax = limits.vmaxPu();
    for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
      if (net.nodeNumbers()[k] > 3) {
        continue; // a neutral: not held near 1 p.u.
      }
      double v = r.vmPu(k);
      if (lowest < 0 || v < r.vmPu(lowest)) {
        lowest = k;
      }
      if (highest < 0 || v > r.vmPu(highest)) {
        highest = k;
      }
      if (v < vmin - AcCheck.VOLTAGE_TOLERANCE_PU) {
        violations.add(new Violation(Kind.VOLTAGE_LOW, node(k), v, vmin));
      } else if (v > vmax + AcCheck.VOLTAGE_TOLERANCE_PU) {
        violations.add(new Violation(Kind.VOLTAGE_HIGH, node(k), v, vmax));
      }
    }
    double largestPvur = 0;
    for (int b = 1; b < net.busCount(); b++) {
      double pvur = ThreePhaseMarket.busPvur(r::vmPu, net, b);
      largestPvur = Math.max(largestPvur, pvur);
      if (pvur > limits.unbalancePu() + UNBALANCE_TOLERANCE) {
        violations.add(new Violation(Kind.UNBALANCE, net.busNames()[b], pvur, limits.unbalancePu()));
      }
    }
    double loading = 0;
    for (int l = 0; l < lines.size(); l++) {
      PhaseElement line = lines.get(l);
      int conductors = line.nodes().length / 2;
      for (int k = 0; k < conductors; k++) {
        if (line.nodes()[k] < 0) {
          continue;
        }
        double current = current(line, k, r);
        loading = Math.max(loading, current / amps.get(l));
        if (current > amps.get(l) * (1 + CURRENT_TOLERANCE)) {
          violations.add(new Violation(Kind.LINE_CURRENT, line.name() + "." + (k + 1), current, amps.get(l)));
        }
      }
    }
    return new Summary(r.vmPu(lowest), node(lowest), r.vmPu(highest), node(highest), largestPvur, loading,
        violations);
  }

  /** |I_k| = |Σ_j y_kj V_j| into conductor k of a line, A. */
  static double current(PhaseElement e, int k, ThreePhaseResult r) {
    double ir = 0;
    double ii = 0;
    int[] nodes = e.nodes();
    for (int j = 0; j < nodes.length; j++) {
      if (nodes[j] < 0) {
        continue;
      }
      double vr = r.voltageRe(nodes[j]);
      double vi = r.voltageIm(nodes[j]);
      ir += e.y().re(k, j) * vr - e.y().im(k, j) * vi;
      ii += e.y().re(k, j) * vi + e.y().im(k, j) * vr;
    }
    return Math.hypot(ir, ii);
  }

  /** A phase node as {@code BUS.NUMBER}. */
  public String node(int k) {
    return net.busNames()[net.busOf(k)] + "." + net.nodeNumbers()[k];
  }
}
