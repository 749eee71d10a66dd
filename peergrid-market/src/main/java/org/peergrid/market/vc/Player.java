package org.peergrid.market.vc;

import java.util.List;
import org.peergrid.market.dispatch.ConvexCostResponder;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;

/**
 * One player of the non-cooperative game (docs/vc-game.md): a building, an EV, a DG or the community
 * battery. Its data and schedules stay inside; it takes in {@link MarketState} messages and the
 * public tariffs, and sends {@link Bid}s. Each round it solves its own problem exactly against the
 * others' offers, with the market's rules applied to its own quantities ({@link PeerMarketRules},
 * {@link ConvexCostResponder}); when its best response beats its current offer by more than its
 * tolerance it moves part of the way (a damped Jacobi step), otherwise it stays.
 */
final class Player implements AutoCloseable {
  private final Scenario day;
  private final Participant self;
  private final double tolerance;
  private ConvexCostResponder responder;
  private ParticipantSchedule current;
  private double aloneCost;
  private double currentCost;
  private double gain;
  /** Its net withdrawal alone [kWh], the base of the DSO's charge. */
  private double[] baseline;

  /**
   * @param relativeTolerance it moves only to gain more than this times max(1, |cost alone|)
   */
  Player(Scenario day, Participant self, double relativeTolerance) {
    this.day = day;
    this.self = self;
    this.tolerance = relativeTolerance;
  }

  String id() {
    return self.id();
  }

  /** Round 0: the best schedule alone, at the tariffs with no peers and no network charge. */
  Bid open() {
    int n = day.horizon().intervals();
    ConvexCostResponder.Answer alone = bestResponse(costs(emptyMarket(n)), null, 0);
    current = alone.schedule();
    aloneCost = alone.cost();
    baseline = quantities(current);
    currentCost = aloneCost;
    return new Bid(self.id(), 0, quantities(current), Double.POSITIVE_INFINITY);
  }

  /** One round: price the current offer and the best response under the others' offers; move by the state's step. */
  Bid respond(MarketState state) {
    PeerMarketRules.Market[] market = markets(state);
    double[] q = quantities(current);
    currentCost = costOf(market, q, current);
    ConvexCostResponder.Answer best = bestResponse(costs(market), q, threshold() / 10);
    gain = Math.max(0, currentCost - best.lowerBound());
    if (gain > threshold()) {
      current = Mix.of(self.id(), List.of(current, best.schedule()), new double[] {1 - state.step(), state.step()});
    }
    return new Bid(self.id(), state.iteration(), quantities(current), gain);
  }

  /**
   * The certificate: its exact best response against the state with everyone, itself included, left
   * where they are; returns its ε (what a deviation could gain, an upper bound within
   * {@link ConvexCostResponder#RELATIVE_GAP}) and does not move.
   */
  double certify(MarketState state) {
    PeerMarketRules.Market[] market = markets(state);
    double[] q = quantities(current);
    currentCost = costOf(market, q, current);
    gain = Math.max(0, currentCost - bestResponse(costs(market), q, threshold() / 10).lowerBound());
    return gain;
  }

  /** What its best response saves against its current offer, at the last round's state [money]: its ε. */
  double gain() {
    return gain;
  }

  /** Whether its last gain was within its tolerance (so it did not move). */
  boolean settled() {
    return gain <= threshold();
  }

  /** The gain below which it does not move [money]. */
  private double threshold() {
    return tolerance * Math.max(1, Math.abs(aloneCost));
  }

  /** Its net withdrawal alone, announced in its first bid [kWh]. */
  double[] baseline() {
    return baseline.clone();
  }

  ParticipantSchedule schedule() {
    return current;
  }

  /** Its cost at the last round's state: payments plus wear and fuel [money]. */
  double cost() {
    return currentCost;
  }

  /** Its best cost alone, at the tariffs [money]. */
  double aloneCost() {
    return aloneCost;
  }

  /** Payments under the rules plus private cost of a schedule with net withdrawals q. */
  private double costOf(PeerMarketRules.Market[] market, double[] q, ParticipantSchedule s) {
    double c = PrivateCost.of(self, s, day.horizon().hours());
    for (int t = 0; t < q.length; t++) {
      c += market[t].cost(q[t]);
    }
    return c;
  }

  private PeerMarketRules.Market[] markets(MarketState state) {
    int n = day.horizon().intervals();
    PeerMarketRules.Market[] market = new PeerMarketRules.Market[n];
    for (int t = 0; t < n; t++) {
      market[t] = new PeerMarketRules.Market(state.supplyKwh()[t], state.demandKwh()[t], state.surplusKwh()[t],
          state.deficitKwh()[t], day.tariff().importPrice().get(t), day.tariff().exportPrice().get(t),
          state.pricePerKwh()[t], baseline == null ? 0 : baseline[t]);
    }
    return market;
  }

  private PeerMarketRules.Market[] emptyMarket(int n) {
    double[] zero = new double[n];
    return markets(new MarketState(self.id(), 0, zero, zero, zero, zero, zero, 1));
  }

  static ConvexCostResponder.IntervalCost costs(PeerMarketRules.Market[] market) {
    return new ConvexCostResponder.IntervalCost() {
      @Override
      public double cost(int t, double q) {
        return market[t].cost(q);
      }

      @Override
      public double slope(int t, double q, boolean fromLeft) {
        return market[t].slope(q, fromLeft);
      }
    };
  }

  private double[] quantities(ParticipantSchedule s) {
    double hours = day.horizon().hours();
    double[] q = new double[day.horizon().intervals()];
    for (int t = 0; t < q.length; t++) {
      q[t] = -s.netInjectionKw(t) * hours;
    }
    return q;
  }

  /**
   * Its exact best response: in closed form for a building whose only decision is curtailment
   * ({@link CurtailOnlyResponse}), else its LP with cutting planes.
   */
  private ConvexCostResponder.Answer bestResponse(ConvexCostResponder.IntervalCost cost, double[] start, double gap) {
    if (CurtailOnlyResponse.applies(self)) {
      return CurtailOnlyResponse.of((org.peergrid.market.scenario.Building) self, cost, day.horizon().intervals(),
          day.horizon().hours());
    }
    return responder().respond(cost, start, gap);
  }

  private ConvexCostResponder responder() {
    if (responder == null) {
      responder = new ConvexCostResponder(day, self);
    }
    return responder;
  }

  @Override
  public void close() {
    if (responder != null) {
      responder.close();
      responder = null;
    }
  }
}
