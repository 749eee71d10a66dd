package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/** A schedule given from outside is completed exactly as the LP had it, and refused when it is not the scenario's. */
class DayAheadScheduleTest {
  @TempDir Path dir;

  @Test
  void flowsVoltagesGridExchangeAndSettlementFollowFromTheScheduleAlone() {
    Scenario s = RealtimeScenarios.ieee33(dir);
    DayAhead lp = RealtimeScenarios.dayAhead(s);
    DispatchSolution rebuilt = DayAheadSchedule.of(s, lp.schedule().schedules(), lp.schedule().prices(), "test");
    for (int t = 0; t < 24; t++) {
      assertThat(rebuilt.gridImportKw().get(t)).isCloseTo(lp.schedule().gridImportKw().get(t), within(DELTA_KW));
      assertThat(rebuilt.gridExportKw().get(t)).isCloseTo(lp.schedule().gridExportKw().get(t), within(DELTA_KW));
      for (int k = 0; k < 33; k++) {
        assertThat(rebuilt.network().flowKw().get(t, k)).isCloseTo(lp.schedule().network().flowKw().get(t, k),
            within(DELTA_KW));
        assertThat(rebuilt.network().voltagePu().get(t, k)).isCloseTo(lp.schedule().network().voltagePu().get(t, k),
            within(1e-7));
      }
    }
    DayAhead settled = DayAhead.settle(s, rebuilt, "test");
    assertThat(settled.settlement().dsoSurplus()).isCloseTo(lp.settlement().dsoSurplus(), within(DELTA_MONEY));
    assertThat(settled.settlement().totalCost()).isCloseTo(lp.settlement().totalCost(), within(DELTA_MONEY));
  }

  @Test
  void aScheduleThatDoesNotBalanceWithTheForecastIsRefused() {
    Scenario s = RealtimeScenarios.load(dir, "toy.yaml", RealtimeScenarios.TOY);
    DayAhead lp = RealtimeScenarios.dayAhead(s);
    List<ParticipantSchedule> schedules = new ArrayList<>(lp.schedule().schedules());
    ParticipantSchedule b3 = schedules.get(1);
    double[] more = b3.importKw().values();
    more[2] += 5;
    schedules.set(1, new ParticipantSchedule(b3.id(), new TimeSeries(more), b3.exportKw(), b3.chargeKw(),
        b3.dischargeKw(), b3.socKwh(), b3.shiftedKw(), b3.generationKw(), b3.curtailedKw()));
    assertThatThrownBy(() -> DayAheadSchedule.of(s, schedules, lp.schedule().prices(), "dir"))
        .hasMessageStartingWith("dir: B3 in interval 2: the schedule's import − export")
        .hasMessageEndingWith("was this folder cleared from another scenario?");
  }
}
