package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * The three-phase day as the games' players see it, on examples/ieee13-3ph: the same participants,
 * horizon and tariffs, and a bus tree whose root resistances grow away from the source, as LinDistFlow's
 * R_0k does, and equal half LinDist3Flow's drop of a bus's mean v² per kW withdrawn there.
 */
class PlayersDayTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;

  @Test
  void theTreeIsTheFeedersWithDistancesFromLinDist3Flow() {
    ThreePhaseScenario s = ScenarioLoader.loadThreePhase(EXAMPLE);
    LinDist3Flow model = ThreePhaseDayClearing.model(s);
    Scenario players = PlayersDay.of(s, model);
    assertThat(players.participants()).isEqualTo(s.participants());
    assertThat(players.horizon()).isEqualTo(s.horizon());
    assertThat(players.tariff()).isEqualTo(s.tariff());
    PhaseNetwork net = model.network();
    RadialNetwork tree = players.network().radial();
    assertThat(tree.busCount()).isEqualTo(net.busCount());
    double[] rootR = new double[net.busCount()];
    for (int k = 1; k < tree.busCount(); k++) {
      int b = tree.busNumber(k);
      assertThat(tree.busNumber(tree.parent(k))).isEqualTo(net.parent()[b]);
      assertThat(tree.seriesR(k)).isPositive();
      rootR[b] = rootR[tree.busNumber(tree.parent(k))] + tree.seriesR(k);
    }
    // 675 hangs below 692, which hangs below 671, below 632 (the feeder's trunk from the regulator)
    int b675 = net.busIndex("675");
    int b671 = net.busIndex("671");
    int b632 = net.busIndex("632");
    double r675 = rootResistance(tree, b675);
    double r671 = rootResistance(tree, b671);
    double r632 = rootResistance(tree, b632);
    assertThat(r675).isGreaterThan(r671);
    assertThat(r671).isGreaterThan(r632);
    // not the clamp: the trunk's distances are real resistances, not 1e-9 per branch
    assertThat(r632).isGreaterThan(1e-6);
    assertThat(rootR[b675]).isEqualTo(r675);
    // R_0k is half the drop of the bus's mean v² per kW withdrawn equally over its phases (p.u. on 1 MVA)
    double drop = 0;
    for (int from = 1; from <= 3; from++) {
      double[] dvdp = model.sensitivity(model.wye("671", from))[0];
      for (int at = 1; at <= 3; at++) {
        drop += dvdp[net.node(b671, at)] / 9;
      }
    }
    assertThat(r671).isCloseTo(drop * 1000 / 2, org.assertj.core.api.Assertions.within(1e-9 * r671 + 1e-12));
  }

  private static double rootResistance(RadialNetwork tree, int busNumber) {
    double r = 0;
    for (int k = tree.indexOf(busNumber); k > 0; k = tree.parent(k)) {
      r += tree.seriesR(k);
    }
    return r;
  }
}
