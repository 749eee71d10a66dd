package org.peergrid.market.bargaining;

/** A bargaining solution concept: a pure function from a problem to a result. */
@FunctionalInterface
public interface BargainingSolver {
  BargainingResult solve(BargainingProblem problem);
}
