package org.peergrid.market.vc;

import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/** One vc-coop {@link Agent} behind a public face, so that a cluster entity can host it. */
public final class AgentHost implements AutoCloseable {
  private final Agent agent;

  public AgentHost(Scenario day, Participant self) {
    this.agent = new Agent(day, self);
  }

  public String id() {
    return agent.id();
  }

  public Offer respond(PriceSignal signal) {
    return agent.respond(signal);
  }

  public ParticipantSchedule schedule(Acceptance acceptance) {
    return agent.schedule(acceptance);
  }

  @Override
  public void close() {
    agent.close();
  }
}
