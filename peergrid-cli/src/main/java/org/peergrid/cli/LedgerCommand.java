package org.peergrid.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.ledger.LedgerVerification;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peergrid ledger verify [--receipt HASH]}: recomputes the platform's hash chain straight from
 * the database and, for a prosumer, finds the offer entry that holds its receipt.
 */
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
  /** Exit code when the chain is intact but holds no offer with the given receipt. */
  static final int EXIT_NO_RECEIPT = 6;

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Recomputes the hash chain and checks that offers and results match what it recorded.",
        "Names the first broken link. With --receipt, also finds the offer entry that holds that receipt.",
        "Exit codes: 0 intact (and the receipt found), 5 broken, 6 the receipt is not in the chain,",
        "1 the database cannot be opened."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--receipt", paramLabel = "HASH",
        description = "An offer's receipt (the SHA-256 the server answered with) to find in the chain.")
    String receipt;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LedgerVerification v;
      Optional<LedgerEntry> entry;
      try (Database db = Database.open(database.url())) {
        v = new LedgerVerifier(db.jdbi()).verify();
        entry = receipt == null ? Optional.empty() : new Ledger(db.jdbi(), Clock.systemUTC())
            .findByPayloadHash(receipt.trim().toLowerCase(Locale.ROOT)).filter(e -> e.kind().equals("offer"));
      }
      if (!v.intact()) {
        out.println("ledger BROKEN at entry " + v.firstBrokenSeq() + " of " + v.entries() + ": " + v.reason());
        return EXIT_BROKEN;
      }
      out.println("ledger intact: " + v.entries() + " entries");
      if (receipt == null) {
        return 0;
      }
      if (entry.isEmpty()) {
        out.println("receipt " + receipt + " is NOT in the chain (no offer entry has that payload hash)");
        return EXIT_NO_RECEIPT;
      }
      LedgerEntry e = entry.get();
      out.println("receipt " + e.payloadHash() + " is entry " + e.seq() + ": the offer of " + e.participantId()
          + " on day " + e.dayId() + ", recorded " + Instant.ofEpochMilli(e.recordedMs()) + ", entry hash "
          + e.entryHash());
      return 0;
    }
  }
}
