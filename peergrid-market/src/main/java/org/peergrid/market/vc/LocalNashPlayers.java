package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.messages.Bid;
import org.peergrid.market.vc.messages.MarketState;

/** The players of {@link VcNashGame} in this JVM, answering in parallel on their own pool. */
public final class LocalNashPlayers implements NashPlayers {
  private final List<PlayerHost> players = new ArrayList<>();
  private final ForkJoinPool pool;

  /** @param inGameOrder the participants in the game's order */
  public LocalNashPlayers(Scenario day, List<Participant> inGameOrder, double relativeTolerance, int threads) {
    for (Participant p : inGameOrder) {
      players.add(new PlayerHost(day, p, relativeTolerance));
    }
    pool = new ForkJoinPool(threads);
  }

  @Override
  public List<String> ids() {
    return players.stream().map(PlayerHost::id).toList();
  }

  @Override
  public Bid[] open() {
    Bid[] bids = new Bid[players.size()];
    parallel(i -> bids[i] = players.get(i).open());
    return bids;
  }

  @Override
  public PlayerHost.Reply[] respond(MarketState[] states) {
    PlayerHost.Reply[] replies = new PlayerHost.Reply[players.size()];
    parallel(i -> replies[i] = players.get(i).respond(states[i]));
    return replies;
  }

  @Override
  public double[] certify(MarketState[] states) {
    double[] epsilon = new double[players.size()];
    parallel(i -> epsilon[i] = players.get(i).certify(states[i]));
    return epsilon;
  }

  @Override
  public PlayerHost.Outcome[] outcomes() {
    return players.stream().map(PlayerHost::outcome).toArray(PlayerHost.Outcome[]::new);
  }

  private void parallel(IntConsumer task) {
    pool.submit(() -> IntStream.range(0, players.size()).parallel().forEach(task)).join();
  }

  @Override
  public void close() {
    pool.shutdown();
    players.forEach(PlayerHost::close);
  }
}
