package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/** The agents of {@link VcCoop} in this JVM, answering in parallel on their own pool. */
public final class LocalCoopAgents implements CoopAgents {
  private final List<AgentHost> agents = new ArrayList<>();
  private final ForkJoinPool pool;

  public LocalCoopAgents(Scenario day, List<Participant> inGameOrder, int threads) {
    for (Participant p : inGameOrder) {
      agents.add(new AgentHost(day, p));
    }
    pool = new ForkJoinPool(threads);
  }

  @Override
  public Offer[] respond(PriceSignal[] signals) {
    Offer[] answers = new Offer[agents.size()];
    pool.submit(() -> IntStream.range(0, agents.size()).parallel()
        .forEach(i -> answers[i] = agents.get(i).respond(signals[i]))).join();
    return answers;
  }

  @Override
  public ParticipantSchedule[] schedules(Acceptance[] acceptances) {
    ParticipantSchedule[] out = new ParticipantSchedule[agents.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = agents.get(i).schedule(acceptances[i]);
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdown();
    agents.forEach(AgentHost::close);
  }
}
