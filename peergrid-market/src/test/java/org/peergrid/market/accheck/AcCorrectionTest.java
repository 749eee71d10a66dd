package org.peergrid.market.accheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.WorkedExamples;

/** The AC-corrected clearing loop (docs/model.md §8) on toy3 and on the bundled example. */
class AcCorrectionTest {
  private static AcCorrection.Outcome<DispatchResult> corrected(Scenario s) {
    return AcCorrection.run(s, t -> LinDistFlowDispatch.solve(s, t), DispatchResult::solution);
  }

  /**
   * Worked example 1: the DG at bus 3 holds V3 at 0.95 in LinDistFlow, 0.946 in AC. Corrected, it
   * produces enough more that the exact branch-flow solution puts bus 3 at or above 0.95, by no more
   * than the margin plus the change of the loss gap that the extra output causes (the loop measures the
   * gap at the old schedule, where losses were larger: about 2 kW of overshoot on 1,000 kW), and 3 kW
   * less would leave it below.
   */
  @Test
  void example1TheCorrectedDgOutputLiftsBusThreeExactlyToTheLimit() {
    Scenario s = WorkedExamples.example(1);
    double before = LinDistFlowDispatch.solve(s).optimal().schedule("G3").generationKw().get(0);

    AcCorrection.Outcome<DispatchResult> out = corrected(s);

    assertThat(out.passed()).isTrue();
    assertThat(out.violationsPerSolve()).first().isEqualTo(1);
    assertThat(out.violationsPerSolve()).last().isEqualTo(0);
    double g = out.result().optimal().schedule("G3").generationKw().get(0);
    assertThat(g).isGreaterThan(before + 1);
    double v3 = exactV3(g);
    System.out.printf("toy3: G3 %.3f kW -> %.3f kW, V3 %.7f (3 kW less: %.7f)%n", before, g, v3, exactV3(g - 3));
    assertThat(v3).isBetween(0.95, 0.95 + 1e-4);
    assertThat(exactV3(g - 3)).isLessThan(0.95);
    assertThat(out.check().orElseThrow().vmin().orElseThrow().pu()).isCloseTo(v3, within(AcCheckTest.DELTA_V));
  }

  /** Bus 3 of toy3 in the exact power flow (loads of example 1, the DG's g kW at bus 3). */
  private static double exactV3(double gKw) {
    return new ChainDistFlow(1.0, AcCheckTest.R, AcCheckTest.X, new double[] {0, 0.4, 1.2 - gKw / 1000},
        new double[] {0, 0, 0.9}).v[2];
  }

  /** The congested example: 10 AC violations without correction, none with it, at a small cost. */
  @Test
  void theCongestedExamplePassesTheAcCheckAtASmallCost() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-congested", "scenario.yaml");
    Scenario s = ScenarioLoader.load(file);
    DispatchResult plain = LinDistFlowDispatch.solve(s);

    AcCorrection.Outcome<DispatchResult> out = corrected(s);

    assertThat(out.result().status()).isEqualTo(DispatchStatus.OPTIMAL);
    assertThat(out.violationsPerSolve().get(0)).isEqualTo(10);
    assertThat(out.passed()).as(out.describe()).isTrue();
    assertThat(out.solves()).isLessThanOrEqualTo(AcCorrection.MAX_SOLVES);
    assertThat(out.check().orElseThrow().vmin().orElseThrow().pu()).isGreaterThanOrEqualTo(0.95 - AcCheck.VOLTAGE_TOLERANCE_PU);
    double cost = out.result().optimal().objective();
    double base = plain.optimal().objective();
    assertThat(cost).isGreaterThanOrEqualTo(base - 1e-6 * base);
    assertThat((cost - base) / base).isLessThan(1e-3);
    System.out.printf("congested example: %s; cost %.2f against %.2f%n", out.describe(), cost, base);
  }

  /** The central clearing corrects unless the scenario turns it off (network.ac_correction: false). */
  @Test
  void theCentralClearingCorrectsUnlessTheScenarioTurnsItOff(@TempDir Path dir) throws IOException {
    Path example = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-congested");
    String yaml = Files.readString(example.resolve("scenario.yaml"))
        .replace("../feeders/case33bw.m", example.resolve("../feeders/case33bw.m").normalize().toString())
        .replace("network:\n", "network:\n  ac_correction: false\n");
    Files.copy(example.resolve("profiles.csv"), dir.resolve("profiles.csv"));
    Files.writeString(dir.resolve("scenario.yaml"), yaml);

    CooperativeDay plain = CooperativeDay.solve(ScenarioLoader.load(dir.resolve("scenario.yaml")));
    CooperativeDay corrected = CooperativeDay.solve(ScenarioLoader.load(example.resolve("scenario.yaml")));

    assertThat(plain.acCheck().orElseThrow().violations()).hasSize(10);
    assertThat(plain.dispatch().message()).doesNotContain("AC-corrected");
    assertThat(corrected.acCheck().orElseThrow().violations()).isEmpty();
    assertThat(corrected.acCheck().orElseThrow().converged()).isTrue();
    // The correction was needed (more than one solve), and took no more than the 4 solves it took when
    // the LP was solved with GLOP's primal simplex: how many depends on which of the tied optimal
    // schedules the simplex stops at (the dual simplex, used since, corrects this day in 2).
    Matcher solves = Pattern.compile("AC-corrected: (\\d+) solves")
        .matcher(corrected.dispatch().message());
    assertThat(solves.find()).as(corrected.dispatch().message()).isTrue();
    assertThat(Integer.parseInt(solves.group(1))).isBetween(2, 4);
  }

  /** The main example passes the AC check as it is cleared by default. */
  @Test
  void theBundledExampleHasNoAcViolationByDefault() {
    CooperativeDay day = CooperativeDay.solve(ScenarioLoader.load(
        Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community", "scenario.yaml")));
    assertThat(day.scenario().network().acCorrection()).isTrue();
    assertThat(day.acCheck().orElseThrow().violations()).isEmpty();
  }
}
