package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peergrid clear --mechanism p2p-nuc} on the EV variant of the bundled example. */
class ClearP2pNucTest {
  @TempDir Path out;

  @Test
  void chargesTradesUntilTheAcCheckPassesAndWritesTheNucKeys() throws Exception {
    Path example = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-community",
        "scenario-ev.yaml");
    PowerflowCommandTest.Run run = ClearCommandTest.clear(example, out, "--mechanism", "p2p-nuc");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode s = ClearCommandTest.summary(out);
    assertThat(s.get("nuc_converged").asBoolean()).isTrue();
    assertThat(s.get("nuc_iterations").asInt()).isPositive();
    // The loop's stopping rule: the AC check passes and the charges recover at least the loss cost.
    assertThat(s.get("ac_voltage_violations").asInt()).isZero();
    assertThat(s.get("ac_branch_violations").asInt()).isZero();
    assertThat(s.get("dso_cost").asDouble()).isPositive();
    assertThat(s.get("dso_revenue").asDouble()).isGreaterThanOrEqualTo(s.get("dso_cost").asDouble() * 0.99);
    assertThat(ClearCommandTest.header(out.resolve("trades.csv")))
        .isEqualTo("interval,seller,buyer,kwh,weight,loss_charge_per_kwh,surcharge_per_kwh,charge_per_kwh,charge");
    double charged = 0;
    for (CSVRecord r : ClearCommandTest.csv(out.resolve("trades.csv"))) {
      double kwh = Double.parseDouble(r.get("kwh"));
      double perKwh = Double.parseDouble(r.get("charge_per_kwh"));
      assertThat(Double.parseDouble(r.get("charge"))).isCloseTo(kwh * perKwh, org.assertj.core.api.Assertions.within(1e-6));
      charged += Double.parseDouble(r.get("charge"));
    }
    // the surcharges are reported apart: the loss charges alone recover the loss cost within 1 %
    double surcharges = s.get("dso_surcharge_revenue").asDouble();
    assertThat(surcharges).isPositive();
    assertThat(s.get("dso_revenue").asDouble() - surcharges).isCloseTo(s.get("dso_cost").asDouble(),
        org.assertj.core.api.Assertions.within(0.01 * s.get("dso_cost").asDouble()));
    assertThat(s.get("nuc_surcharge_scale").asDouble()).isGreaterThan(0).isLessThan(1);
    assertThat(run.out()).contains("relax").contains("+ surcharges");
    // What the trades are charged is what the DSO collects.
    assertThat(charged).isCloseTo(s.get("dso_revenue").asDouble(), org.assertj.core.api.Assertions.within(0.01));
  }
}
