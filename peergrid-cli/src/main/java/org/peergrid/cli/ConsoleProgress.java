package org.peergrid.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * Progress of a long probabilistic run on standard error: a line at every tenth of the work (not
 * a carriage-return ticker, which would fill logs and pipes with hundreds of lines).
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintWriter err;
  private final String label;
  private final long start = System.nanoTime();
  private int lastTenth;

  ConsoleProgress(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public synchronized void evaluated(int done, int total) {
    int tenth = (int) (10L * done / total);
    if (tenth <= lastTenth && done < total) {
      return;
    }
    lastTenth = tenth;
    double seconds = (System.nanoTime() - start) / 1e9;
    double left = done == 0 ? 0 : seconds * (total - done) / done;
    err.printf(Locale.ROOT, "%s: %d/%d clearings (%d %%), %.1f s, about %.0f s left%n", label, done, total,
        100L * done / total, seconds, left);
    err.flush();
  }
}
