package org.peergrid.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.region.FeederDso;
import org.peergrid.market.region.FeederProposal;
import org.peergrid.market.region.RegionLoader;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.threephase.PlayersDay;
import org.peergrid.market.vc.AgentHost;
import org.peergrid.market.vc.PlayerHost;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * One participant of a game as a sharded entity: a vc-game {@link PlayerHost}, a vc-coop
 * {@link AgentHost}, or a region's {@link FeederDso} (docs/region.md, "On a cluster"). Its private data is read here, on the node that hosts it, from the scenario
 * file (which every node can read); the driver sends only states and prices, and receives only
 * bids, offers and, at the end, the schedule.
 */
public final class ParticipantEntity extends AbstractBehavior<ParticipantEntity.Command> {
  public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "participant");

  public sealed interface Command extends ClusterMessage permits Question, Stop {}

  /**
   * A question in the entity's history. {@code seq} is its place there (0 for {@link Host}, then one
   * more per question): the entity answers each place once, answers a repeat of its last question
   * from memory, and says where its history ends when asked out of turn (a fresh copy restarted on
   * another node has none), so that the driver can replay what it lost (docs/cluster.md, Faults).
   */
  public sealed interface Question extends Command permits Host, Open, Respond, Certify, Outcome, Price, Accept,
      HostFeeder, FeederAlone, FeederPrice {
    long seq();

    ActorRef<Answer> replyTo();
  }

  /** The first message: which participant of which scenario, in which game. */
  public record Host(long seq, String scenarioFile, String participantId, String game, double relativeTolerance,
      ActorRef<Answer> replyTo) implements Question {}

  public record Open(long seq, ActorRef<Answer> replyTo) implements Question {}

  public record Respond(long seq, MarketState state, ActorRef<Answer> replyTo) implements Question {}

  public record Certify(long seq, MarketState state, ActorRef<Answer> replyTo) implements Question {}

  public record Outcome(long seq, ActorRef<Answer> replyTo) implements Question {}

  public record Price(long seq, PriceSignal signal, ActorRef<Answer> replyTo) implements Question {}

  public record Accept(long seq, Acceptance acceptance, ActorRef<Answer> replyTo) implements Question {}

  /** The first message of a region's DSO: its feeder's scenario file and id (docs/region.md). */
  public record HostFeeder(long seq, String scenarioFile, String feederId, ActorRef<Answer> replyTo)
      implements Question {}

  /** The DSO clears its feeder alone at the utility's tariffs. */
  public record FeederAlone(long seq, ActorRef<Answer> replyTo) implements Question {}

  /** The substation's prices [money/kWh per interval]: the DSO answers with its feeder's schedule at them. */
  public record FeederPrice(long seq, double[] pricePerKwh, ActorRef<Answer> replyTo) implements Question {}

  /** The game is over: the entity stops (no answer). */
  public record Stop() implements Command {}

  /**
   * Every answer, with only the fields of the question set (one type keeps the schema small).
   *
   * @param feeder a DSO's answer: its feeder's net import and own cost, or why it has no schedule
   * @param error why the entity could not answer, or null
   * @param historyEnds set (and nothing else) when the question was out of turn: how many questions
   *     this entity has answered, the place the driver must replay from
   */
  public record Answer(Bid bid, Boolean settled, Double epsilon, PlayerHost.Outcome outcome, Offer offer,
      ParticipantSchedule schedule, FeederProposal feeder, String error, Long historyEnds) implements ClusterMessage {
    static Answer empty() {
      return new Answer(null, null, null, null, null, null, null, null, null);
    }

    static Answer failed(String error) {
      return new Answer(null, null, null, null, null, null, null, error, null);
    }

    static Answer outOfTurn(long answered) {
      return new Answer(null, null, null, null, null, null, null, null, answered);
    }
  }

  /** Players' days read on this node, by file (one read per file and node). */
  private static final Map<String, Scenario> SCENARIOS = new ConcurrentHashMap<>();

  private PlayerHost player;
  private AgentHost agent;
  private FeederDso dso;
  /** Questions answered so far: the place of the next one in this entity's history. */
  private long answered;
  /** The answer to the last of them, for a repeat of that question. */
  private Answer last;

  private ParticipantEntity(ActorContext<Command> context) {
    super(context);
  }

  public static Behavior<Command> create() {
    return Behaviors.setup(ParticipantEntity::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Host.class, this::host)
        .onMessage(Open.class, m -> answer(m, () -> withBid(player().open(), null)))
        .onMessage(Respond.class, m -> answer(m, () -> {
          PlayerHost.Reply r = player().respond(m.state());
          return withBid(r.bid(), r.settled());
        }))
        .onMessage(Certify.class, m -> answer(m,
            () -> new Answer(null, null, player().certify(m.state()), null, null, null, null, null, null)))
        .onMessage(Outcome.class, m -> answer(m,
            () -> new Answer(null, null, null, player().outcome(), null, null, null, null, null)))
        .onMessage(Price.class, m -> answer(m,
            () -> new Answer(null, null, null, null, agent().respond(m.signal()), null, null, null, null)))
        .onMessage(Accept.class, m -> answer(m,
            () -> new Answer(null, null, null, null, null, agent().schedule(m.acceptance()), null, null, null)))
        .onMessage(HostFeeder.class, this::hostFeeder)
        .onMessage(FeederAlone.class, m -> answer(m, () -> withFeeder(dso().alone())))
        .onMessage(FeederPrice.class, m -> answer(m, () -> withFeeder(dso().respond(m.pricePerKwh()))))
        .onMessage(Stop.class, m -> {
          close();
          return Behaviors.stopped();
        })
        .onSignal(org.apache.pekko.actor.typed.PostStop.class, s -> {
          close();
          return this;
        })
        .build();
  }

  private Behavior<Command> host(Host m) {
    return answer(m, () -> {
      close();
      Scenario day = SCENARIOS.computeIfAbsent(m.scenarioFile(), ParticipantEntity::playersDay);
      Participant self = day.participants().stream().filter(p -> p.id().equals(m.participantId())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(m.scenarioFile() + " has no participant " + m.participantId()));
      if (m.game().equals("vc-game")) {
        player = new PlayerHost(day, self, m.relativeTolerance());
      } else {
        agent = new AgentHost(day, self);
      }
      return Answer.empty();
    });
  }

  /**
   * The day a player or agent sees, read from the scenario file on this node: the scenario itself on a
   * balanced feeder; on a three-phase one (network.opendss) the players' day built from it as the
   * driver builds it ({@link PlayersDay}), so that both sides hold the same numbers.
   */
  private static Scenario playersDay(String scenarioFile) {
    Path file = Path.of(scenarioFile);
    return ScenarioLoader.isThreePhase(file) ? PlayersDay.of(ScenarioLoader.loadThreePhase(file))
        : ScenarioLoader.load(file);
  }

  /** A region's DSO: reads its own feeder here, on its node (not cached: one DSO per feeder). */
  private Behavior<Command> hostFeeder(HostFeeder m) {
    return answer(m, () -> {
      close();
      dso = new FeederDso(m.feederId(), RegionLoader.feederScenario(Path.of(m.scenarioFile())));
      return Answer.empty();
    });
  }

  private static Answer withFeeder(FeederProposal p) {
    return new Answer(null, null, null, null, null, null, p, null, null);
  }

  private static Answer withBid(Bid bid, Boolean settled) {
    return new Answer(bid, settled, null, null, null, null, null, null, null);
  }

  /**
   * Does the work of question {@code m} if it is the next in this entity's history; a repeat of the
   * last one (the driver sends again what may have been lost with a node) gets the same answer
   * without moving the participant again; any other place gets where the history ends.
   */
  private Behavior<Command> answer(Question m, java.util.function.Supplier<Answer> work) {
    if (m.seq() == answered - 1 && last != null) {
      m.replyTo().tell(last);
      return this;
    }
    if (m.seq() != answered) {
      m.replyTo().tell(Answer.outOfTurn(answered));
      return this;
    }
    Answer a;
    try {
      a = work.get();
    } catch (RuntimeException e) {
      a = Answer.failed(String.valueOf(e.getMessage()));
    }
    answered++;
    last = a;
    m.replyTo().tell(a);
    return this;
  }

  private PlayerHost player() {
    if (player == null) {
      throw new IllegalStateException("this entity hosts no vc-game player");
    }
    return player;
  }

  private FeederDso dso() {
    if (dso == null) {
      throw new IllegalStateException("this entity hosts no feeder's DSO");
    }
    return dso;
  }

  private AgentHost agent() {
    if (agent == null) {
      throw new IllegalStateException("this entity hosts no vc-coop agent");
    }
    return agent;
  }

  private void close() {
    if (player != null) {
      player.close();
      player = null;
    }
    if (agent != null) {
      agent.close();
      agent = null;
    }
    dso = null;
  }
}
