package org.peergrid.market.vc;

import java.util.Map;
import java.util.TreeMap;
import org.peergrid.market.vc.messages.Message;

/** Counts the messages of a game by type: what would cross the network if the players were apart. */
final class MessageLog {
  private final Map<String, Long> byType = new TreeMap<>();

  void sent(Message m) {
    byType.merge(m.getClass().getSimpleName(), 1L, Long::sum);
  }

  void sent(Iterable<? extends Message> messages) {
    messages.forEach(this::sent);
  }

  long total() {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> byType() {
    return Map.copyOf(byType);
  }
}
