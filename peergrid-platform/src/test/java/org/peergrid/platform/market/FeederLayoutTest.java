package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeederLayoutTest {
  @Test
  void leavesTakeRowsAndParentsCentreOverTheirChildren() {
    // 0 - 1 - 2
    //       \ 3 - 4
    //   \ 5
    FeederLayout layout = FeederLayout.of(new int[] {-1, 0, 1, 1, 3, 0});
    assertThat(layout.x()).containsExactly(0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1.0 / 3);
    // leaves 2, 4, 5 take rows 0, 1, 2; bus 3 on its only child's row, bus 1 between 2 and 3, the root between 1 and 5
    assertThat(layout.y()).containsExactly(0.625, 0.25, 0, 0.5, 0.5, 1);
  }

  @Test
  void aSingleBusSitsAtTheOrigin() {
    FeederLayout layout = FeederLayout.of(new int[] {-1});
    assertThat(layout.x()).containsExactly(0);
    assertThat(layout.y()).containsExactly(0);
  }
}
