package org.peergrid.market.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Nash bargaining with core constraints, max Σ w_i ln(x_i − d_i) s.t. Σ x = v(N), box bounds and
 * Σ_{i∈C} x_i ≥ v(C), solved by {@link LogBarrierMethod} in the scaled gains y = (x − d)/S
 * (S = v(N) − Σ d &gt; 0), so that Σ y = 1 and the tolerance is relative to the surplus.
 *
 * <p>Phase I (Boyd &amp; Vandenberghe §11.4.1) maximises the margin t of every constraint and of
 * y ≥ 0: t &gt; 0 yields a strictly feasible start; t* ≈ 0 means weakly but not strictly
 * individually rational ({@link BargainingStatus#DEGENERATE}); t* &lt; 0 leads to a second phase I
 * without y ≥ 0 (y ≥ −{@link #GAIN_FLOOR} instead, i.e. losses up to 10⁶·S) that separates
 * NOT_INDIVIDUALLY_RATIONAL from INFEASIBLE.
 */
final class CoreNashSolver {
  /**
   * Phase I calls a set empty (or without strict interior) when its largest margin is below this,
   * relative to S. Finer margins drive the degenerate phase-I Newton systems to singularity.
   */
  static final double FEASIBILITY_TOLERANCE = 1e-7;
  static final double GAIN_FLOOR = 1e6;

  private enum Kind { LOWER, UPPER, COALITION }

  private record Constraint(Kind kind, int source, LogBarrierMethod.Row row) {
    boolean impliedByPositiveGains() {
      return kind != Kind.UPPER && row.rhs() >= 0;
    }
  }

  private final double tolerance;
  private final int maxIterations;

  CoreNashSolver(double tolerance, int maxIterations) {
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /** Requires S &gt; 0. */
  BargainingResult solve(BargainingProblem p) {
    int n = p.size();
    List<Constraint> all = scaledConstraints(p);
    List<Constraint> kept = all.stream().filter(c -> !c.impliedByPositiveGains()).toList();
    LogBarrierMethod.Outcome phase1 = PhaseOne.maximiseMargin(n, rows(kept), true, maxIterations);
    int iterations = phase1.iterations();
    if (!phase1.converged()) {
      return BargainingResult.failed(BargainingStatus.MAX_ITERATIONS, iterations,
          "phase I stopped (iteration limit " + maxIterations + " or singular Newton system)");
    }
    double margin = phase1.z()[n];
    if (margin <= 0) {
      if (margin + phase1.gap() >= -FEASIBILITY_TOLERANCE) {
        return BargainingResult.failed(BargainingStatus.DEGENERATE, iterations,
            "individually rational splits exist, but some player gains nothing in all of them");
      }
      LogBarrierMethod.Outcome any = PhaseOne.maximiseMargin(n, rows(all), false, maxIterations);
      iterations += any.iterations();
      boolean nonEmpty = any.z()[n] + any.gap() >= -FEASIBILITY_TOLERANCE;
      return BargainingResult.failed(
          nonEmpty ? BargainingStatus.NOT_INDIVIDUALLY_RATIONAL : BargainingStatus.INFEASIBLE,
          iterations, nonEmpty
              ? "no split satisfying the bounds and core gives every player its disagreement payoff"
              : "the bounds and core constraints admit no split of v(N)");
    }
    double[] w = p.weights();
    double sumW = Arrays.stream(w).sum();
    double[] wHat = Arrays.stream(w).map(x -> x / sumW).toArray();
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    LogObjective objective = new LogObjective(wHat);
    LogBarrierMethod.Outcome phase2 = new LogBarrierMethod(rows(kept), ones, 1, tolerance,
        maxIterations - iterations).minimise(objective, Arrays.copyOf(phase1.z(), n),
        1, (z, gap) -> false);
    iterations += phase2.iterations();
    if (!phase2.converged()) {
      return BargainingResult.failed(BargainingStatus.MAX_ITERATIONS, iterations,
          "no convergence (iteration limit " + maxIterations + " or singular Newton system); gap "
              + phase2.gap());
    }
    ActiveSetPolish.Polished polished = ActiveSetPolish
        .polish(objective, rows(kept), ones, 1, phase2)
        .orElseGet(() -> new ActiveSetPolish.Polished(
            phase2.z(), phase2.rowDuals(), phase2.equalityDual()));
    double s = p.surplus();
    double[] d = p.disagreement();
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d[i] + s * polished.y()[i];
    }
    return new BargainingResult(BargainingStatus.SOLVED, x,
        Optional.of(multipliers(p, kept, polished, sumW / s)), iterations, phase2.gap(), "");
  }

  private static List<Constraint> scaledConstraints(BargainingProblem p) {
    double s = p.surplus();
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    List<Constraint> out = new ArrayList<>();
    for (int i = 0; i < d.length; i++) {
      if (Double.isFinite(lo[i])) {
        out.add(new Constraint(Kind.LOWER, i, row(new int[] {i}, -1, -(lo[i] - d[i]) / s)));
      }
      if (Double.isFinite(hi[i])) {
        out.add(new Constraint(Kind.UPPER, i, row(new int[] {i}, 1, (hi[i] - d[i]) / s)));
      }
    }
    for (int c = 0; c < p.coalitions().size(); c++) {
      CoalitionConstraint cc = p.coalitions().get(c);
      double rhs = -(cc.value() - cc.sum(d)) / s;
      out.add(new Constraint(Kind.COALITION, c, row(cc.members(), -1, rhs)));
    }
    return out;
  }

  private static LogBarrierMethod.Row row(int[] index, double coef, double rhs) {
    double[] coefs = new double[index.length];
    Arrays.fill(coefs, coef);
    return new LogBarrierMethod.Row(index, coefs, rhs);
  }

  private static List<LogBarrierMethod.Row> rows(List<Constraint> cs) {
    return cs.stream().map(Constraint::row).toList();
  }

  private static KktMultipliers multipliers(BargainingProblem p, List<Constraint> kept,
      ActiveSetPolish.Polished out, double scale) {
    double[] lower = new double[p.size()];
    double[] upper = new double[p.size()];
    double[] coalition = new double[p.coalitions().size()];
    for (int k = 0; k < kept.size(); k++) {
      Constraint c = kept.get(k);
      double mu = scale * out.rowDuals()[k];
      switch (c.kind()) {
        case LOWER -> lower[c.source()] = mu;
        case UPPER -> upper[c.source()] = mu;
        case COALITION -> coalition[c.source()] = mu;
      }
    }
    return new KktMultipliers(scale * out.equalityDual(), lower, upper, coalition);
  }

  /** f(y) = −Σ ŵ_i ln y_i. */
  private record LogObjective(double[] w) implements LogBarrierMethod.Objective {
    @Override
    public boolean inDomain(double[] y) {
      return Arrays.stream(y).allMatch(v -> v > 0);
    }

    @Override
    public double value(double[] y) {
      double f = 0;
      for (int i = 0; i < w.length; i++) {
        f -= w[i] * Math.log(y[i]);
      }
      return f;
    }

    @Override
    public double gradient(double[] y, int i) {
      return -w[i] / y[i];
    }

    @Override
    public double hessian(double[] y, int i) {
      return w[i] / (y[i] * y[i]);
    }
  }
}
