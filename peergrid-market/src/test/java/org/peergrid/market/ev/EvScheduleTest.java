package org.peergrid.market.ev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.EvScenarios;

class EvScheduleTest {
  private final Scenario day = EvScenarios.community(0.9, 1.1, 0.3, 30, EvScenarios.threeEvs());

  @Test
  void theCentralScheduleDeliversEveryEvsEnergyByDeparture() {
    DispatchSolution sol = LinDistFlowDispatch.solve(day).optimal();
    for (ElectricVehicle ev : day.vehicles()) {
      EvDelivery.assertDelivered(ev, sol.schedule(ev.id()), EvScenarios.HOURS);
    }
  }

  @Test
  void anEvAloneChargesAtTheCheapestTariffHoursOfItsSession() {
    BaseCase base = BaseCase.of(day);
    for (ElectricVehicle ev : day.vehicles()) {
      DispatchSolution alone = LinDistFlowDispatch.solveAlone(day, ev).optimal();
      EvDelivery.assertDelivered(ev, alone.schedule(ev.id()), EvScenarios.HOURS);
    }
    // EV1: 30 kWh stored need 33.33 kWh drawn; hours 2–4 at 4 INR/kWh carry 3 × 7.4 = 22.2 kWh, the
    // remaining 11.13 kWh cost 6 INR/kWh.
    double drawn = 30 / 0.9;
    assertThat(base.cost("EV1")).isCloseTo(4 * 22.2 + 6 * (drawn - 22.2), within(1e-6));
    // EV3 (workplace 9–17): 20 kWh stored, 21.739 drawn, 22.2 kWh fit into 12–14 at 4 INR/kWh.
    assertThat(base.cost("EV3")).isCloseTo(4 * 20 / 0.92, within(1e-6));
  }

  @Test
  void everyMechanismSettlesEvsAgainstTheirBaseCost() {
    CooperativeDay cooperative = CooperativeDay.solve(day);
    for (MarketMechanism m : Mechanisms.all()) {
      ClearingResult r = cooperative.clearWith(m);
      assertThat(r.outcome().orElseThrow().status()).as(m.name()).isEqualTo(SettlementStatus.SETTLED);
      var ids = r.settlement().orElseThrow().participants().stream().map(p -> p.participant()).toList();
      assertThat(ids).as(m.name()).contains("EV1", "EV2", "EV3");
    }
  }

  @Test
  void anUnreachableDepartureEnergyIsRefusedWithTheFix() {
    ElectricVehicle slow = new ElectricVehicle("SLOW", 10, 20, 22, 0, 40, 50, 7.4, 0.9, 0);
    assertThatThrownBy(() -> EvScenarios.community(0.9, 1.1, 0.3, 30, List.of(slow)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("SLOW: departure_energy_kwh 40.000 cannot be reached")
        .hasMessageContaining("at most 13.320 kWh")
        .hasMessageContaining("raise charge_kw");
  }

  private static final String EV_YAML = """
      network: {matpower: case33bw.m}
      horizon: {intervals: 24, interval_minutes: 60}
      tariff: {import: 6, export: 2}
      participants:
        - {id: B1, type: building, bus: 5, load_kw: 10}
        - {id: CAR, type: ev, bus: 5, arrival: 18, departure: %d, arrival_energy_kwh: 10,
           departure_energy_kwh: 30, capacity_kwh: 40, charge_kw: 7.4}
      """;

  @Test
  void theLoaderReadsAnOvernightSessionAndNamesTheKeyPathOfAnError() {
    Scenario ok = ScenarioLoader.parse(EV_YAML.formatted(7), false, EvScenarios.case33File().getParent(), "ev.yaml",
        "ev");
    ElectricVehicle car = ok.vehicles().get(0);
    assertThat(car.sessionLength(24)).isEqualTo(13);
    assertThat(car.efficiency()).isEqualTo(ElectricVehicle.DEFAULT_EFFICIENCY);
    assertThat(car.pluggedIn(23, 24)).isTrue();
    assertThat(car.pluggedIn(7, 24)).isFalse();
    assertThatThrownBy(() -> ScenarioLoader.parse(EV_YAML.formatted(18), false,
        EvScenarios.case33File().getParent(), "ev.yaml", "ev"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ev.yaml")
        .hasMessageContaining("participants[1]")
        .hasMessageContaining("departure must differ from arrival");
  }
}
