package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.dispatch.PriceResponder;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.vc.messages.Acceptance;
import org.peergrid.market.vc.messages.Offer;
import org.peergrid.market.vc.messages.PriceSignal;

/**
 * One participant playing the game. Its data (load, PV, wind, battery, shiftable load, fuel cost;
 * an EV's session, energies and charger limits) and every schedule it has computed stay inside this object: it receives only prices
 * ({@link PriceSignal}) and the final weights ({@link Acceptance}), and sends only net quantities
 * with their private cost ({@link Offer}).
 *
 * <p>Its best response is the LP of its own day at the prices (GLOP; each agent keeps its own model
 * and changes only the prices between rounds, so agents run in parallel); a building with neither
 * battery nor shiftable load has nothing to decide but curtailment, which pays only at a negative
 * price, so it answers in closed form, and so does one with a shiftable load but no battery
 * ({@link ShiftOnlyResponse}).
 */
final class Agent implements AutoCloseable {
  private final Scenario day;
  private final Participant self;
  private final List<ParticipantSchedule> responses = new ArrayList<>();
  /** Its own LP, built at the first round that needs it. */
  private PriceResponder responder;

  /** @param day the horizon and currency; the agent reads no other participant from it */
  Agent(Scenario day, Participant self) {
    this.day = day;
    this.self = self;
  }

  String id() {
    return self.id();
  }

  int bus() {
    return self.bus();
  }

  /** The best response to the prices; remembered so that the final mix can be scheduled. */
  Offer respond(PriceSignal signal) {
    double[] price = signal.pricePerKwh();
    ParticipantSchedule s = bestResponse(price);
    responses.add(s);
    double hours = day.horizon().hours();
    double[] q = new double[price.length];
    for (int t = 0; t < q.length; t++) {
      q[t] = -s.netInjectionKw(t) * hours;
    }
    return new Offer(self.id(), signal.iteration(), q, privateCost(s));
  }

  /** The accepted mix of this agent's responses, in the order it gave them. */
  ParticipantSchedule schedule(Acceptance acceptance) {
    return Mix.of(self.id(), responses, acceptance.weights());
  }

  private ParticipantSchedule bestResponse(double[] price) {
    if (isPassive()) {
      return passive(price);
    }
    if (self instanceof Building b && ShiftOnlyResponse.applies(b)) {
      return ShiftOnlyResponse.of(b, price, day.horizon().hours());
    }
    return solved(price);
  }

  private boolean isPassive() {
    return self instanceof Building b && b.battery().isEmpty() && b.shiftable().isEmpty();
  }

  private ParticipantSchedule passive(double[] price) {
    Building b = (Building) self;
    int n = price.length;
    double[] imports = new double[n];
    double[] exports = new double[n];
    double[] generation = new double[n];
    double[] curtailed = new double[n];
    for (int t = 0; t < n; t++) {
      curtailed[t] = price[t] < 0 ? b.renewableKw(t) : 0;
      generation[t] = b.renewableKw(t) - curtailed[t];
      double net = generation[t] - b.loadKw().get(t);
      imports[t] = Math.max(0, -net);
      exports[t] = Math.max(0, net);
    }
    TimeSeries zero = TimeSeries.constant(0, n);
    return new ParticipantSchedule(self.id(), new TimeSeries(imports), new TimeSeries(exports), zero, zero, zero,
        zero, new TimeSeries(generation), new TimeSeries(curtailed));
  }

  private ParticipantSchedule solved(double[] price) {
    if (responder == null) {
      responder = new PriceResponder(day, self);
    }
    DispatchResult r = responder.respond(price);
    if (r.status() != DispatchStatus.OPTIMAL) {
      throw new IllegalStateException(self.id() + " has no schedule of its own: " + r.message());
    }
    return r.optimal().schedules().get(0);
  }

  @Override
  public void close() {
    if (responder != null) {
      responder.close();
      responder = null;
    }
  }

  /** Battery wear and generator fuel of a schedule [money]: the cost that no price covers. */
  private double privateCost(ParticipantSchedule s) {
    return PrivateCost.of(self, s, day.horizon().hours());
  }
}
