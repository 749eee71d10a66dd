package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peergrid clear --mechanism vc-game} on the market module's 69-bus day (a voltage limit
 * binds): the engine's files, the communities, the trades and the certificate's keys.
 */
class ClearVcGameTest {
  @TempDir Path out;

  @Test
  void writesTradesSettlementAndTheCertificate() throws Exception {
    Path day = Path.of(System.getProperty("peergrid.root.dir", ".."), "peergrid-market", "src", "test", "resources",
        "vc", "ieee69-day.yaml");
    PowerflowCommandTest.Run run = ClearCommandTest.clear(day, out, "--mechanism", "vc-game");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("VC game", "equilibrium", "largest ε", "price of anarchy");
    for (String f : ClearCommand.ALL_FILES) {
      assertThat(Files.exists(out.resolve(f))).as(f).isTrue();
    }
    JsonNode s = ClearCommandTest.summary(out);
    assertThat(s.get("mechanism").asText()).isEqualTo("vc-game");
    assertThat(s.get("equilibrium_epsilon_pct").asDouble()).isBetween(0.0, 0.1);
    assertThat(s.get("equilibrium_epsilon").asDouble()).isNotNegative();
    assertThat(s.get("price_of_anarchy").asDouble()).isGreaterThanOrEqualTo(1 - 1e-9);
    assertThat(s.get("rounds").asInt()).isPositive();
    assertThat(s.get("messages").asLong()).isGreaterThan(s.get("rounds").asLong() * 2 * 26);
    for (String key : List.of("b2b_kwh", "b2c_kwh", "c2c_kwh", "grid_import_kwh", "grid_export_kwh",
        "gap_to_central_pct", "ac_voltage_violations")) {
      assertThat(s.has(key)).as(key).isTrue();
    }
    assertThat(s.get("ac_voltage_violations").asInt()).isZero();
    assertThat(ClearCommandTest.header(out.resolve("trades.csv"))).isEqualTo(String.join(",", VcGameOutput.TRADES));
    List<org.apache.commons.csv.CSVRecord> trades = ClearCommandTest.csv(out.resolve("trades.csv"));
    assertThat(trades).extracting(r -> r.get("type")).contains("B2B", "GRID").allMatch(
        t -> List.of("B2B", "B2C", "C2C", "GRID").contains(t));
    double b2b = trades.stream().filter(r -> r.get("type").equals("B2B"))
        .mapToDouble(r -> Double.parseDouble(r.get("kwh"))).sum();
    assertThat(b2b).isCloseTo(s.get("b2b_kwh").asDouble(), org.assertj.core.api.Assertions.within(1e-3));
    assertThat(ClearCommandTest.csv(out.resolve("settlement.csv")))
        .allSatisfy(r -> assertThat(r.get("individually_rational")).isEqualTo("true"));
  }
}
