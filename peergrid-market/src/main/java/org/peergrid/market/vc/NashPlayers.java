package org.peergrid.market.vc;

import java.util.List;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;

/**
 * Where the players of {@link VcNashGame} live: in this JVM ({@link LocalNashPlayers}) or elsewhere
 * (peergrid-cluster hosts each one as a sharded entity). The game loop only sends states and reads
 * answers, so it does not care which. Every call takes or returns one entry per player, in the order
 * of {@link #ids()}; answers must not depend on how the calls are spread over threads or machines.
 */
public interface NashPlayers extends AutoCloseable {
  /** Participant ids, in the game's order (community by community, members in formation order). */
  List<String> ids();

  /** Round 0: every player's best schedule alone. */
  Bid[] open();

  /** One best-response round: every player's answer to its state. */
  PlayerHost.Reply[] respond(MarketState[] states);

  /** The certificate round: every player's ε against its state; nobody moves. */
  double[] certify(MarketState[] states);

  /** Every player's schedule and costs where it stands. */
  PlayerHost.Outcome[] outcomes();

  @Override
  void close();
}
