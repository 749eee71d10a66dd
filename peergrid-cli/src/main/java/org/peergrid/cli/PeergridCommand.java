package org.peergrid.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.dispatch.Glop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code peergrid} command: subcommands only; every computation lives in the libraries. */
@Command(
    name = "peergrid",
    mixinStandardHelpOptions = true,
    versionProvider = PeergridCommand.Version.class,
    description = "Peer-to-peer energy trading among buildings on radial distribution feeders.",
    subcommands = {RunCommand.class, PowerflowCommand.class, ClearCommand.class, CompareCommand.class,
      UncertaintyCommand.class, RealtimeCommand.class, ServeCommand.class, LedgerCommand.class, OfferCommand.class,
      NodeCommand.class, RegionCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input (the message names the file, line and field),",
      "2 bad command-line usage, 3 a computation did not converge (its output is still",
      "written), 4 a market day is infeasible (the diagnosis goes to standard error),",
      "5 the cluster failed (a node could not join or answer; docs/cluster.md).",
      "Run 'peergrid COMMAND --help' for a command's options, defaults and units;",
      "start with 'peergrid run SCENARIO', which writes a report of the whole day."
    })
public final class PeergridCommand implements Runnable {
  /** Exit code for a user's input error. */
  public static final int EXIT_INPUT = 1;
  /** Exit code when a solver did not converge (its output is still written). */
  public static final int EXIT_NOT_CONVERGED = 3;
  /** Exit code when a market day has no feasible schedule (the diagnosis is written and printed). */
  public static final int EXIT_INFEASIBLE = 4;
  /** Exit code when the cluster failed: a node could not join, or an entity did not answer (docs/cluster.md). */
  public static final int EXIT_CLUSTER = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The commands that solve LPs: their processes load OR-Tools' native libraries beside the
   * command line's parsing and the input's reading ({@link Glop#loadBeside}).
   */
  private static final Set<Class<?>> SOLVE_LPS = Set.of(RunCommand.class, ClearCommand.class,
      CompareCommand.class, UncertaintyCommand.class, RealtimeCommand.class, ServeCommand.class,
      NodeCommand.class, RegionCommand.class);

  public static void main(String[] args) {
    Class<?> command = args.length == 0 ? null : subcommandNamed(args[0]);
    if (command != null && SOLVE_LPS.contains(command)) {
      Glop.loadBeside();
    }
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ValidationException) {
        commandLine.getErr().println("peergrid: " + ex.getMessage());
        return EXIT_INPUT;
      }
      if (System.getenv("PEERGRID_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("peergrid: internal error: " + ex
            + " (this is a bug; set PEERGRID_DEBUG=1 for the stack trace and report it)");
      }
      return 70;
    });
    return cl.execute(args);
  }

  /**
   * The command line that {@code args} need. Building every command's options from their annotations
   * takes about 0.1 s of CPU in a fresh JVM (docs/benchmarks.md, "After oneshot2"), so when the first
   * argument names a command (not {@code help}) only that one is built, under a top command of the
   * same name: its parsing, errors, usage help and exit codes are those of the full tree, which
   * nothing below the top command refers to. Anything else ({@code --help}, {@code help},
   * {@code --version}, a misspelt command, which picocli then suggests) gets the full tree.
   */
  static CommandLine commandLine(String... args) {
    Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
    if (only == null) {
      return new CommandLine(new PeergridCommand());
    }
    Command top = PeergridCommand.class.getAnnotation(Command.class);
    CommandLine cl = new CommandLine(CommandSpec.wrapWithoutInspection(new PeergridCommand())
        .name(top.name()));
    cl.addSubcommand(new CommandLine(only));
    return cl;
  }

  /** The subcommand class whose name or alias is {@code name}; null for none and for {@code help}. */
  private static Class<?> subcommandNamed(String name) {
    for (Class<?> c : PeergridCommand.class.getAnnotation(Command.class).subcommands()) {
      Command command = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class
          && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
  }

  /**
   * Prints the version and commit the build wrote into {@code version.properties} (resource filtering
   * in peergrid-cli/pom.xml). A value still holding its {@code ${...}} placeholder was not set by the
   * build: the commit is unknown when the sources were built without git, the version when the
   * classes were compiled by something other than Maven (an IDE).
   */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
      Properties built = new Properties();
      try (InputStream in = PeergridCommand.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          built.load(in);
        }
      }
      return new String[] {
        "peergrid " + builtValue(built, "version") + " (commit " + builtValue(built, "commit") + ")"
      };
    }

    private static String builtValue(Properties built, String key) {
      String value = built.getProperty(key, "").trim();
      return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
    }
  }
}
