package org.peergrid.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.radial.RadialNetwork;

class FeederLayoutTest {
  /**
   * case33bw: the trunk 1–18 is the longest path, so it runs along row 0; the laterals below it in
   * depth-first order: 26–33 (from bus 6) on row 1, 23–25 (from 3) on row 2, 19–22 (from 2) on row 3.
   */
  @Test
  void ieee33TrunkOnTopAndEachLateralOnItsOwnRow() throws Exception {
    RadialNetwork net = RadialNetwork.of(MatpowerCaseReader.read(
        Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "feeders", "case33bw.m")));
    FeederLayout layout = FeederLayout.of(net);
    for (int bus = 1; bus <= 18; bus++) {
      assertThat(row(net, layout, bus)).as("bus " + bus).isZero();
      assertThat(layout.x()[net.indexOf(bus)]).isEqualTo(bus - 1);
    }
    for (int bus = 26; bus <= 33; bus++) {
      assertThat(row(net, layout, bus)).isEqualTo(1);
    }
    assertThat(row(net, layout, 23)).isEqualTo(2);
    assertThat(row(net, layout, 19)).isEqualTo(3);
    assertThat(layout.x()[net.indexOf(26)]).isEqualTo(6);
    assertThat(layout.rows()).isEqualTo(4);
    assertThat(layout.depth()).isEqualTo(17);
    Set<Long> places = new HashSet<>();
    for (int k = 0; k < net.busCount(); k++) {
      assertThat(places.add(layout.x()[k] * 1000L + layout.y()[k])).as("one bus per place").isTrue();
    }
  }

  private static int row(RadialNetwork net, FeederLayout layout, int bus) {
    return layout.y()[net.indexOf(bus)];
  }
}
