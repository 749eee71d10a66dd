package org.peergrid.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.pattern.Patterns;
import scala.concurrent.duration.FiniteDuration;

/**
 * One member of a peergrid cluster: a {@code node} hosts the games' entities, a {@code driver}
 * (the {@code clear} that runs the game loop) hosts none and talks to them through a sharding proxy.
 */
public final class ClusterNode implements AutoCloseable {
  public static final String SYSTEM = "peergrid";
  static final String NODE_ROLE = "node";
  static final String DRIVER_ROLE = "driver";
  /** The level of pekko's loggers under slf4j-simple, the backend peergrid-cli ships (ignored by any other). */
  private static final String PEKKO_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.pekko";
  private final ActorSystem<Void> system;
  private final ClusterSharding sharding;

  private ClusterNode(ActorSystem<Void> system) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    sharding.init(Entity.of(ParticipantEntity.KEY, c -> ParticipantEntity.create())
        .withRole(NODE_ROLE)
        .withEntityProps(DispatcherSelector.fromConfig("peergrid-entity-dispatcher"))
        .withStopMessage(new ParticipantEntity.Stop()));
  }

  /**
   * Starts a member.
   *
   * @param port 0 for any free port
   * @param seed the seed node as HOST:PORT; this node's own address to start a new cluster
   */
  public static ClusterNode start(String host, int port, String seed, String role) {
    String[] hp = parseAddress(seed);
    if (role.equals(DRIVER_ROLE) && System.getProperty(PEKKO_LOG_LEVEL) == null) {
      // pekko's start-up notices are no news to the user of `clear`; its errors still show
      System.setProperty(PEKKO_LOG_LEVEL, "error");
    }
    // SLF4J set up on this thread, before pekko's threads race to it (which it reports as a warning)
    org.slf4j.LoggerFactory.getILoggerFactory();
    Config config = ConfigFactory.parseMap(Map.of(
        "pekko.remote.artery.canonical.hostname", host,
        "pekko.remote.artery.canonical.port", port,
        "pekko.cluster.roles", List.of(role),
        // The driver's user sees only its own errors: a node leaving at the end of a run is no warning to them.
        "pekko.loglevel", role.equals(DRIVER_ROLE) ? "ERROR" : "WARNING",
        "pekko.cluster.seed-nodes", List.of("pekko://" + SYSTEM + "@" + hp[0] + ":" + hp[1])))
        .withFallback(ConfigFactory.load());
    return new ClusterNode(ActorSystem.create(Behaviors.empty(), SYSTEM, config));
  }

  /** HOST:PORT split in two; a clear message when it is not one. */
  static String[] parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
      throw new ClusterFailure("cluster address '" + hostPort + "' is not HOST:PORT (for example 127.0.0.1:2551)");
    }
    return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
  }

  /** Waits until this member and {@code nodes} entity-hosting nodes are up, or fails with a clear message. */
  public void awaitNodes(int nodes, Duration timeout, String seed) {
    Cluster cluster = Cluster.get(system);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean selfUp = cluster.selfMember().status() == MemberStatus.up();
      long up = 0;
      for (org.apache.pekko.cluster.Member m : cluster.state().getMembers()) {
        if (m.status() == MemberStatus.up() && m.hasRole(NODE_ROLE)) {
          up++;
        }
      }
      // a node is only of use once the coordinator knows its shard region: until then every new
      // entity is started on the nodes before it
      if (selfUp && up >= nodes && entitiesByNode(Duration.ofSeconds(2)).size() >= nodes) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterFailure("interrupted while joining the cluster at " + seed);
      }
    }
    throw new ClusterFailure("could not join the cluster at " + seed + " within " + timeout.toSeconds()
        + " s (" + upNodes() + " of " + nodes + " nodes up): check that `peergrid node` runs there and that the port is reachable");
  }

  /**
   * The live entities on each entity-hosting node whose shard region the coordinator knows (HOST:PORT
   * to count; a node that is up but has not registered its region yet is missing). Empty when the
   * coordinator does not answer within {@code timeout}.
   */
  public Map<String, Integer> entitiesByNode(Duration timeout) {
    try {
      // asked of the classic region (a proxy on a driver): the typed shardState() knows full regions only
      ActorRef region = org.apache.pekko.cluster.sharding.ClusterSharding.get(Adapter.toClassic(system))
          .shardRegion(ParticipantEntity.KEY.name());
      ShardRegion.ClusterShardingStats stats = (ShardRegion.ClusterShardingStats) Patterns.ask(region,
          new ShardRegion.GetClusterShardingStats(FiniteDuration.create(timeout.toMillis(), TimeUnit.MILLISECONDS)),
          timeout.plusSeconds(1)).toCompletableFuture().get();
      Map<String, Integer> byNode = new java.util.TreeMap<>();
      stats.getRegions().forEach((address, regionStats) -> {
        int entities = 0;
        for (Object count : regionStats.getStats().values()) {
          entities += ((Number) count).intValue();
        }
        byNode.put(address.host().get() + ":" + address.port().get(), entities);
      });
      return byNode;
    } catch (java.util.concurrent.ExecutionException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }

  /** Entity-hosting nodes that are up now. */
  public int upNodes() {
    int up = 0;
    for (org.apache.pekko.cluster.Member m : Cluster.get(system).state().getMembers()) {
      if (m.status() == MemberStatus.up() && m.hasRole(NODE_ROLE)) {
        up++;
      }
    }
    return up;
  }

  /** Calls {@code listener} with the address of every entity-hosting node removed from the cluster from now on. */
  void onNodeRemoved(java.util.function.Consumer<String> listener) {
    system.systemActorOf(Behaviors.<ClusterEvent.MemberRemoved>setup(context -> {
      Cluster.get(system).subscriptions().tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberRemoved.class));
      return Behaviors.receiveMessage(removed -> {
        if (removed.member().hasRole(NODE_ROLE)) {
          String hostPort = removed.member().address().hostPort(); // system@host:port
          listener.accept(hostPort.substring(hostPort.indexOf('@') + 1));
        }
        return Behaviors.same();
      });
    }), "peergrid-node-removals", org.apache.pekko.actor.typed.Props.empty());
  }

  /** Runs {@code action} when this member is removed from the cluster (downed) or its system stops. */
  void onSelfRemoved(Runnable action) {
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberRemoved(action);
  }

  /**
   * Whether this member is on its way out: downed by the split-brain resolver, or its system shutting
   * down. Its shard regions stop before it is removed, so a question asked then fails at once, before
   * {@link #onSelfRemoved} runs.
   */
  boolean leaving() {
    return org.apache.pekko.actor.CoordinatedShutdown.get(Adapter.toClassic(system)).getShutdownReason().isPresent()
        || Cluster.get(system).selfMember().status() == MemberStatus.down();
  }

  ClusterSharding sharding() {
    return sharding;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** Runs until the JVM is stopped. */
  public void awaitTermination() throws InterruptedException {
    system.getWhenTerminated().toCompletableFuture().join();
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      // leaving anyway: the JVM's other work is done
    }
  }
}
