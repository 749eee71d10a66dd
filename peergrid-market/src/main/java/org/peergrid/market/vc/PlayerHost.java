package org.peergrid.market.vc;

import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;

/**
 * One {@link Player} behind a public face, so that code outside this package (a cluster entity)
 * can host it: it loads nothing itself, it is given the day and its own participant.
 */
public final class PlayerHost implements AutoCloseable {
  private final Player player;

  /** A player's answer to one round: its bid and whether it stayed where it was. */
  public record Reply(Bid bid, boolean settled) {}

  /** Where a player stands: its schedule, its net withdrawal alone, its cost now and alone. */
  public record Outcome(String id, ParticipantSchedule schedule, double[] baselineKwh, double cost,
      double aloneCost) {}

  public PlayerHost(Scenario day, Participant self, double relativeTolerance) {
    this.player = new Player(day, self, relativeTolerance);
  }

  public String id() {
    return player.id();
  }

  public Bid open() {
    return player.open();
  }

  public Reply respond(MarketState state) {
    Bid bid = player.respond(state);
    return new Reply(bid, player.settled());
  }

  public double certify(MarketState state) {
    return player.certify(state);
  }

  public Outcome outcome() {
    return new Outcome(player.id(), player.schedule(), player.baseline(), player.cost(), player.aloneCost());
  }

  @Override
  public void close() {
    player.close();
  }
}
