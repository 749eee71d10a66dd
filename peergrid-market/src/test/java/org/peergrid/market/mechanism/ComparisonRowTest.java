package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ComparisonRowTest {
  private static ComparisonRow row(double savings, double generatorGain) {
    OptionalDouble s = OptionalDouble.of(savings);
    return new ComparisonRow(null, s, s, s, s, s, OptionalInt.of(0), s, s,
        List.of(new GeneratorProfit("G", 100 + generatorGain, 100)), 1);
  }

  @Test
  void theBestForBuildingsLeavesNoGeneratorWorseOff() {
    ComparisonRow fair = row(1_000, 0);
    ComparisonRow takesFromTheGenerator = row(5_000, -4_500);
    ComparisonRow lessButFair = row(900, 50);

    assertThat(takesFromTheGenerator.keepsGeneratorsWhole()).isFalse();
    assertThat(fair.keepsGeneratorsWhole()).isTrue();
    assertThat(ComparisonRow.bestForBuildings(List.of(takesFromTheGenerator, lessButFair, fair))).contains(fair);
    assertThat(ComparisonRow.bestForBuildings(List.of(takesFromTheGenerator))).isEmpty();
  }

  private static ComparisonRow split(String name, double savings, int worseOff, double minSaving) {
    OptionalDouble s = OptionalDouble.of(savings);
    return new ComparisonRow(MechanismOutcome.noSplit(name, "figures only"), s, s, s, OptionalDouble.of(minSaving),
        s, OptionalInt.of(worseOff), s, s, List.of(), 1);
  }

  /** Mechanisms that split the same saving tie; the fewest worse off, then the best-treated last building win. */
  @Test
  void tiesOnSavingsAreBrokenByWorseOffThenTheSmallestSaving() {
    ComparisonRow nash = split("nash", 2_000, 0, 10);
    ComparisonRow incentive = split("incentive", 2_000 + 1e-7, 2, -50);
    ComparisonRow lmp = split("lmp-sharing", 2_000 - 1e-7, 0, 40);
    ComparisonRow dlmp = split("dlmp", 1_500, 0, 100);

    List<ComparisonRow> rows = List.of(dlmp, nash, incentive, lmp);
    assertThat(ComparisonRow.tiedForBest(rows)).containsExactly(nash, incentive, lmp);
    assertThat(ComparisonRow.bestForBuildings(rows)).contains(lmp);
    assertThat(ComparisonRow.bestForBuildings(List.of(dlmp, split("more", 2_001, 3, -900)))).map(
        ComparisonRow::mechanism).contains("more");
  }
}
