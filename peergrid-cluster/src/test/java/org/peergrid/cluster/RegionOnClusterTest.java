package org.peergrid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.region.FeederProposal;
import org.peergrid.market.region.LocalDsos;
import org.peergrid.market.region.PriceCoordination;
import org.peergrid.market.region.Region;
import org.peergrid.market.region.RegionClearing;
import org.peergrid.market.region.RegionDsos;
import org.peergrid.market.region.RegionLoader;

/**
 * Issue 18 part 4 on the cluster: examples/region3 with its three DSOs as entities on 3 local node
 * JVMs. The price loop gives what it gives in one JVM, number for number, and reaches the central
 * LP's region cost within the loop's certified gap (relative 1e-9); a feeder without a schedule is
 * named by its DSO; a node killed after the first round of prices is survived with the same result. The kill comes last: the nodes are shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegionOnClusterTest {
  /** The loop stops when its cost is within this of the Lagrangian bound, relative (PriceCoordination.GAP). */
  private static final double CERTIFIED_GAP = 1e-9;
  private static Region region;
  private static PriceCoordination inOneJvm;
  private static LocalNodes nodes;
  private static ClusterGames cluster;

  @BeforeAll
  static void startThreeNodes() {
    region = RegionLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples", "region3", "region.yaml"));
    inOneJvm = PriceCoordination.run(region, LocalDsos.placement());
    nodes = LocalNodes.start(3);
    cluster = ClusterGames.join(nodes.seed(), 3, Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  @Order(1)
  void regionOnThreeNodesIsTheOneJvmRegion() {
    long messages = cluster.messages();
    long bytes = cluster.bytes();
    PriceCoordination remote = PriceCoordination.run(region, cluster.dsos());
    assertSameRegion(remote);
    // Host, alone and every round: a question and an answer per DSO; a Stop per DSO at the end.
    int feeders = region.feeders().size();
    int questions = feeders * (2 + remote.iterations());
    assertThat(cluster.messages() - messages).isBetween(2L * questions, 2L * questions + feeders);
    assertThat(cluster.bytes() - bytes).isGreaterThan(cluster.messages() - messages);
    assertThat(remote.messages()).as("the loop's own count: alone and rounds").isEqualTo(2 * feeders
        * (1 + remote.iterations()));
    assertThat(cluster.restarts().any()).isFalse();
    // The central LP of the same region, in one JVM: the loop is certified to its cost.
    RegionClearing central = RegionClearing.clear(region, new DlmpMechanism());
    assertThat(remote.converged()).isTrue();
    double gap = CERTIFIED_GAP * (1 + Math.abs(central.regionCost()));
    assertThat(remote.cost()).isCloseTo(central.regionCost(), within(gap));
    assertThat(remote.lowerBound()).isLessThanOrEqualTo(central.regionCost() + gap);
    assertThat(remote.price()).containsExactly(central.dispatch().orElseThrow().substationPrice(), within(1e-9));
    for (int f = 0; f < feeders; f++) {
      RegionClearing.FeederClearing c = central.feeders().get(f);
      PriceCoordination.FeederShare p = remote.feeders().get(f);
      // This region's optimum is unique at the feeders' roots, so each DSO's share is the central one.
      assertThat(p.costAlone()).as(p.id()).isCloseTo(c.costAlone(), within(gap));
      assertThat(p.costInRegion()).as(p.id()).isCloseTo(c.costInRegion(), within(gap));
      assertThat(p.netKw()).as(p.id()).containsExactly(c.netImportKw(), within(1e-7));
      assertThat(p.exchangePayment()).as(p.id()).isCloseTo(c.exchangePayment(), within(gap));
    }
  }

  @Test
  @Order(2)
  void aFeederWithoutAScheduleIsNamedByItsDso(@TempDir Path dir) throws IOException {
    Path root = Path.of(System.getProperty("peergrid.root.dir"));
    Path sunny = root.resolve("examples/region3/sunny.yaml").toAbsolutePath();
    // 30 kW through a 10 kVA first branch: no schedule, which only the DSO that holds the feeder finds out.
    Files.writeString(dir.resolve("tight.yaml"), """
        version: 1
        currency: INR
        network:
          matpower: %s
          background_load: false
          branch_limit_kva: {"1-2": 10}
        horizon: {intervals: 4, interval_minutes: 360}
        tariff:
          import: [4, 6, 6, 8]
          export: 2.5
        participants:
          - {id: G, type: building, bus: 3, load_kw: [30, 30, 30, 30]}
        """.formatted(root.resolve("examples/feeders/case33bw.m").toAbsolutePath()));
    Path file = Files.writeString(dir.resolve("region.yaml"), "version: 1\nfeeders:\n  - {id: sunny, scenario: "
        + sunny + "}\n  - {id: tight, scenario: tight.yaml}\n");
    Region withTight = RegionLoader.load(file);
    assertThatThrownBy(() -> PriceCoordination.run(withTight, cluster.dsos()))
        .isInstanceOf(PriceCoordination.NoSchedule.class).hasMessageContaining("feeder tight has no schedule alone");
  }

  @Test
  @Order(3)
  void regionSurvivesANodeKilledAfterTheFirstRoundOfPrices() {
    Process victim = nodes.processes().get(1);
    RegionDsos.Placement onCluster = cluster.dsos();
    PriceCoordination remote = PriceCoordination.run(region, r -> {
      RegionDsos placed = onCluster.place(r);
      return new RegionDsos() {
        private int rounds;

        @Override
        public FeederProposal[] alone() {
          return placed.alone();
        }

        @Override
        public FeederProposal[] respond(double[] price) {
          FeederProposal[] answers = placed.respond(price);
          if (++rounds == 1) {
            victim.destroyForcibly();
            try {
              victim.waitFor();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return answers;
        }

        @Override
        public void close() {
          placed.close();
        }
      };
    });
    assertThat(victim.isAlive()).isFalse();
    assertThat(inOneJvm.iterations()).as("the kill is before the last round").isGreaterThan(1);
    assertSameRegion(remote);
    // If the victim hosted none of the DSOs the loop did not wait for it; its removal still comes.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (cluster.restarts().nodesLost().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(cluster.restarts().nodesLost()).hasSize(1);
  }

  /** The loop's numbers as in one JVM: the same rounds, cost, prices and per-feeder mix. */
  private static void assertSameRegion(PriceCoordination remote) {
    assertThat(remote.iterations()).isEqualTo(inOneJvm.iterations());
    assertThat(remote.proposals()).isEqualTo(inOneJvm.proposals());
    assertThat(remote.cost()).isCloseTo(inOneJvm.cost(), within(1e-9));
    assertThat(remote.lowerBound()).isCloseTo(inOneJvm.lowerBound(), within(1e-9));
    assertThat(remote.price()).containsExactly(inOneJvm.price(), within(1e-9));
    for (int f = 0; f < region.feeders().size(); f++) {
      PriceCoordination.FeederShare a = inOneJvm.feeders().get(f);
      PriceCoordination.FeederShare b = remote.feeders().get(f);
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.costAlone()).as(a.id()).isCloseTo(a.costAlone(), within(1e-9));
      assertThat(b.costInRegion()).as(a.id()).isCloseTo(a.costInRegion(), within(1e-9));
      assertThat(b.netKw()).as(a.id()).containsExactly(a.netKw(), within(1e-9));
      assertThat(b.exchangeKwh()).as(a.id()).containsExactly(a.exchangeKwh(), within(1e-9));
    }
  }
}
