package org.peergrid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcGameClearing;

/**
 * Issue 18 part 2: both games on 3 local node JVMs give the in-process schedule, prices and
 * settlement (to 1e-9), with the players and agents answering from the other JVMs.
 */
class ClusterGamesTest {
  private static final double TOLERANCE = 1e-9;
  private static Path file;
  private static Scenario scenario;
  private static LocalNodes nodes;
  private static ClusterGames cluster;

  @BeforeAll
  static void startThreeNodes() {
    file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community", "scenario.yaml");
    scenario = ScenarioLoader.load(file);
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
  void vcCoopOnThreeNodesIsTheInProcessResult() {
    VcCoopClearing local = VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults());
    long messages = cluster.messages();
    long bytes = cluster.bytes();
    VcCoopClearing remote = VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults(),
        cluster.agents(file));
    assertThat(cluster.nodes()).isEqualTo(3);
    assertThat(cluster.messages() - messages).isPositive();
    assertThat(cluster.bytes() - bytes).isGreaterThan(cluster.messages() - messages);
    assertThat(remote.clearing().dispatch().solution()).isPresent();
    assertSame("schedule and prices", local.clearing().dispatch().optimal(), remote.clearing().dispatch().optimal());
    assertSame("settlement", local.clearing().settlement().orElseThrow(), remote.clearing().settlement().orElseThrow());
    assertSame("trades", local.trades(), remote.trades());
  }

  @Test
  void vcGameOnThreeNodesIsTheInProcessResult() {
    VcGameClearing local = VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults());
    long messages = cluster.messages();
    VcGameClearing remote = VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults(),
        cluster.players(file));
    assertThat(cluster.messages() - messages).isPositive();
    assertThat(remote.equilibrium().orElseThrow().rounds()).isEqualTo(local.equilibrium().orElseThrow().rounds());
    assertSame("schedule and prices", local.clearing().dispatch().optimal(), remote.clearing().dispatch().optimal());
    assertSame("settlement", local.clearing().settlement().orElseThrow(), remote.clearing().settlement().orElseThrow());
    assertSame("players", local.equilibrium().orElseThrow().players(), remote.equilibrium().orElseThrow().players());
    assertSame("trades", local.trades(), remote.trades());
  }

  @Test
  void aSeedWhereNoNodeRunsFailsWithAClearMessage() {
    assertThatThrownBy(() -> ClusterGames.join("127.0.0.1:1", 1, Duration.ofSeconds(3)))
        .isInstanceOf(ClusterFailure.class).hasMessageContaining("could not join the cluster at 127.0.0.1:1");
    assertThatThrownBy(() -> ClusterGames.join("nowhere", 1, Duration.ofSeconds(3)))
        .isInstanceOf(ClusterFailure.class).hasMessageContaining("is not HOST:PORT");
  }

  /** Field by field through records, lists, maps and optionals; numbers within {@link #TOLERANCE}. */
  private static void assertSame(String path, Object expected, Object actual) {
    if (expected == null || actual == null) {
      assertThat(actual).as(path).isEqualTo(expected);
    } else if (expected instanceof Double e) {
      assertThat((Double) actual).as(path).isCloseTo(e, org.assertj.core.api.Assertions.within(TOLERANCE));
    } else if (expected instanceof double[] e) {
      double[] a = (double[]) actual;
      assertThat(a.length).as(path).isEqualTo(e.length);
      for (int i = 0; i < e.length; i++) {
        assertSame(path + "[" + i + "]", e[i], a[i]);
      }
    } else if (expected instanceof TimeSeries e) {
      assertSame(path, e.values(), ((TimeSeries) actual).values());
    } else if (expected instanceof OptionalDouble e) {
      OptionalDouble a = (OptionalDouble) actual;
      assertThat(a.isPresent()).as(path).isEqualTo(e.isPresent());
      if (e.isPresent()) {
        assertSame(path, e.getAsDouble(), a.getAsDouble());
      }
    } else if (expected instanceof Optional<?> e) {
      Optional<?> a = (Optional<?>) actual;
      assertThat(a.isPresent()).as(path).isEqualTo(e.isPresent());
      e.ifPresent(v -> assertSame(path, v, a.get()));
    } else if (expected instanceof List<?> e) {
      List<?> a = (List<?>) actual;
      assertThat(a).as(path).hasSameSizeAs(e);
      for (int i = 0; i < e.size(); i++) {
        assertSame(path + "[" + i + "]", e.get(i), a.get(i));
      }
    } else if (expected instanceof Map<?, ?> e) {
      Map<?, ?> a = (Map<?, ?>) actual;
      assertThat(a.keySet()).as(path).isEqualTo(e.keySet());
      e.forEach((k, v) -> assertSame(path + "." + k, v, a.get(k)));
    } else if (expected.getClass().isRecord()) {
      assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
      for (RecordComponent c : expected.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          assertSame(path + "." + c.getName(), c.getAccessor().invoke(expected), c.getAccessor().invoke(actual));
        } catch (ReflectiveOperationException ex) {
          throw new AssertionError(path + "." + c.getName(), ex);
        }
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }
}
