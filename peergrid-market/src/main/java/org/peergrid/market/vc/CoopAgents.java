package org.peergrid.market.vc;

import java.util.List;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * Where the agents of {@link VcCoop} live: in this JVM ({@link LocalCoopAgents}) or elsewhere
 * (peergrid-cluster hosts each one as a sharded entity). Every call takes or returns one entry per
 * agent, in the game's order; answers must not depend on threads or machines.
 */
public interface CoopAgents extends AutoCloseable {
  /** One round: every agent's best response to its prices. */
  Offer[] respond(PriceSignal[] signals);

  /** The end: every agent's schedule, the accepted mix of its own responses. */
  ParticipantSchedule[] schedules(Acceptance[] acceptances);

  @Override
  void close();

  /** Where the agents live: the game gives the participants in its order and talks to what comes back. */
  @FunctionalInterface
  interface Placement {
    CoopAgents place(Scenario day, List<Participant> inGameOrder, GameSettings settings);

    /** Every agent in this JVM. */
    Placement LOCAL = (day, agents, settings) -> new LocalCoopAgents(day, agents, settings.threads());
  }
}
