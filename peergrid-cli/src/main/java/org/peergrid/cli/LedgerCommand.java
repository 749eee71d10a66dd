package org.peergrid.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.peergrid.platform.ledger.LedgerVerification;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code peergrid ledger verify}: recomputes the platform's hash chain straight from the database. */
@Command(name = "ledger", mixinStandardHelpOptions = true, subcommands = {LedgerCommand.Verify.class},
    description = "The platform's tamper-evident ledger.")
final class LedgerCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Exit code when the chain or a table it records was changed. */
  static final int EXIT_BROKEN = 5;

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Recomputes the hash chain and checks that offers and results match what it recorded.",
        "Names the first broken link. Exit codes: 0 intact, 5 broken, 1 the database cannot be opened."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LedgerVerification v;
      try (Database db = Database.open(database.url())) {
        v = new LedgerVerifier(db.jdbi()).verify();
      }
      if (v.intact()) {
        out.println("ledger intact: " + v.entries() + " entries");
        return 0;
      }
      out.println("ledger BROKEN at entry " + v.firstBrokenSeq() + " of " + v.entries() + ": " + v.reason());
      return EXIT_BROKEN;
    }
  }
}
