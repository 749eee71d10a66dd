package org.peergrid.market.basecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.testing.WorkedExamples;

/** Base costs of docs/WORKED_EXAMPLES.md: each building alone, no network. */
class BaseCaseTest {

  @Test
  void example1BuildingsBuyEverythingAtTheImportPrice() {
    BaseCase base = BaseCase.of(WorkedExamples.example(1));
    assertThat(base.cost("B2")).isCloseTo(2000, within(DELTA_MONEY));
    assertThat(base.cost("B3")).isCloseTo(6000, within(DELTA_MONEY));
    assertThat(base.total()).isCloseTo(8000, within(DELTA_MONEY));
  }

  @Test
  void example2IncludesTheOwnBatterysDegradation() {
    BaseCase base = BaseCase.of(WorkedExamples.example(2));
    assertThat(base.total()).isCloseTo(804.05, within(DELTA_MONEY));
    ParticipantSchedule alone = base.costs().get(0).result().optimal().schedule("B3");
    assertThat(alone.socKwh().values()).containsExactly(new double[] {45, 0}, within(DELTA_KW));
  }

  @Test
  void example4WithoutNetworkNothingIsCurtailed() {
    BaseCase base = BaseCase.of(WorkedExamples.example(4));
    assertThat(base.total()).isCloseTo(-3000, within(DELTA_MONEY));
    assertThat(base.costs().get(0).result().optimal().schedule("B3").curtailedKw().get(0)).isCloseTo(0, within(DELTA_KW));
  }

  @Test
  void example5BackgroundLoadIsNotTheBuildingsCost() {
    assertThat(BaseCase.of(WorkedExamples.example(5)).total()).isCloseTo(20, within(DELTA_MONEY));
  }

  @Test
  void example6ABuildingThatCoversItsLoadCostsNothing() {
    assertThat(BaseCase.of(WorkedExamples.example(6)).total()).isCloseTo(0, within(DELTA_MONEY));
  }
}
