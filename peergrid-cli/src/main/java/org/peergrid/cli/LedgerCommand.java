package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peergrid.platform.ledger.AnchorCheck;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerAnchor;
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
 * {@code peergrid ledger verify [--anchor SEQ:HASH]... [--anchor-file FILE]... [--receipt HASH]}:
 * recomputes the platform's hash chain straight from the database, checks that the entries noted
 * outside it (anchors) still have the hashes noted, and, for a prosumer, finds the entry that holds
 * its receipt.
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
  /** Exit code when the chain is intact but holds no offer or reading with the given receipt. */
  static final int EXIT_NO_RECEIPT = 6;
  /** Exit code when the chain is intact but an anchor differs: the history was rewritten or cut short. */
  static final int EXIT_REWRITTEN = 7;

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Recomputes the hash chain and checks that offers, readings and results match what it"
          + " recorded. Names the first broken link.",
        "Someone who controls the database can rewrite history and recompute every hash after the change;"
          + " the chain then verifies again. An anchor shows it: an entry's SEQ:HASH noted outside the database"
          + " (the \"anchor\" of GET /api/ledger/head, of an offer's or reading's receipt, or the dashboard's"
          + " ledger head). The entry at SEQ must still have HASH, which vouches for every entry up to SEQ.",
        "With --receipt, also finds the offer or reading entry that holds that receipt."},
      footer = {"", "Exit codes: 0 intact (every anchor matches, the receipt is found), 5 broken, 6 the receipt is"
          + " not in the chain, 7 intact but an anchor differs (history rewritten, or entries removed, after it"
          + " was noted; names the seq), 1 a malformed anchor (names the argument or the file and line), a"
          + " missing --anchor-file, or a database that cannot be opened."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--receipt", paramLabel = "HASH",
        description = "An offer's or reading's receipt (the SHA-256 the server answered with) to find in the chain (default: none).")
    String receipt;

    @Option(names = "--anchor", paramLabel = "SEQ:HASH",
        description = "An entry's seq and entry hash as noted outside the database, e.g. 12:3fa0... (repeatable; default: none).")
    List<String> anchors = new ArrayList<>();

    @Option(names = "--anchor-file", paramLabel = "FILE",
        description = "A file of anchors, one a line: SEQ:HASH, or an answer of GET /api/ledger/head or of a"
            + " receipt as saved (curl -s HOST/api/ledger/head >> FILE); blank lines and lines starting with #"
            + " are skipped (repeatable; default: none).")
    List<Path> anchorFiles = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<AnchorFiles.Noted> noted = AnchorFiles.read(anchors, anchorFiles); // before the database is opened
      LedgerVerification v;
      Optional<LedgerEntry> entry;
      try (Database db = database.open()) {
        v = new LedgerVerifier(db.jdbi()).verify(noted.stream().map(AnchorFiles.Noted::anchor).toList());
        entry = receipt == null ? Optional.empty() : new Ledger(db.jdbi(), Clock.systemUTC())
            .findByPayloadHash(receipt.trim().toLowerCase(Locale.ROOT))
            .filter(e -> e.kind().equals("offer") || e.kind().equals("reading"));
      }
      if (!v.intact()) {
        out.println("ledger BROKEN at entry " + v.firstBrokenSeq() + " of " + v.entries() + ": " + v.reason());
        return EXIT_BROKEN;
      }
      out.println("ledger intact: " + v.entries() + " entries");
      if (!reportAnchors(out, noted, v)) {
        return EXIT_REWRITTEN;
      }
      if (receipt == null) {
        return 0;
      }
      if (entry.isEmpty()) {
        out.println("receipt " + receipt + " is NOT in the chain (no offer or reading entry has that payload hash)");
        return EXIT_NO_RECEIPT;
      }
      LedgerEntry e = entry.get();
      out.println("receipt " + e.payloadHash() + " is entry " + e.seq() + ": the " + e.kind() + " of "
          + e.participantId() + " on day " + e.dayId() + ", recorded " + Instant.ofEpochMilli(e.recordedMs())
          + ", entry hash " + e.entryHash() + " (anchor " + LedgerAnchor.of(e) + ")");
      return 0;
    }

    /** One line per anchor; false (after a summary naming the first differing seq) when any differs. */
    private static boolean reportAnchors(PrintWriter out, List<AnchorFiles.Noted> noted, LedgerVerification v) {
      long first = Long.MAX_VALUE;
      int differ = 0;
      for (int k = 0; k < noted.size(); k++) {
        AnchorCheck c = v.anchors().get(k);
        long seq = c.anchor().seq();
        String head = "anchor " + c.anchor() + " (" + noted.get(k).source() + ")";
        if (c.matches()) {
          out.println(head + " matches entry " + seq);
          continue;
        }
        differ++;
        first = Math.min(first, seq);
        out.println(head + " DIFFERS at entry " + seq + ": " + (c.storedHash() == null
            ? "the chain ends at entry " + v.entries() + ", so entries were removed after the anchor was noted"
            : "it has hash " + c.storedHash() + " now, so the history up to entry " + seq + " was rewritten"
                + " after the anchor was noted"));
      }
      if (differ > 0) {
        out.println("ledger REWRITTEN: the chain verifies, but " + differ + " of " + noted.size()
            + " anchors differ; the first at entry " + first);
      }
      return differ == 0;
    }
  }
}
