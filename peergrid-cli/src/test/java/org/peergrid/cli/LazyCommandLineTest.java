package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code peergrid COMMAND ...} builds only that command ({@link PeergridCommand#commandLine}); what
 * a user sees must be what the full command tree gives.
 */
class LazyCommandLineTest {
  @Test
  void eachCommandAloneHasTheUsageHelpOfTheFullTree() {
    CommandLine full = new CommandLine(new PeergridCommand());
    for (String name : full.getSubcommands().keySet()) {
      CommandLine lazy = PeergridCommand.commandLine(name, "--help");
      if (name.equals("help")) {
        assertThat(lazy.getSubcommands()).as("help needs every command").hasSameSizeAs(full.getSubcommands());
        continue;
      }
      assertThat(lazy.getSubcommands()).as(name).containsOnlyKeys(name);
      assertThat(lazy.getSubcommands().get(name).getUsageMessage())
          .as(name).isEqualTo(full.getSubcommands().get(name).getUsageMessage());
    }
  }

  @Test
  void theTopCommandsHelpAndAMisspeltCommandStillSeeEveryCommand() {
    int all = new CommandLine(new PeergridCommand()).getSubcommands().size();
    assertThat(PeergridCommand.commandLine("--help").getSubcommands()).hasSize(all);
    assertThat(PeergridCommand.commandLine().getSubcommands()).hasSize(all);
    assertThat(PeergridCommand.commandLine("claer").getSubcommands()).hasSize(all);
  }

  @Test
  void anUnknownOptionOfACommandIsTheSameUsageErrorAsBefore() {
    StringWriter lazyErr = new StringWriter();
    int lazy = PeergridCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(lazyErr, true),
        "clear", "--no-such-option");
    CommandLine full = new CommandLine(new PeergridCommand());
    StringWriter fullErr = new StringWriter();
    full.setErr(new PrintWriter(fullErr, true));
    full.setOut(new PrintWriter(new StringWriter()));
    int before = full.execute("clear", "--no-such-option");
    assertThat(lazy).isEqualTo(before).isEqualTo(2);
    assertThat(lazyErr.toString()).isEqualTo(fullErr.toString()).contains("peergrid clear");
  }
}
