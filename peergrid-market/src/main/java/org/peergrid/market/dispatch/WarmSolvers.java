package org.peergrid.market.dispatch;

import java.util.HashMap;
import java.util.Map;

/**
 * The warm LPs of one worker thread ({@link WarmDispatch}), one per kind of problem that the
 * thread solves again and again: the community's day (also its AC-correction iterations, which
 * only tighten bounds) and each participant's base case alone. Keyed so that no two problems of
 * different shape take turns in one LP, which would rebuild it on every solve.
 *
 * <p>Not thread-safe: one per thread. {@link #close()} frees every native solver.
 */
public final class WarmSolvers implements AutoCloseable {
  private final WarmDispatch community = new WarmDispatch();
  private final Map<String, WarmDispatch> alone = new HashMap<>();

  /** The community's LP on the feeder. */
  public WarmDispatch community() {
    return community;
  }

  /** The base-case LP of one participant alone at the tariffs. */
  public WarmDispatch alone(String participantId) {
    return alone.computeIfAbsent(participantId, id -> new WarmDispatch());
  }

  /** LP builds over all problems: as many as there are problems when every re-solve was warm. */
  public int builds() {
    return community.builds() + alone.values().stream().mapToInt(WarmDispatch::builds).sum();
  }

  /** Solves over all problems. */
  public int solves() {
    return community.solves() + alone.values().stream().mapToInt(WarmDispatch::solves).sum();
  }

  @Override
  public void close() {
    community.close();
    alone.values().forEach(WarmDispatch::close);
    alone.clear();
  }
}
