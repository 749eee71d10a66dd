package org.peergrid.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key in token buckets: a key may fail {@code burst} times, then once per
 * {@code refill}; while its bucket is empty it is refused with the time until the next failure is
 * allowed. Used for unknown credentials per client address and per token kind, so that guessing
 * costs the guesser time and the server no more than a hash per guess.
 */
public final class FailureLimiter {
  /** Buckets kept before full ones are dropped; bounds memory against many addresses. */
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final int burst;
  private final long refillMs;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Failures left at a time; refilled lazily when read. */
  private static final class Bucket {
    double left;
    long atMs;

    Bucket(double left, long atMs) {
      this.left = left;
      this.atMs = atMs;
    }
  }

  public FailureLimiter(Clock clock, int burst, Duration refill) {
    if (burst < 1 || refill.isZero() || refill.isNegative()) {
      throw new IllegalArgumentException("a burst of at least 1 and a positive refill period are needed");
    }
    this.clock = clock;
    this.burst = burst;
    this.refillMs = refill.toMillis();
  }

  /** Seconds until the key may fail again (rounded up); 0 when it may now. */
  public long retryAfterSeconds(String key) {
    Bucket b = buckets.get(key);
    if (b == null) {
      return 0;
    }
    synchronized (b) {
      refill(b);
      return b.left >= 1 ? 0 : (long) Math.ceil((1 - b.left) * refillMs / 1000.0);
    }
  }

  /** Records a failure of the key. */
  public void fail(String key) {
    if (buckets.size() >= MAX_KEYS) {
      buckets.values().removeIf(b -> {
        synchronized (b) {
          refill(b);
          return b.left >= burst;
        }
      });
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()));
    synchronized (b) {
      refill(b);
      b.left = Math.max(0, b.left - 1);
    }
  }

  private void refill(Bucket b) {
    long now = clock.millis();
    b.left = Math.min(burst, b.left + (double) Math.max(0, now - b.atMs) / refillMs);
    b.atMs = now;
  }
}
