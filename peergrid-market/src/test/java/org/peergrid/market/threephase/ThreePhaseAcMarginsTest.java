package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The AC correction's margins without a feeder: spreading over the intervals and freezing the unbalance. */
class ThreePhaseAcMarginsTest {
  @Test
  void spreadingGivesEveryIntervalEachNodesAndLinesLargestMargin() {
    ThreePhaseAcMargins m = new ThreePhaseAcMargins(3, 2, 1);
    m.raise[1][0] = 0.004;
    m.raise[2][0] = 0.001;
    m.cut[0][1] = 0.002;
    m.unbalanceCut[2][1] = 0.003;
    m.lineCut[1][0] = 1.5;
    m.spreadOverIntervals();
    for (int t = 0; t < 3; t++) {
      assertThat(m.raise[t]).containsExactly(0.004, 0);
      assertThat(m.cut[t]).containsExactly(0, 0.002);
      assertThat(m.unbalanceCut[t]).containsExactly(0, 0.003);
      assertThat(m.lineCut[t]).containsExactly(1.5);
    }
  }

  @Test
  void anInfeasibleUnbalanceTighteningIsUndoneOnceAndTheOtherMarginsKept() {
    ThreePhaseAcMargins m = new ThreePhaseAcMargins(2, 3, 0);
    m.unbalanceCut[0][2] = 0.001;
    m.feasible();
    // the next round tightens the unbalance and a voltage; the clearing at those margins is infeasible
    m.unbalanceCut[0][2] = 0.009;
    m.raise[1][1] = 0.002;
    ThreePhaseAcMargins played = m.copy();
    assertThat(m.freezeUnbalance()).isTrue();
    assertThat(m.unbalanceFrozen()).isTrue();
    assertThat(m.unbalanceCut[0][2]).isEqualTo(0.001);
    assertThat(m.raise[1][1]).isEqualTo(0.002);
    // the copy the infeasible clearing ran with is not touched
    assertThat(played.unbalanceCut[0][2]).isEqualTo(0.009);
    // nothing left to undo: a second infeasible clearing ends the correction
    assertThat(m.freezeUnbalance()).isFalse();
  }

  @Test
  void withoutAnUnbalanceTighteningThereIsNothingToUndo() {
    ThreePhaseAcMargins m = new ThreePhaseAcMargins(1, 3, 0);
    m.feasible();
    m.raise[0][1] = 0.002;
    assertThat(m.freezeUnbalance()).isFalse();
    assertThat(m.unbalanceFrozen()).isFalse();
  }
}
