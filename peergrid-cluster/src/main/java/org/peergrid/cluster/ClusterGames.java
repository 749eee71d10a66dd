package org.peergrid.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.peergrid.market.dispatch.ParticipantSchedule;
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
 */
public final class ClusterGames implements AutoCloseable {
  /** How long one round may take for one entity before the run fails. */
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(120);
  private final ClusterNode driver;
  private final String seed;
  private final AtomicLong games = new AtomicLong();
  private final long messagesAtStart;
  private final long bytesAtStart;

  private ClusterGames(ClusterNode driver, String seed) {
    this.driver = driver;
    this.seed = seed;
    this.messagesAtStart = CrossNodeTraffic.messages();
    this.bytesAtStart = CrossNodeTraffic.bytes();
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

  /** Entity-hosting nodes up now. */
  public int nodes() {
    return driver.upNodes();
  }

  /** Game messages that crossed between this driver and the nodes since it joined. */
  public long messages() {
    return CrossNodeTraffic.messages() - messagesAtStart;
  }

  /** Their bytes on the wire (CBOR payloads). */
  public long bytes() {
    return CrossNodeTraffic.bytes() - bytesAtStart;
  }

  @Override
  public void close() {
    driver.close();
  }

  /** One entity per participant of this play, hosted and loaded; in game order. */
  private List<EntityRef<ParticipantEntity.Command>> hosted(Path scenarioFile, List<Participant> inGameOrder,
      String game, double tolerance) {
    String play = game + "-" + games.incrementAndGet() + "-" + System.nanoTime();
    List<EntityRef<ParticipantEntity.Command>> refs = new ArrayList<>();
    for (Participant p : inGameOrder) {
      refs.add(driver.sharding().entityRefFor(ParticipantEntity.KEY, play + "/" + p.id()));
    }
    String file = scenarioFile.toAbsolutePath().toString();
    askAll(refs, i -> to -> new ParticipantEntity.Host(file, inGameOrder.get(i).id(), game, tolerance, to));
    return refs;
  }

  /** Asks every entity at once and waits for all answers, in order. */
  private List<ParticipantEntity.Answer> askAll(List<EntityRef<ParticipantEntity.Command>> refs,
      java.util.function.IntFunction<Function<ActorRef<ParticipantEntity.Answer>, ParticipantEntity.Command>> question) {
    List<CompletableFuture<ParticipantEntity.Answer>> pending = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      CompletionStage<ParticipantEntity.Answer> a = refs.get(i).ask(question.apply(i)::apply, ASK_TIMEOUT);
      pending.add(a.toCompletableFuture());
    }
    List<ParticipantEntity.Answer> answers = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      ParticipantEntity.Answer a;
      try {
        a = pending.get(i).join();
      } catch (RuntimeException e) {
        throw new ClusterFailure("entity " + refs.get(i).getEntityId() + " did not answer within "
            + ASK_TIMEOUT.toSeconds() + " s on the cluster at " + seed + ": " + e.getMessage(), e);
      }
      if (a.error() != null) {
        throw new ClusterFailure("entity " + refs.get(i).getEntityId() + " failed: " + a.error());
      }
      answers.add(a);
    }
    return answers;
  }

  private static void stopAll(List<EntityRef<ParticipantEntity.Command>> refs) {
    refs.forEach(r -> r.tell(new ParticipantEntity.Stop()));
  }

  private final class RemotePlayers implements NashPlayers {
    private final List<EntityRef<ParticipantEntity.Command>> refs;

    RemotePlayers(List<EntityRef<ParticipantEntity.Command>> refs) {
      this.refs = refs;
    }

    @Override
    public List<String> ids() {
      return refs.stream().map(r -> r.getEntityId().substring(r.getEntityId().indexOf('/') + 1)).toList();
    }

    @Override
    public Bid[] open() {
      return askAll(refs, i -> ParticipantEntity.Open::new).stream().map(ParticipantEntity.Answer::bid)
          .toArray(Bid[]::new);
    }

    @Override
    public PlayerHost.Reply[] respond(MarketState[] states) {
      return askAll(refs, i -> to -> new ParticipantEntity.Respond(states[i], to)).stream()
          .map(a -> new PlayerHost.Reply(a.bid(), a.settled())).toArray(PlayerHost.Reply[]::new);
    }

    @Override
    public double[] certify(MarketState[] states) {
      return askAll(refs, i -> to -> new ParticipantEntity.Certify(states[i], to)).stream()
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

  private final class RemoteAgents implements CoopAgents {
    private final List<EntityRef<ParticipantEntity.Command>> refs;

    RemoteAgents(List<EntityRef<ParticipantEntity.Command>> refs) {
      this.refs = refs;
    }

    @Override
    public Offer[] respond(PriceSignal[] signals) {
      return askAll(refs, i -> to -> new ParticipantEntity.Price(signals[i], to)).stream()
          .map(ParticipantEntity.Answer::offer).toArray(Offer[]::new);
    }

    @Override
    public ParticipantSchedule[] schedules(Acceptance[] acceptances) {
      return askAll(refs, i -> to -> new ParticipantEntity.Accept(acceptances[i], to)).stream()
          .map(ParticipantEntity.Answer::schedule).toArray(ParticipantSchedule[]::new);
    }

    @Override
    public void close() {
      stopAll(refs);
    }
  }
}
