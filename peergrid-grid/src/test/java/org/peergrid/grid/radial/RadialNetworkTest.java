package org.peergrid.grid.radial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.testsupport.FeederBuilder;
import org.peergrid.grid.testsupport.TestFeeders;

class RadialNetworkTest {
  @Test
  void indexesBuildsParentsBeforeChildren() {
    // case533mt writes many branches against the flow (e.g. "5 2", "4 1"): orientation comes from the tree.
    RadialNetwork net = RadialNetwork.of(TestFeeders.load("case533mt_hi"));

    assertThat(net.busCount()).isEqualTo(533);
    assertThat(net.busNumber(0)).isEqualTo(1);
    assertThat(net.parent(0)).isEqualTo(-1);
    for (int k = 1; k < net.busCount(); k++) {
      assertThat(net.parent(k)).isBetween(0, k - 1);
      int parentBus = net.busNumber(net.parent(k));
      var b = net.branchInto(k);
      assertThat(parentBus == b.fromBus() ? b.toBus() : b.fromBus()).isEqualTo(net.busNumber(k));
      assertThat(net.parentIsFrom(k)).isEqualTo(parentBus == b.fromBus());
      assertThat(net.indexOf(net.busNumber(k))).isEqualTo(k);
    }
  }

  @Test
  void outOfServiceBranchesAreLeftOut() {
    RadialNetwork net = RadialNetwork.of(TestFeeders.load("case33bw"));

    assertThat(net.busCount()).isEqualTo(33);
    assertThat(net.outOfServiceBranches()).extracting(b -> b.fromBus() + "-" + b.toBus())
        .containsExactly("21-8", "9-15", "12-22", "18-33", "25-29");
  }

  @Test
  void loopNamesTheClosingBranchAndTheBuses() {
    var feeder = new FeederBuilder(1).source(1, 1).load(2, 10, 0).load(3, 10, 0).load(4, 10, 0)
        .line(1, 2, 0.01, 0.01).line(2, 3, 0.01, 0.01).line(3, 4, 0.01, 0.01).line(4, 2, 0.01, 0.01).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder))
        .isInstanceOf(ValidationException.class)
        .hasMessage("loop: in-service branch 4 (4-2) closes the loop through buses 4-3-2; a radial feeder needs one "
            + "path from the source to every bus: take one branch of the loop out of service (status 0)");
  }

  @Test
  void closedTieSwitchOfCase33IsALoop() {
    var base = TestFeeders.load("case33bw");
    var branches = new java.util.ArrayList<>(base.branches());
    var tie = branches.get(35); // 18-33, open in the case
    branches.set(35, new org.peergrid.grid.model.Branch(tie.index(), tie.fromBus(), tie.toBus(), tie.resistancePu(),
        tie.reactancePu(), 0, tie.ratingKva(), 1, 0, true));
    var meshed = new org.peergrid.grid.model.Feeder("meshed", base.baseMva(), base.buses(), branches, base.generators());

    assertThatThrownBy(() -> RadialNetwork.of(meshed))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("loop: in-service branch 36 (18-33) closes the loop through buses ")
        .hasMessageContaining("18-17-16-15-14-13-12-11-10-9-8-7-6-26-27-28-29-30-31-32-33");
  }

  @Test
  void parallelBranches() {
    var feeder = new FeederBuilder(1).source(1, 1).load(2, 10, 0).line(1, 2, 0.01, 0.01).line(1, 2, 0.02, 0.02).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder))
        .hasMessageStartingWith("parallel branches: in-service branch 2 (1-2) closes the loop through buses 1-2");
  }

  @Test
  void islandNamesTheBuses() {
    var feeder = new FeederBuilder(1).source(1, 1).load(2, 10, 0).load(3, 10, 0).load(4, 10, 0)
        .line(1, 2, 0.01, 0.01).open(2, 3, 0.01, 0.01).line(3, 4, 0.01, 0.01).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder))
        .isInstanceOf(ValidationException.class)
        .hasMessage("island: buses 3, 4 are not connected to the reference bus 1 by in-service branches; "
            + "connect them or mark them isolated (type 4)");
  }

  @Test
  void isolatedBusesAreOutOfService() {
    var feeder = new FeederBuilder(1).source(1, 1).load(2, 10, 0).bus(3, BusType.ISOLATED, 0, 0)
        .line(1, 2, 0.01, 0.01).line(2, 3, 0.01, 0.01).build();

    RadialNetwork net = RadialNetwork.of(feeder);
    assertThat(net.busCount()).isEqualTo(2);
    assertThat(net.indexOf(3)).isEqualTo(-1);
  }

  @Test
  void severalReferenceBuses() {
    var feeder = new FeederBuilder(1).source(1, 1).source(2, 1).line(1, 2, 0.01, 0.01).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder))
        .hasMessage("several sources: buses 1, 2 are reference buses (type 3); a radial feeder has exactly one, the substation");
  }

  @Test
  void pvBusWithGeneratorIsASecondSource() {
    var feeder = new FeederBuilder(1).source(1, 1).bus(2, BusType.PV, 0, 0).generator(2, 100, 0)
        .line(1, 2, 0.01, 0.01).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder))
        .hasMessageStartingWith("several sources: bus 2 is a PV bus (type 2) with in-service generator 2");
  }

  @Test
  void noReferenceBus() {
    var feeder = new FeederBuilder(1).load(1, 0, 0).load(2, 0, 0).line(1, 2, 0.01, 0.01).build();

    assertThatThrownBy(() -> RadialNetwork.of(feeder)).hasMessageStartingWith("no reference bus");
  }
}
