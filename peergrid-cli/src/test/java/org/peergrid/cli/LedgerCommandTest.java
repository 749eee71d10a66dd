package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.Principal;
import org.peergrid.platform.market.OfferReceipt;
import org.peergrid.platform.store.Database;

/** {@code peergrid ledger verify --receipt}: a prosumer's receipt found in an intact chain, or not. */
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
}
