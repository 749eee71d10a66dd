package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.peergrid.cluster.ClusterGames;
import org.peergrid.cluster.LocalNodes;

/**
 * Node JVMs on 127.0.0.1 shared by the tests of one class (a static {@code @RegisterExtension} field):
 * started before the first test and stopped after the last, since starting them is most of a
 * cluster test's time; {@code --local-nodes} starts them the same way.
 */
final class SharedLocalNodes implements BeforeAllCallback, AfterAllCallback {
  private final int count;
  private LocalNodes nodes;

  SharedLocalNodes(int count) {
    this.count = count;
  }

  /** Starts them and waits until all are up, so that every run finds them all (a run waits for one). */
  @Override
  public void beforeAll(ExtensionContext context) {
    nodes = LocalNodes.start(count);
    try (ClusterGames waiting = ClusterGames.join(nodes.seed(), count, Duration.ofSeconds(90))) {
      assertThat(waiting.nodes()).isEqualTo(count);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (nodes != null) {
      nodes.close();
    }
  }

  /** The seed node's HOST:PORT, for {@code --cluster}. */
  String seed() {
    return nodes.seed();
  }
}
