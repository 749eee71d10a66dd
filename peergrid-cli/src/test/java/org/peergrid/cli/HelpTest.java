package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.cli.PowerflowCommandTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help lists its options with a default (or says it is required) and the units. */
class HelpTest {
  static final List<String> COMMANDS = List.of("run", "powerflow", "clear", "compare");

  @Test
  void everyOptionSaysItsDefaultOrThatItIsRequired() {
    CommandLine top = new CommandLine(new PeergridCommand());
    assertThat(top.getSubcommands().keySet()).containsAll(COMMANDS);
    List<CommandLine> all = new java.util.ArrayList<>();
    collect(top, all);
    assertThat(all).extracting(c -> c.getCommandSpec().qualifiedName(" "))
        .contains("peergrid node", "peergrid realtime", "peergrid uncertainty", "peergrid ledger verify");
    List<String> lacking = new java.util.ArrayList<>();
    for (CommandLine command : all) {
      String name = command.getCommandSpec().qualifiedName(" ");
      for (OptionSpec o : command.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) {
          continue;
        }
        String text = String.join(" ", o.description());
        if (o.required() ? !text.contains("(required)") : !text.contains("default")) {
          lacking.add(name + " " + o.longestName() + ": " + text);
        }
      }
    }
    assertThat(lacking).as("options whose help says neither its default nor (required)").isEmpty();
  }

  /** Every command below {@code command}, nested ones (ledger verify, offer sign) included. */
  private static void collect(CommandLine command, List<CommandLine> into) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!into.contains(sub)) {
        into.add(sub);
        collect(sub, into);
      }
    }
  }

  @Test
  void helpTextsNameUnitsAndTheMainCommand() {
    Run top = PowerflowCommandTest.run("--help");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).contains("run ", "powerflow", "clear", "compare", "peergrid run SCENARIO");
    Run run = PowerflowCommandTest.run("run", "--help");
    assertThat(run.out().replaceAll("\\s+", " ")).contains("SCENARIO", "--out=DIR", "default: out/<scenario name>",
        "kW", "kWh", "p.u.",
        "currency", "Exit codes");
    for (String name : List.of("clear", "compare")) {
      assertThat(PowerflowCommandTest.run(name, "--help").out()).contains("(required)", "currency", "Exit codes");
    }
    String powerflow = PowerflowCommandTest.run("powerflow", "--help").out().replaceAll("\\s+", " ");
    assertThat(powerflow).contains("[p.u.]", "default: 1e-10",
        "default: 100", "default: off");
  }
}
