package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.market.OfferReceipt;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.LedgerRewrite;
import org.peergrid.platform.testsupport.TestPlatform;
import org.peergrid.platform.testsupport.TestPlatform.Prosumer;

/**
 * {@code peergrid ledger verify}: a prosumer's receipt found in an intact chain, or not; anchors noted
 * before a history rewrite reveal it though the rewritten chain verifies; malformed anchors refused.
 */
class LedgerCommandTest {
  @TempDir Path dir;

  @Test
  void aReceiptIsFoundInTheChainAndAnUnknownOneIsNot() throws Exception {
    OfferReceipt receipt;
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(dir), 0),
        Clock.systemUTC())) {
      Path root = Path.of(System.getProperty("peergrid.root.dir", ".."));
      var market = server.market();
      market.openDay("d1", Files.readString(root.resolve("examples/scenarios/community33.yaml")),
          Files.readString(root.resolve("examples/feeders/case33bw.m")), "dlmp", Instant.now().plus(Duration.ofHours(1)));
      KeyPair keys = Ed25519Keys.generate();
      market.register("d1", "B06", 6, Ed25519Keys.encode(keys.getPublic()));
      var offer = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"load_kw\": [20, 35, 40, 60]}");
      receipt = market.submitOffer(new Principal.Prosumer("d1", "B06"), OfferSigner.sign(keys.getPrivate(), "d1",
          "B06", OfferSigner.nonce(new SecureRandom()), Instant.now(), offer));
    }
    PowerflowCommandTest.Run found = PowerflowCommandTest.run("ledger", "verify", "--data", dir.toString(),
        "--receipt", receipt.receipt().toUpperCase());
    assertThat(found.exit()).as(found.out() + found.err()).isZero();
    assertThat(found.out()).contains("ledger intact: 1 entries", "receipt " + receipt.receipt() + " is entry 1",
        "the offer of B06 on day d1");

    String other = "0".repeat(63) + "1";
    PowerflowCommandTest.Run missing = PowerflowCommandTest.run("ledger", "verify", "--data", dir.toString(),
        "--receipt", other);
    assertThat(missing.exit()).isEqualTo(LedgerCommand.EXIT_NO_RECEIPT);
    assertThat(missing.out()).contains("receipt " + other + " is NOT in the chain");

    try (Database db = Database.open(Database.h2Url(dir))) {
      db.jdbi().useHandle(h -> h.execute("UPDATE ledger SET recorded_ms = recorded_ms + 1 WHERE seq = 1"));
    }
    PowerflowCommandTest.Run broken = PowerflowCommandTest.run("ledger", "verify", "--data", dir.toString(),
        "--receipt", receipt.receipt());
    assertThat(broken.exit()).isEqualTo(LedgerCommand.EXIT_BROKEN);
    assertThat(broken.out()).contains("ledger BROKEN at entry 1");
  }

  @Test
  void anAnchorNotedBeforeAHistoryRewriteRevealsItThoughTheRewrittenChainVerifies() throws Exception {
    String ownEntry;
    String head;
    Path saved = dir.resolve("anchors.jsonl");
    try (TestPlatform p = new TestPlatform(Database.h2Url(dir.resolve("db")))) {
      assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).status()).isEqualTo(201);
      Prosumer b06 = p.register("d1", "B06", 6);
      Prosumer b18 = p.register("d1", "B18", 18);
      ownEntry = p.submit(b06, p.signed(b06, Community33.offerB06())).body().get("anchor").asText();
      p.submit(b18, p.signed(b18, Community33.offerB18()));
      assertThat(p.http.post("/api/days/d1/clear", p.dso, "").status()).isEqualTo(200);
      // as `curl -s HOST/api/ledger/head >> anchors.jsonl` saves it, under a note of the user's
      Http.Response answer = p.http.get("/api/ledger/head", null);
      head = answer.body().get("anchor").asText();
      Files.writeString(saved, "# noted after clearing d1\n\n" + answer.text());
    }
    assertThat(ownEntry).startsWith("1:");
    assertThat(head).startsWith("5:");
    PowerflowCommandTest.Run before = verify("--anchor", ownEntry, "--anchor-file", saved.toString());
    assertThat(before.exit()).as(before.out() + before.err()).isZero();
    assertThat(before.out()).contains("ledger intact: 5 entries", "anchor " + ownEntry + " (--anchor) matches entry 1",
        "anchor " + head + " (" + saved + ":3) matches entry 5");

    // an insider makes B06's bill negative (settlement entry 4) and recomputes every hash from there
    try (Database db = Database.open(Database.h2Url(dir.resolve("db")))) {
      assertThat(LedgerRewrite.lowerSettledCost(db.jdbi(), "B06")).isEqualTo(4);
    }
    PowerflowCommandTest.Run plain = verify();
    assertThat(plain.exit()).as("the chain alone cannot tell: " + plain.out()).isZero();
    assertThat(plain.out()).contains("ledger intact: 5 entries");
    PowerflowCommandTest.Run older = verify("--anchor", ownEntry);
    assertThat(older.exit()).as("entry 1 precedes the change: " + older.out()).isZero();

    PowerflowCommandTest.Run rewritten = verify("--anchor", ownEntry, "--anchor-file", saved.toString(),
        "--anchor", "9:" + head.substring(2));
    assertThat(rewritten.exit()).as(rewritten.out() + rewritten.err()).isEqualTo(LedgerCommand.EXIT_REWRITTEN);
    assertThat(rewritten.out()).contains("ledger intact: 5 entries", "anchor " + ownEntry + " (--anchor) matches entry 1",
        "anchor " + head + " (" + saved + ":3) DIFFERS at entry 5: it has hash ",
        "so the history up to entry 5 was rewritten after the anchor was noted",
        "DIFFERS at entry 9: the chain ends at entry 5, so entries were removed",
        "ledger REWRITTEN: the chain verifies, but 2 of 3 anchors differ; the first at entry 5");
    assertThat(rewritten.err()).isEmpty();
  }

  @Test
  void malformedAnchorsAreNamedWithHowToWriteThemAndNoStackTrace() throws Exception {
    String hash = "ab".repeat(32);
    Path file = dir.resolve("anchors.txt");
    Files.writeString(file, "# mine\n12:" + hash + "\n12 " + hash + "\n");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing noted yet\n");
    Path json = dir.resolve("head.json");
    Files.writeString(json, "{\"seq\":0,\"entry_hash\":\"" + "0".repeat(64) + "\",\"recorded_at\":null}\n"
        + "{\"seq\": 3}\n");
    String[][] cases = {
        {"--anchor", "12"}, {"--anchor '12': there is no ':' between seq and hash; write SEQ:HASH"},
        {"--anchor", "twelve:" + hash}, {"--anchor 'twelve:" + hash + "': 'twelve' before ':' is not a seq"},
        {"--anchor", "12:" + hash.substring(2)}, {"the hash has 62 characters, not the 64 of an entry hash"},
        {"--anchor", "12:" + hash.replace('a', 'x')}, {"the hash has 'x', which is not a hexadecimal digit"},
        {"--anchor-file", file.toString()}, {file + ":3: there is no ':' between seq and hash"},
        {"--anchor-file", empty.toString()}, {empty + ": holds no anchor; write SEQ:HASH"},
        {"--anchor-file", json.toString()}, {json + ":1: the seq 0 is not an entry", "seq 0 is an empty ledger"},
        {"--anchor-file", dir.resolve("none.txt").toString()}, {"none.txt: the --anchor-file does not exist"},
    };
    for (int k = 0; k < cases.length; k += 2) {
      PowerflowCommandTest.Run r = verify(cases[k]);
      assertThat(r.exit()).as(String.join(" ", cases[k]) + ": " + r.err()).isEqualTo(PeergridCommand.EXIT_INPUT);
      assertThat(r.err()).as(String.join(" ", cases[k])).startsWith("peergrid: ").contains(cases[k + 1])
          .doesNotContain("Exception", "\tat ");
      assertThat(r.out()).as("nothing verified").isEmpty();
    }
    Files.writeString(json, "{\"seq\": 3}\n");
    assertThat(verify("--anchor-file", json.toString()).err()).contains(json + ":1: this JSON has no whole-number"
        + " \"seq\" (or \"ledger_seq\") and text \"entry_hash\"");
    assertThat(Files.exists(dir.resolve("db"))).as("no database was opened for a malformed anchor").isFalse();

    String help = PowerflowCommandTest.run("ledger", "verify", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("--anchor=SEQ:HASH", "--anchor-file=FILE", "GET /api/ledger/head",
        "6 the receipt is not in the chain", "5 broken",
        "7 intact but an anchor differs", "1 a malformed anchor (names the argument or the file and line)");
  }

  /** {@code peergrid ledger verify --data DIR/db} with more arguments. */
  private PowerflowCommandTest.Run verify(String... more) {
    List<String> args = new ArrayList<>(List.of("ledger", "verify", "--data", dir.resolve("db").toString()));
    args.addAll(List.of(more));
    return PowerflowCommandTest.run(args.toArray(String[]::new));
  }
}
