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
}
