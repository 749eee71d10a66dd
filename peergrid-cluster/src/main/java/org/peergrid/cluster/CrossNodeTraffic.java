package org.peergrid.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Game messages and their bytes that this JVM wrote to or read from another node, counted by
 * {@link CborSerializer} (pekko serialises only what leaves the JVM, so a message to a local actor
 * is not counted). On the driver, which hosts no entity, that is every message of the game.
 */
public final class CrossNodeTraffic {
  private static final AtomicLong MESSAGES = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();

  private CrossNodeTraffic() {}

  static void counted(int bytes) {
    MESSAGES.incrementAndGet();
    BYTES.addAndGet(bytes);
  }

  public static long messages() {
    return MESSAGES.get();
  }

  public static long bytes() {
    return BYTES.get();
  }
}
