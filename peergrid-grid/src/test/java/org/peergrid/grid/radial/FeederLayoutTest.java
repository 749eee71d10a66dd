package org.peergrid.grid.radial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peergrid.grid.radial.FeederLayout.Place;
import org.peergrid.grid.testsupport.TestFeeders;

class FeederLayoutTest {
  /**
   * case33bw by hand: the trunk 1–18 is the longest path, so it runs along row 0; below it, in
   * depth-first order, the lateral 26–33 (leaving bus 6, 8 buses deep) on row 1, 23–25 (from bus 3) on
   * row 2 and 19–22 (from bus 2) on row 3.
   */
  @Test
  void case33bwHasItsTrunkOnTopAndEachLateralOnItsOwnRow() {
    RadialNetwork net = RadialNetwork.of(TestFeeders.load("case33bw"));
    FeederLayout layout = FeederLayout.of(net);
    for (int bus = 1; bus <= 18; bus++) {
      assertThat(place(net, layout, bus)).as("bus " + bus).isEqualTo(new Place(bus, bus == 1 ? null : bus - 1,
          bus - 1, 0));
    }
    for (int bus = 26; bus <= 33; bus++) {
      assertThat(place(net, layout, bus).row()).as("bus " + bus).isEqualTo(1);
    }
    assertThat(place(net, layout, 26)).isEqualTo(new Place(26, 6, 6, 1));
    assertThat(place(net, layout, 23)).isEqualTo(new Place(23, 3, 3, 2));
    assertThat(place(net, layout, 25)).isEqualTo(new Place(25, 24, 5, 2));
    assertThat(place(net, layout, 19)).isEqualTo(new Place(19, 2, 2, 3));
    assertThat(place(net, layout, 22)).isEqualTo(new Place(22, 21, 5, 3));
    assertThat(layout.rows()).isEqualTo(4);
    assertThat(layout.columns()).isEqualTo(18);
  }

  /** Seeded random trees, from a single bus to 400 buses, bushy and stringy. */
  static Stream<int[]> randomTrees() {
    Random random = new Random(20261205);
    return IntStream.range(0, 60).mapToObj(i -> {
      int n = 1 + random.nextInt(i < 30 ? 40 : 400);
      int reach = 1 + random.nextInt(6); // how far back a parent may be: small gives long chains
      int[] parent = new int[n];
      parent[0] = -1;
      for (int k = 1; k < n; k++) {
        parent[k] = Math.max(0, k - 1 - random.nextInt(random.nextBoolean() ? reach : k));
      }
      return parent;
    });
  }

  /**
   * What makes it a readable tree drawing: every bus one column right of its parent, on its parent's
   * row or below, no two buses in one place, nothing drawn across a bus (a branch goes down the
   * parent's column, then one column across, and no other bus stands on that path), each subtree on
   * a block of rows of its own (so laterals cannot cross), one row per leaf, and the deepest bus on
   * row 0 with the substation.
   */
  @ParameterizedTest
  @MethodSource("randomTrees")
  void aRadialTreeIsLaidOutWithoutOverlapsOrCrossings(int[] parent) {
    int n = parent.length;
    int[] busNumber = new int[n];
    for (int k = 0; k < n; k++) {
      busNumber[k] = 1000 + 7 * k; // numbers unlike the indices
    }
    FeederLayout layout = FeederLayout.of(parent, busNumber);
    assertThat(layout.buses()).hasSize(n);
    assertThat(layout.buses().get(0)).isEqualTo(new Place(1000, null, 0, 0));
    Map<Long, Integer> at = new HashMap<>();
    int leaves = 0;
    int deepest = 0;
    for (int k = 0; k < n; k++) {
      Place p = layout.buses().get(k);
      assertThat(p.bus()).isEqualTo(busNumber[k]);
      assertThat(at.put(key(p.column(), p.row()), k)).as("one bus per place").isNull();
      assertThat(p.row()).isBetween(0, layout.rows() - 1);
      assertThat(p.column()).isBetween(0, layout.columns() - 1);
      deepest = Math.max(deepest, p.column());
      if (k > 0) {
        Place up = layout.buses().get(parent[k]);
        assertThat(p.parent()).isEqualTo(busNumber[parent[k]]);
        assertThat(p.column()).isEqualTo(up.column() + 1);
        assertThat(p.row()).isGreaterThanOrEqualTo(up.row());
      }
      int k0 = k;
      if (IntStream.range(1, n).noneMatch(c -> parent[c] == k0)) {
        leaves++;
      }
    }
    assertThat(layout.rows()).as("a row per leaf").isEqualTo(leaves);
    assertThat(layout.columns()).isEqualTo(deepest + 1);
    int lastColumn = deepest;
    assertThat(layout.buses()).as("the deepest path along row 0")
        .anyMatch(p -> p.column() == lastColumn && p.row() == 0);
    for (int k = 1; k < n; k++) {
      Place p = layout.buses().get(k);
      Place up = layout.buses().get(parent[k]);
      for (int r = up.row() + 1; r <= p.row(); r++) {
        Integer there = at.get(key(up.column(), r));
        assertThat(there).as("nothing on the branch into index " + k + " at row " + r).isNull();
      }
    }
    // each subtree's rows are a block that no bus outside the subtree uses
    int[] lo = new int[n];
    int[] hi = new int[n];
    for (int k = 0; k < n; k++) {
      lo[k] = hi[k] = layout.row(k);
    }
    for (int k = n - 1; k >= 1; k--) {
      lo[parent[k]] = Math.min(lo[parent[k]], lo[k]);
      hi[parent[k]] = Math.max(hi[parent[k]], hi[k]);
    }
    // subtree membership by a depth-first numbering: j is in k's subtree iff first[k] <= first[j] < end[k]
    int[] first = new int[n];
    int[] end = new int[n];
    number(0, parent, first, end, new int[1]);
    for (int k = 1; k < n; k++) {
      for (int j = 0; j < n; j++) {
        boolean inside = first[k] <= first[j] && first[j] < end[k];
        if (!inside && layout.column(j) >= layout.column(k) && layout.row(j) >= lo[k] && layout.row(j) <= hi[k]) {
          fail("index " + j + " at row " + layout.row(j) + ", outside the subtree of " + k + " on rows " + lo[k]
              + "–" + hi[k]);
        }
      }
    }
  }

  private static void number(int k, int[] parent, int[] first, int[] end, int[] counter) {
    first[k] = counter[0]++;
    for (int c = k + 1; c < parent.length; c++) {
      if (parent[c] == k) {
        number(c, parent, first, end, counter);
      }
    }
    end[k] = counter[0];
  }

  @Test
  void aTreeWhoseParentsDoNotComeFirstIsRefused() {
    assertThatThrownBy(() -> FeederLayout.of(new int[] {-1, 2, 0}, new int[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1 has parent 2");
  }

  private static long key(int column, int row) {
    return (long) column << 32 | row;
  }

  private static Place place(RadialNetwork net, FeederLayout layout, int bus) {
    return layout.buses().get(net.indexOf(bus));
  }
}
