package org.peergrid.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.vc.AgentHost;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * The entity's side of fault recovery (docs/cluster.md, Faults), in one JVM without a cluster: each
 * question is answered once at its place in the history, a repeat is answered again without moving
 * the participant, and a question out of turn gets where the history ends. The reference is the
 * same participant hosted directly ({@link AgentHost}).
 */
class ParticipantEntityTest {
  /** C03 has a battery: its answers come from its own LP, whose state a second solve would change. */
  private static final String PARTICIPANT = "C03";
  private final Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community",
      "scenario.yaml");
  private ActorSystem<ParticipantEntity.Command> entity;

  @AfterEach
  void stop() {
    if (entity != null) {
      entity.terminate();
    }
  }

  @Test
  void aRepeatIsAnsweredAgainWithoutMovingAndAQuestionOutOfTurnGetsWhereTheHistoryEnds() {
    entity = fresh();
    int n = ScenarioLoader.load(file).horizon().intervals();
    double[] flat = prices(n, t -> 0.2);
    double[] peaky = prices(n, t -> t >= 17 && t <= 20 ? 3.0 : t < 6 ? 0.01 : 0.2);
    assertThat(ask(h -> new ParticipantEntity.Host(0, file.toString(), PARTICIPANT, "vc-coop", 0, h)).error()).isNull();
    Offer first = ask(h -> new ParticipantEntity.Price(1, new PriceSignal(PARTICIPANT, 1, flat), h)).offer();
    // the driver asks place 1 again (its node may have been lost): the same answer, nothing recomputed
    Offer repeated = ask(h -> new ParticipantEntity.Price(1, new PriceSignal(PARTICIPANT, 1, peaky), h)).offer();
    assertThat(repeated.quantityKwh()).containsExactly(first.quantityKwh());
    Offer second = ask(h -> new ParticipantEntity.Price(2, new PriceSignal(PARTICIPANT, 2, peaky), h)).offer();
    // two responses remembered, not three: the mix of two weights is its schedule
    ParticipantSchedule mixed = ask(h -> new ParticipantEntity.Accept(3,
        new Acceptance(PARTICIPANT, new double[] {0.25, 0.75}), h)).schedule();

    Scenario day = ScenarioLoader.load(file);
    try (AgentHost direct = new AgentHost(day, day.participants().stream()
        .filter(p -> p.id().equals(PARTICIPANT)).findFirst().orElseThrow())) {
      assertThat(first.quantityKwh()).containsExactly(direct.respond(new PriceSignal(PARTICIPANT, 1, flat)).quantityKwh());
      Offer directSecond = direct.respond(new PriceSignal(PARTICIPANT, 2, peaky));
      assertThat(second.quantityKwh()).containsExactly(directSecond.quantityKwh());
      assertThat(second.quantityKwh()).isNotEqualTo(first.quantityKwh());
      ParticipantSchedule expected = direct.schedule(new Acceptance(PARTICIPANT, new double[] {0.25, 0.75}));
      assertThat(mixed.importKw().values()).containsExactly(expected.importKw().values());
      assertThat(mixed.socKwh().values()).containsExactly(expected.socKwh().values());
    }

    ParticipantEntity.Answer ahead = ask(h -> new ParticipantEntity.Price(9, new PriceSignal(PARTICIPANT, 9, flat), h));
    assertThat(ahead.historyEnds()).isEqualTo(4L);
    assertThat(ahead.offer()).isNull();
    ParticipantEntity.Answer stale = ask(h -> new ParticipantEntity.Price(1, new PriceSignal(PARTICIPANT, 1, flat), h));
    assertThat(stale.historyEnds()).isEqualTo(4L);
  }

  @Test
  void aFreshCopyAskedMidGameSaysItsHistoryIsEmpty() {
    entity = fresh();
    ParticipantEntity.Answer a = ask(h -> new ParticipantEntity.Price(5,
        new PriceSignal(PARTICIPANT, 5, new double[] {0.1}), h));
    assertThat(a.historyEnds()).isZero();
    assertThat(a.error()).isNull();
    assertThat(a.offer()).isNull();
  }

  private static ActorSystem<ParticipantEntity.Command> fresh() {
    return ActorSystem.create(ParticipantEntity.create(), "entity-test",
        ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  private ParticipantEntity.Answer ask(Function<ActorRef<ParticipantEntity.Answer>, ParticipantEntity.Command> q) {
    return AskPattern.ask(entity, q::apply, Duration.ofSeconds(30), entity.scheduler()).toCompletableFuture().join();
  }

  private static double[] prices(int n, java.util.function.IntToDoubleFunction price) {
    double[] p = new double[n];
    for (int t = 0; t < n; t++) {
      p[t] = price.applyAsDouble(t);
    }
    return p;
  }
}
