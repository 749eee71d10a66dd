package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.junit.jupiter.api.Test;

/** Pins GLOP's sign conventions, which {@link Glop#marginal} normalises. */
class DualSignTest {

  @Test
  void rowDualIsTheObjectiveDerivativeWithRespectToTheRightHandSide() {
    // min 3x + y  s.t.  x + y = b,  x ≥ 0, y ≤ 1: the marginal unit of b is served by x at cost 3.
    MPSolver solver = Glop.create("sign");
    try {
      MPVariable x = solver.makeNumVar(0, MPSolver.infinity(), "x");
      MPVariable y = solver.makeNumVar(0, 1, "y");
      MPConstraint row = solver.makeConstraint(4, 4, "row");
      row.setCoefficient(x, 1);
      row.setCoefficient(y, 1);
      solver.objective().setCoefficient(x, 3);
      solver.objective().setCoefficient(y, 1);
      solver.objective().setMinimization();
      assertThat(solver.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
      assertThat(Glop.marginal(row.dualValue())).isCloseTo(3, within(1e-9));
      // Raising y's upper bound by one saves 3 − 1 = 2: the reduced cost at an upper bound is −2.
      assertThat(Glop.marginal(y.reducedCost())).isCloseTo(-2, within(1e-9));
    } finally {
      solver.delete();
    }
  }
}
