package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.WorkedExamples;

class DlmpMechanismTest {
  @TempDir Path dir;

  @Test
  void example1IsSettledAtTheDlmpsAndChecked() {
    ClearingResult r = Mechanisms.byName("dlmp").orElseThrow().clear(WorkedExamples.example(1));

    assertThat(r.status()).isEqualTo(DispatchStatus.OPTIMAL);
    assertThat(r.settlement()).hasValueSatisfying(s -> {
      assertThat(s.totalCost()).isCloseTo(12000, within(DELTA_MONEY));
      assertThat(s.baseCost()).isCloseTo(8000, within(DELTA_MONEY));
    });
    assertThat(r.acCheck()).hasValueSatisfying(ac -> assertThat(ac.intervals()).hasSize(1));
  }

  @Test
  void anInfeasibleDayHasADiagnosisAndNothingElse() throws Exception {
    String text = Files.readString(WorkedExamples.folder().resolve("ex3.yaml")).replace("1500", "1000");
    ClearingResult r = new DlmpMechanism().clear(ScenarioLoader.load(WorkedExamples.write(dir, "ex3.yaml", text)));

    assertThat(r.status()).isEqualTo(DispatchStatus.INFEASIBLE);
    assertThat(r.dispatch().message()).contains("1200.0 kvar").contains("1000.0 kVA");
    assertThat(r.settlement()).isEmpty();
    assertThat(r.acCheck()).isEmpty();
  }

  @Test
  void mechanismsAreFoundByNameOnly() {
    assertThat(Mechanisms.names())
        .containsExactly("dlmp", "nash", "ks", "sdr", "mmr", "bill-sharing", "incentive", "lmp-sharing");
    assertThat(Mechanisms.byName("DLMP")).containsInstanceOf(DlmpMechanism.class);
    assertThat(Mechanisms.byName("Bill-Sharing")).containsInstanceOf(BillSharingMechanism.class);
    assertThat(Mechanisms.byName("vcg")).isEmpty();
  }
}
