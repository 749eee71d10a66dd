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
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.vc.AgentHost;
import org.peergrid.market.vc.PlayerHost;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * One participant of a game as a sharded entity: a vc-game {@link PlayerHost} or a vc-coop
 * {@link AgentHost}. Its private data is read here, on the node that hosts it, from the scenario
 * file (which every node can read); the driver sends only states and prices, and receives only
 * bids, offers and, at the end, the schedule.
 */
public final class ParticipantEntity extends AbstractBehavior<ParticipantEntity.Command> {
  public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "participant");

  public sealed interface Command extends ClusterMessage permits Host, Open, Respond, Certify, Outcome, Price,
      Accept, Stop {}

  /** The first message: which participant of which scenario, in which game. */
  public record Host(String scenarioFile, String participantId, String game, double relativeTolerance,
      ActorRef<Answer> replyTo) implements Command {}

  public record Open(ActorRef<Answer> replyTo) implements Command {}

  public record Respond(MarketState state, ActorRef<Answer> replyTo) implements Command {}

  public record Certify(MarketState state, ActorRef<Answer> replyTo) implements Command {}

  public record Outcome(ActorRef<Answer> replyTo) implements Command {}

  public record Price(PriceSignal signal, ActorRef<Answer> replyTo) implements Command {}

  public record Accept(Acceptance acceptance, ActorRef<Answer> replyTo) implements Command {}

  /** The game is over: the entity stops (no answer). */
  public record Stop() implements Command {}

  /**
   * Every answer, with only the fields of the question set (one type keeps the schema small).
   *
   * @param error why the entity could not answer, or null
   */
  public record Answer(Bid bid, Boolean settled, Double epsilon, PlayerHost.Outcome outcome, Offer offer,
      ParticipantSchedule schedule, String error) implements ClusterMessage {
    static Answer empty() {
      return new Answer(null, null, null, null, null, null, null);
    }
  }

  /** Scenarios read on this node, by file (one read per file and node). */
  private static final Map<String, Scenario> SCENARIOS = new ConcurrentHashMap<>();

  private PlayerHost player;
  private AgentHost agent;

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
        .onMessage(Open.class, m -> answer(m.replyTo(), () -> withBid(player().open(), null)))
        .onMessage(Respond.class, m -> answer(m.replyTo(), () -> {
          PlayerHost.Reply r = player().respond(m.state());
          return withBid(r.bid(), r.settled());
        }))
        .onMessage(Certify.class, m -> answer(m.replyTo(),
            () -> new Answer(null, null, player().certify(m.state()), null, null, null, null)))
        .onMessage(Outcome.class, m -> answer(m.replyTo(),
            () -> new Answer(null, null, null, player().outcome(), null, null, null)))
        .onMessage(Price.class, m -> answer(m.replyTo(),
            () -> new Answer(null, null, null, null, agent().respond(m.signal()), null, null)))
        .onMessage(Accept.class, m -> answer(m.replyTo(),
            () -> new Answer(null, null, null, null, null, agent().schedule(m.acceptance()), null)))
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
    return answer(m.replyTo(), () -> {
      close();
      Scenario day = SCENARIOS.computeIfAbsent(m.scenarioFile(), f -> ScenarioLoader.load(Path.of(f)));
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

  private static Answer withBid(Bid bid, Boolean settled) {
    return new Answer(bid, settled, null, null, null, null, null);
  }

  private Behavior<Command> answer(ActorRef<Answer> to, java.util.function.Supplier<Answer> work) {
    Answer a;
    try {
      a = work.get();
    } catch (RuntimeException e) {
      a = new Answer(null, null, null, null, null, null, String.valueOf(e.getMessage()));
    }
    to.tell(a);
    return this;
  }

  private PlayerHost player() {
    if (player == null) {
      throw new IllegalStateException("this entity hosts no vc-game player");
    }
    return player;
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
  }
}
