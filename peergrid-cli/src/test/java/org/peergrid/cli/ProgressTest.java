package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void pipesGetFinishedLinesAndTerminalsALineCompletedInPlace() {
    for (boolean terminal : new boolean[] {false, true}) {
      StringWriter text = new StringWriter();
      AtomicLong clock = new AtomicLong();
      Progress p = new Progress(new PrintWriter(text), terminal, () -> clock.getAndAdd(1_500_000_000L));
      assertThat(p.stage("Solving", () -> 42)).isEqualTo(42);
      String out = text.toString();
      assertThat(out).contains("Solving").contains("1.5 s").endsWith(System.lineSeparator());
      if (terminal) {
        assertThat(out).startsWith("  Solving ...\r");
      } else {
        assertThat(out).doesNotContain("\r", "...");
      }
    }
  }
}
