package org.peergrid.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Stage lines with elapsed time for commands that take more than a moment. On a terminal the
 * stage shows while it runs and its line is completed in place; into a file or pipe each stage
 * is one finished line, so logs hold no carriage returns.
 */
final class Progress {
  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanos;

  Progress(PrintWriter out, boolean terminal, LongSupplier nanos) {
    this.out = out;
    this.terminal = terminal;
    this.nanos = nanos;
  }

  /** Whether standard output is a terminal (Java 17: no console when output is redirected). */
  static boolean stdoutIsTerminal() {
    return System.console() != null;
  }

  <T> T stage(String what, Supplier<T> work) {
    if (terminal) {
      out.print("  " + what + " ...");
      out.flush();
    }
    long start = nanos.getAsLong();
    T result = work.get();
    String done = String.format(Locale.ROOT, "  %-52s %6.1f s", what, (nanos.getAsLong() - start) / 1e9);
    out.println(terminal ? "\r" + done : done);
    out.flush();
    return result;
  }
}
