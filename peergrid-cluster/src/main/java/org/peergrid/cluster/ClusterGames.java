package org.peergrid.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.region.FeederProposal;
import org.peergrid.market.region.Region;
import org.peergrid.market.region.RegionDsos;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.vc.CoopAgents;
import org.peergrid.market.vc.NashPlayers;
import org.peergrid.market.vc.PlayerHost;
import org.peergrid.market.vc.VcNashGame;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * The driver's side of a game on the cluster: it joins as a member that hosts nothing and places
 * every player or agent as a {@link ParticipantEntity}, which reads its own data from the scenario
 * file on the node that hosts it. The game loops of market/vc run here unchanged.
 *
 * <p>Faults (docs/cluster.md): the driver keeps every question it asked each entity (its history).
 * When a node leaves the cluster it asks again what was outstanding; an entity that sharding
 * restarted on another node has no history, says so, and is given its history again (its
 * {@code Host}, then every question in order) before it answers. Entities are deterministic, so the
 * restarted one stands where the lost one stood and the game goes on with the same numbers.
 */
public final class ClusterGames implements AutoCloseable {
  /**
   * How long one question may go unanswered by one entity before the run fails: 120 s, or the system
   * property {@code peergrid.cluster.ask-timeout-seconds} (a node asked many large questions at once,
   * as a region of 100 feeders on one node, answers the last after all the others).
   */
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(Long.getLong("peergrid.cluster.ask-timeout-seconds", 120));
  /**
   * After a node left: how often what is still unanswered is asked again, and for how long. A
   * question sent to the lost node's shards before sharding knew they had moved is lost with it;
   * within seconds of the removal every question finds the shards' new homes. The window bounds
   * the repeats a slow but live entity gets (each answered from its memory).
   */
  static final Duration RESEND_EVERY = Duration.ofSeconds(2);
  static final Duration RESEND_WINDOW = Duration.ofSeconds(15);
  private final ClusterNode driver;
  private final String seed;
  private final AtomicLong games = new AtomicLong();
  private final long messagesAtStart;
  private final long bytesAtStart;
  /** Questions sent and not yet answered, over all plays. */
  private final Set<Pending> unanswered = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "peergrid-cluster-resend");
    t.setDaemon(true);
    return t;
  });
  private volatile long resendUntilNanos;
  /** Why this driver can go on no more (it was removed from the cluster), or null. */
  private volatile String lost;
  private final List<String> nodesLost = new CopyOnWriteArrayList<>();
  private final Set<String> rehosted = ConcurrentHashMap.newKeySet();
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();

  /**
   * What the run survived: nodes that left the cluster during it, entities that lost their history
   * and were given it again, the participants they host (sorted), and the questions replayed to them.
   */
  public record Restarts(List<String> nodesLost, long entities, List<String> participants, long replayed) {
    public boolean any() {
      return !nodesLost.isEmpty() || entities > 0;
    }
  }

  private ClusterGames(ClusterNode driver, String seed) {
    this.driver = driver;
    this.seed = seed;
    this.messagesAtStart = CrossNodeTraffic.messages();
    this.bytesAtStart = CrossNodeTraffic.bytes();
    driver.onNodeRemoved(this::nodeRemoved);
    driver.onSelfRemoved(() -> {
      lost = removedMessage();
      unanswered.forEach(p -> p.answer.completeExceptionally(new ClusterFailure(lost)));
    });
    resender.scheduleWithFixedDelay(this::resendStale, RESEND_EVERY.toMillis(), RESEND_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Joins the cluster whose seed node is {@code seed} (HOST:PORT) and waits for {@code nodes} nodes.
   *
   * @throws ClusterFailure when it cannot join in time
   */
  public static ClusterGames join(String seed, int nodes, Duration timeout) {
    ClusterNode.parseAddress(seed);
    ClusterNode driver = ClusterNode.start("127.0.0.1", 0, seed, ClusterNode.DRIVER_ROLE);
    try {
      driver.awaitNodes(nodes, timeout, seed);
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
    return new ClusterGames(driver, seed);
  }

  /** vc-game's players as entities reading {@code scenarioFile}. */
  public VcNashGame.PlayerPlacement players(Path scenarioFile) {
    return (day, inGameOrder, settings) -> new RemotePlayers(hosted(scenarioFile, inGameOrder, "vc-game",
        settings.relativeTolerance()));
  }

  /** vc-coop's agents as entities reading {@code scenarioFile}. */
  public CoopAgents.Placement agents(Path scenarioFile) {
    return (day, inGameOrder, settings) -> new RemoteAgents(hosted(scenarioFile, inGameOrder, "vc-coop", 0));
  }

  /**
   * A region's DSOs as entities (docs/region.md, "On a cluster"): each reads its own feeder's
   * scenario on the node that hosts it; only prices, net import profiles and costs travel.
   */
  public RegionDsos.Placement dsos() {
    return region -> {
      String play = "region-" + games.incrementAndGet() + "-" + System.nanoTime();
      List<Entity> entities = new ArrayList<>();
      for (Region.Feeder f : region.feeders()) {
        entities.add(new Entity(driver.sharding().entityRefFor(ParticipantEntity.KEY, play + "/" + f.id()), f.id()));
      }
      askAll(entities, i -> (seq, to) -> new ParticipantEntity.HostFeeder(seq,
          region.feeders().get(i).scenarioFile().toAbsolutePath().toString(), region.feeders().get(i).id(), to));
      return new RemoteDsos(entities);
    };
  }

  /** Entity-hosting nodes up now. */
  public int nodes() {
    return driver.upNodes();
  }

  /** The live entities on each node (HOST:PORT); see {@link ClusterNode#entitiesByNode}. */
  public Map<String, Integer> entitiesByNode() {
    return driver.entitiesByNode(Duration.ofSeconds(5));
  }

  /** Game messages that crossed between this driver and the nodes since it joined. */
  public long messages() {
    return CrossNodeTraffic.messages() - messagesAtStart;
  }

  /** Their bytes on the wire (CBOR payloads). */
  public long bytes() {
    return CrossNodeTraffic.bytes() - bytesAtStart;
  }

  /** The faults survived since this driver joined. */
  public Restarts restarts() {
    return new Restarts(List.copyOf(nodesLost), restarts.get(), rehosted.stream().sorted().toList(), replayed.get());
  }

  @Override
  public void close() {
    resender.shutdownNow();
    driver.close();
  }

  /** A node left (it was downed, or it left): ask again, now and for a while, whatever is unanswered. */
  private void nodeRemoved(String address) {
    nodesLost.add(address);
    resendUntilNanos = System.nanoTime() + RESEND_WINDOW.toNanos();
    unanswered.forEach(Pending::send);
  }

  private void resendStale() {
    long now = System.nanoTime();
    if (now < resendUntilNanos) {
      unanswered.stream().filter(p -> now - p.sentNanos >= RESEND_EVERY.toNanos()).forEach(Pending::send);
    }
  }

  /** One entity of a play as the driver sees it: its reference and its history, every question asked so far. */
  private static final class Entity {
    final EntityRef<ParticipantEntity.Command> ref;
    final String participantId;
    /** The question at each place (its {@code seq}), to send again or to replay. */
    final List<Function<ActorRef<ParticipantEntity.Answer>, ParticipantEntity.Question>> history =
        new CopyOnWriteArrayList<>();

    Entity(EntityRef<ParticipantEntity.Command> ref, String participantId) {
      this.ref = ref;
      this.participantId = participantId;
    }
  }

  /** A question of one entity's history until it is answered; sent again when it may have been lost. */
  private final class Pending {
    final Entity entity;
    final int seq;
    final CompletableFuture<ParticipantEntity.Answer> answer = new CompletableFuture<>();
    volatile long sentNanos;
    private final AtomicLong sends = new AtomicLong();

    Pending(Entity entity, int seq) {
      this.entity = entity;
      this.seq = seq;
    }

    void send() {
      if (answer.isDone()) {
        return;
      }
      long n = sends.incrementAndGet();
      sentNanos = System.nanoTime();
      entity.ref.ask(entity.history.get(seq)::apply, ASK_TIMEOUT).whenComplete((a, e) -> {
        if (a != null) {
          answer.complete(a);
        } else if (lost != null || driver.leaving()) {
          // the driver was downed: its shard region stopped and failed the question before onSelfRemoved ran
          answer.completeExceptionally(new ClusterFailure(lost != null ? lost : removedMessage(), e));
        } else if (n == sends.get()) {
          // only the latest send's time-out counts: an earlier one was asked again
          answer.completeExceptionally(new ClusterFailure("entity " + entity.ref.getEntityId() + " did not answer within "
              + ASK_TIMEOUT.toSeconds() + " s on the cluster at " + seed + ": " + e.getMessage(), e));
        }
      });
    }
  }

  private String removedMessage() {
    return "this driver was removed from the cluster at " + seed + " (it lost contact with the majority of the"
        + " nodes, so the split-brain resolver downed its side; docs/cluster.md, Faults)";
  }

  /** Sends question {@code seq} of the entity's history; the answer may be that its history ends earlier. */
  private CompletableFuture<ParticipantEntity.Answer> deliver(Entity entity, int seq) {
    Pending p = new Pending(entity, seq);
    if (lost != null) {
      p.answer.completeExceptionally(new ClusterFailure(lost));
      return p.answer;
    }
    unanswered.add(p);
    p.answer.whenComplete((a, e) -> unanswered.remove(p));
    if (lost != null) {
      // removed between the check above and joining the unanswered
      p.answer.completeExceptionally(new ClusterFailure(lost));
    }
    p.send();
    return p.answer;
  }

  /**
   * The answer to question {@code seq}: when the entity's history ends at an earlier place (a fresh
   * copy after its node was lost), replays the questions from there, one at a time, then asks again.
   */
  private CompletableFuture<ParticipantEntity.Answer> ask(Entity entity, int seq) {
    return deliver(entity, seq).thenCompose(a -> settle(entity, seq, seq, a));
  }

  private CompletableFuture<ParticipantEntity.Answer> settle(Entity entity, int seq, int sent,
      ParticipantEntity.Answer a) {
    if (a.error() != null || a.historyEnds() == null) {
      if (sent == seq || a.error() != null) {
        return CompletableFuture.completedFuture(a);
      }
      return next(entity, seq, sent + 1);
    }
    long ends = a.historyEnds();
    if (ends > seq + 1) {
      return CompletableFuture.failedFuture(new ClusterFailure("entity " + entity.ref.getEntityId()
          + " has answered " + ends + " questions but was asked only " + (seq + 1) + " (two drivers on one play?)"));
    }
    if (ends == 0 && sent > 0) {
      // a fresh copy: sharding started it again after its node was lost (or it was passivated)
      restarts.incrementAndGet();
      rehosted.add(entity.participantId);
    }
    // ends == seq + 1: it answered seq meanwhile (a late copy of an earlier send), and repeats that answer
    return next(entity, seq, (int) Math.min(ends, seq));
  }

  private CompletableFuture<ParticipantEntity.Answer> next(Entity entity, int seq, int place) {
    if (place < seq) {
      replayed.incrementAndGet();
    }
    return deliver(entity, place).thenCompose(b -> settle(entity, seq, place, b));
  }

  /** One entity per participant of this play, hosted and loaded; in game order. */
  private List<Entity> hosted(Path scenarioFile, List<Participant> inGameOrder, String game, double tolerance) {
    String play = game + "-" + games.incrementAndGet() + "-" + System.nanoTime();
    List<Entity> entities = new ArrayList<>();
    for (Participant p : inGameOrder) {
      entities.add(new Entity(driver.sharding().entityRefFor(ParticipantEntity.KEY, play + "/" + p.id()), p.id()));
    }
    String file = scenarioFile.toAbsolutePath().toString();
    askAll(entities, i -> (seq, to) -> new ParticipantEntity.Host(seq, file, inGameOrder.get(i).id(), game,
        tolerance, to));
    return entities;
  }

  /** A question at a place of an entity's history. */
  @FunctionalInterface
  private interface Question {
    ParticipantEntity.Question at(long seq, ActorRef<ParticipantEntity.Answer> replyTo);
  }

  /** Asks every entity at once and waits for all answers, in order. */
  private List<ParticipantEntity.Answer> askAll(List<Entity> entities, IntFunction<Question> question) {
    List<CompletableFuture<ParticipantEntity.Answer>> pending = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      int seq = e.history.size();
      Question q = question.apply(i);
      e.history.add(to -> q.at(seq, to));
      pending.add(ask(e, seq));
    }
    List<ParticipantEntity.Answer> answers = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      ParticipantEntity.Answer a;
      try {
        a = pending.get(i).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof ClusterFailure f) {
          throw f;
        }
        throw new ClusterFailure("entity " + entities.get(i).ref.getEntityId() + " could not be asked on the cluster at "
            + seed + ": " + e.getCause(), e);
      }
      if (a.error() != null) {
        throw new ClusterFailure("entity " + entities.get(i).ref.getEntityId() + " failed: " + a.error());
      }
      answers.add(a);
    }
    return answers;
  }

  private static void stopAll(List<Entity> entities) {
    entities.forEach(e -> e.ref.tell(new ParticipantEntity.Stop()));
  }

  private final class RemotePlayers implements NashPlayers {
    private final List<Entity> refs;

    RemotePlayers(List<Entity> refs) {
      this.refs = refs;
    }

    @Override
    public List<String> ids() {
      return refs.stream().map(e -> e.participantId).toList();
    }

    @Override
    public Bid[] open() {
      return askAll(refs, i -> ParticipantEntity.Open::new).stream().map(ParticipantEntity.Answer::bid)
          .toArray(Bid[]::new);
    }

    @Override
    public PlayerHost.Reply[] respond(MarketState[] states) {
      return askAll(refs, i -> (seq, to) -> new ParticipantEntity.Respond(seq, states[i], to)).stream()
          .map(a -> new PlayerHost.Reply(a.bid(), a.settled())).toArray(PlayerHost.Reply[]::new);
    }

    @Override
    public double[] certify(MarketState[] states) {
      return askAll(refs, i -> (seq, to) -> new ParticipantEntity.Certify(seq, states[i], to)).stream()
          .mapToDouble(ParticipantEntity.Answer::epsilon).toArray();
    }

    @Override
    public PlayerHost.Outcome[] outcomes() {
      return askAll(refs, i -> ParticipantEntity.Outcome::new).stream().map(ParticipantEntity.Answer::outcome)
          .toArray(PlayerHost.Outcome[]::new);
    }

    @Override
    public void close() {
      stopAll(refs);
    }
  }

  private final class RemoteDsos implements RegionDsos {
    private final List<Entity> refs;

    RemoteDsos(List<Entity> refs) {
      this.refs = refs;
    }

    @Override
    public FeederProposal[] alone() {
      return askAll(refs, i -> ParticipantEntity.FeederAlone::new).stream().map(ParticipantEntity.Answer::feeder)
          .toArray(FeederProposal[]::new);
    }

    @Override
    public FeederProposal[] respond(double[] pricePerKwh) {
      return askAll(refs, i -> (seq, to) -> new ParticipantEntity.FeederPrice(seq, pricePerKwh, to)).stream()
          .map(ParticipantEntity.Answer::feeder).toArray(FeederProposal[]::new);
    }

    @Override
    public void close() {
      stopAll(refs);
    }
  }

  private final class RemoteAgents implements CoopAgents {
    private final List<Entity> refs;

    RemoteAgents(List<Entity> refs) {
      this.refs = refs;
    }

    @Override
    public Offer[] respond(PriceSignal[] signals) {
      return askAll(refs, i -> (seq, to) -> new ParticipantEntity.Price(seq, signals[i], to)).stream()
          .map(ParticipantEntity.Answer::offer).toArray(Offer[]::new);
    }

    @Override
    public ParticipantSchedule[] schedules(Acceptance[] acceptances) {
      return askAll(refs, i -> (seq, to) -> new ParticipantEntity.Accept(seq, acceptances[i], to)).stream()
          .map(ParticipantEntity.Answer::schedule).toArray(ParticipantSchedule[]::new);
    }

    @Override
    public void close() {
      stopAll(refs);
    }
  }
}
