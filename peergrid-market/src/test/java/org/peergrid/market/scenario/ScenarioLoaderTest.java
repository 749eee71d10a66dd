package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.testing.WorkedExamples;

class ScenarioLoaderTest {
  @TempDir Path dir;

  private static final String FULL_YAML = """
      version: 1
      name: toy-community
      currency: INR
      network:
        matpower: toy3.m
        vmin_pu: 0.9
        vmax_pu: 1.1
        root_voltage_pu: 1.02
        background_load: false
        background_profile: [0.6, 0.8, 1.0]
        branch_limit_kva: {"2-3": 2000}
      horizon:
        intervals: 3
        interval_minutes: 15
      tariff:
        import: [4.0, 5.0, 6.0]
        export: 2.5
      participants:
        - id: B01
          type: building
          bus: 2
          load_kw: {csv: profiles.csv, column: B01}
          power_factor: 0.9
          pv_kw: [0, 1.5, 3]
          wind_kw: 0.5
          battery:
            capacity_kwh: 40
            charge_kw: 10
            discharge_kw: 8
            efficiency_charge: 0.95
            efficiency_discharge: 0.9
            soc_min: 0.1
            soc_max: 0.9
            soc_initial: 0.5
            degradation_cost_per_kwh: 0.02
          shiftable:
            energy_kwh: 2
            window: [1, 3]
            max_kw: 4
        - id: DG1
          type: generator
          bus: 3
          min_kw: 1
          max_kw: 300
          cost_per_kwh: 6.5
        - id: CB1
          type: community_battery
          bus: 3
          capacity_kwh: 500
          charge_kw: 150
          discharge_kw: 150
          efficiency_charge: 0.95
          efficiency_discharge: 0.95
          soc_min: 0.1
          soc_max: 0.9
          soc_initial: 0.5
      """;

  private static final String FULL_JSON = """
      {"version": 1, "name": "toy-community", "currency": "INR",
       "network": {"matpower": "toy3.m", "vmin_pu": 0.9, "vmax_pu": 1.1, "root_voltage_pu": 1.02,
                   "background_load": false, "background_profile": [0.6, 0.8, 1.0],
                   "branch_limit_kva": {"2-3": 2000}},
       "horizon": {"intervals": 3, "interval_minutes": 15},
       "tariff": {"import": [4.0, 5.0, 6.0], "export": 2.5},
       "participants": [
         {"id": "B01", "type": "building", "bus": 2, "load_kw": {"csv": "profiles.csv", "column": "B01"},
          "power_factor": 0.9, "pv_kw": [0, 1.5, 3], "wind_kw": 0.5,
          "battery": {"capacity_kwh": 40, "charge_kw": 10, "discharge_kw": 8, "efficiency_charge": 0.95,
                      "efficiency_discharge": 0.9, "soc_min": 0.1, "soc_max": 0.9, "soc_initial": 0.5,
                      "degradation_cost_per_kwh": 0.02},
          "shiftable": {"energy_kwh": 2, "window": [1, 3], "max_kw": 4}},
         {"id": "DG1", "type": "generator", "bus": 3, "min_kw": 1, "max_kw": 300, "cost_per_kwh": 6.5},
         {"id": "CB1", "type": "community_battery", "bus": 3, "capacity_kwh": 500, "charge_kw": 150,
          "discharge_kw": 150, "efficiency_charge": 0.95, "efficiency_discharge": 0.95, "soc_min": 0.1,
          "soc_max": 0.9, "soc_initial": 0.5}]}
      """;

  private static final String MINIMAL = """
      network: {matpower: toy3.m}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: 10}
      """;

  private Scenario loadYaml(String text) {
    return ScenarioLoader.load(WorkedExamples.write(dir, "s.yaml", text));
  }

  private void csv() {
    WorkedExamples.write(dir, "profiles.csv", "time,B01,B02\n0,12.5,1\n1,11.0,2\n2,10.25,3\n");
  }

  @Test
  void readsEveryKeyOfTheDocumentedFormat() {
    csv();
    Scenario s = loadYaml(FULL_YAML);
    assertThat(s.name()).isEqualTo("toy-community");
    assertThat(s.currency()).isEqualTo("INR");
    assertThat(s.horizon()).isEqualTo(new Horizon(3, 15));
    assertThat(s.horizon().hours()).isEqualTo(0.25);
    assertThat(s.network().rootVoltagePu()).isEqualTo(1.02);
    assertThat(s.network().backgroundLoad()).isFalse();
    assertThat(s.network().backgroundProfile().values()).containsExactly(0.6, 0.8, 1.0);
    assertThat(s.network().limitKvaInto(s.network().radial().indexOf(3))).hasValue(2000);
    assertThat(s.network().limitKvaInto(s.network().radial().indexOf(2))).isEmpty();
    assertThat(s.tariff().importPrice().values()).containsExactly(4.0, 5.0, 6.0);
    assertThat(s.tariff().exportPrice().values()).containsExactly(2.5, 2.5, 2.5);
    Building b = (Building) s.participants().get(0);
    assertThat(b.loadKw().values()).containsExactly(12.5, 11.0, 10.25);
    assertThat(b.windKw().values()).containsExactly(0.5, 0.5, 0.5);
    assertThat(b.battery()).contains(new BatterySpec(40, 10, 8, 0.95, 0.9, 0.1, 0.9, 0.5, 0.02));
    assertThat(b.shiftable()).contains(new ShiftableLoad(2, 1, 3, 4));
    assertThat(s.participants().get(1)).isEqualTo(new DistributedGenerator("DG1", 3, 1, 300, 6.5));
    assertThat(s.participants().get(2))
        .isEqualTo(new CommunityBattery("CB1", 3, new BatterySpec(500, 150, 150, 0.95, 0.95, 0.1, 0.9, 0.5, 0)));
  }

  @Test
  void jsonWithTheSameKeysGivesTheSameScenario() {
    csv();
    Scenario yaml = loadYaml(FULL_YAML);
    Scenario json = ScenarioLoader.load(WorkedExamples.write(dir, "s.json", FULL_JSON));
    assertThat(json.participants()).isEqualTo(yaml.participants());
    assertThat(json.tariff()).isEqualTo(yaml.tariff());
    assertThat(json.horizon()).isEqualTo(yaml.horizon());
    assertThat(json.network().branchLimitKva()).isEqualTo(yaml.network().branchLimitKva());
    assertThat(json.network().backgroundProfile()).isEqualTo(yaml.network().backgroundProfile());
  }

  @Test
  void appliesTheDocumentedDefaults() {
    Scenario s = loadYaml(MINIMAL);
    assertThat(s.name()).isEqualTo("s");
    assertThat(s.horizon()).isEqualTo(new Horizon(24, 60));
    assertThat(s.network().vminPu()).isEqualTo(0.95);
    assertThat(s.network().vmaxPu()).isEqualTo(1.05);
    assertThat(s.network().rootVoltagePu()).isEqualTo(1.0);
    assertThat(s.network().backgroundLoad()).isTrue();
    assertThat(s.network().backgroundProfile()).isEqualTo(TimeSeries.constant(1, 24));
    Building b = s.buildings().get(0);
    assertThat(b.powerFactor()).isEqualTo(0.95);
    assertThat(b.pvKw()).isEqualTo(TimeSeries.constant(0, 24));
    assertThat(b.windKw()).isEqualTo(TimeSeries.constant(0, 24));
    assertThat(b.battery()).isEmpty();
    assertThat(b.shiftable()).isEmpty();
  }

  @Test
  void readsAllWorkedExamples() {
    for (int i = 1; i <= 6; i++) {
      assertThat(WorkedExamples.example(i).participants()).isNotEmpty();
    }
    assertThat(WorkedExamples.example(2).horizon().hours()).isEqualTo(0.5);
  }

  private void assertRefused(String text, String message) {
    assertThatThrownBy(() -> loadYaml(text)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void unknownKeyIsRefusedWithItsPathLineAndTheKeyMeant() {
    String text = MINIMAL.replace("- {id: B2, type: building, bus: 2, load_kw: 10}", """
        - {id: B2, type: building, bus: 2, load_kw: 10}
          - {id: B3, type: building, bus: 3, load_kw: 10}
          - id: B4
            type: building
            bus: 3
            load_kw: 1
            battery:
              capcity_kwh: 40
        """);
    assertThatThrownBy(() -> loadYaml(text)).isInstanceOf(ValidationException.class)
        .hasMessage(dir.resolve("s.yaml") + ":11: participants[2].battery.capcity_kwh: unknown key; "
            + "did you mean capacity_kwh?");
  }

  @Test
  void unknownTopLevelKeyListsTheAllowedKeysWhenNothingIsClose() {
    assertRefused(MINIMAL + "flavour: sweet\n", dir.resolve("s.yaml") + ":5: flavour: unknown key; allowed keys are "
        + "bargaining, currency, horizon, name, network, nuc, participants, realtime, run, tariff, uncertainty, version");
  }

  @Test
  void seriesOfTheWrongLengthNamesParticipantAndKey() {
    String text = MINIMAL.replace("load_kw: 10", "load_kw: [1, 2, 3]");
    assertRefused(text, dir.resolve("s.yaml") + ":4: participants[0].load_kw: participant B2: load_kw has 3 values; "
        + "it needs one per interval (24, horizon.intervals)");
  }

  @Test
  void csvSeriesOfTheWrongLengthNamesParticipantKeyAndColumn() {
    csv();
    String text = MINIMAL.replace("load_kw: 10", "load_kw: {csv: profiles.csv, column: B02}");
    assertThatThrownBy(() -> loadYaml(text)).hasMessageContaining(
        "participants[0].load_kw: participant B2: load_kw has 3 rows in column B02 of profiles.csv");
  }

  @Test
  void missingCsvColumnListsTheColumns() {
    csv();
    String text = MINIMAL.replace("load_kw: 10", "load_kw: {csv: profiles.csv, column: B09}");
    assertThatThrownBy(() -> loadYaml(text)).hasMessageContaining(
        "participants[0].load_kw.csv: column \"B09\" is not in profiles.csv; its columns are time, B01, B02");
  }

  @Test
  void busThatTheFeederLacksIsRefused() {
    assertRefused(MINIMAL.replace("bus: 2", "bus: 7"), dir.resolve("s.yaml")
        + ":4: participants[0].bus: bus 7 does not exist in feeder toy3; use a MATPOWER bus number of the case");
  }

  @Test
  void typeErrorsNameTheKeyPath() {
    assertRefused(MINIMAL.replace("load_kw: 10", "load_kw: lots"), dir.resolve("s.yaml")
        + ":4: participants[0].load_kw: expected a number, a list with one value per interval, or "
        + "{csv: FILE, column: NAME}, got text \"lots\"");
    assertRefused(MINIMAL.replace("bus: 2", "bus: 2.5"),
        dir.resolve("s.yaml") + ":4: participants[0].bus: expected a whole number, got 2.5");
    assertRefused(MINIMAL.replace("{import: 5,", "{import: [5, x],"),
        dir.resolve("s.yaml") + ":2: tariff.import[1]: expected a number, got text \"x\"");
  }

  @Test
  void recordChecksAreAttributedToTheKeyPath() {
    String text = MINIMAL.replace("load_kw: 10}", "load_kw: 10, battery: {capacity_kwh: 4, charge_kw: 1, "
        + "discharge_kw: 1, efficiency_charge: 1, efficiency_discharge: 1, soc_min: 0.2, soc_max: 0.9, soc_initial: 0.1}}");
    assertRefused(text, dir.resolve("s.yaml")
        + ":4: participants[0].battery: soc_initial 0.1 must lie within [soc_min, soc_max] = [0.2, 0.9]");
    assertRefused(MINIMAL.replace("export: 2", "export: 6"), dir.resolve("s.yaml")
        + ":2: tariff: export price 6.0 is above the import price 5.0 in interval 0; the utility never buys above "
        + "its selling price");
  }

  @Test
  void otherMistakesAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("type: building", "type: bulding")))
        .hasMessageContaining("participants[0].type: unknown participant type \"bulding\"; did you mean building?");
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("{matpower: toy3.m}",
        "{matpower: toy3.m, branch_limit_kva: {\"1-3\": 100}}")))
        .hasMessageContaining("network.branch_limit_kva.1-3: the feeder has no in-service branch between buses 1 and 3");
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("toy3.m", "nowhere.m")))
        .hasMessageContaining("network.matpower: MATPOWER case").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> loadYaml(MINIMAL + "tariff: {import: 1, export: 1}\n"))
        .hasMessageContaining(":5: tariff: duplicate key");
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("participants:", "participantz:")))
        .hasMessageContaining("participantz: unknown key; did you mean participants?");
    assertThatThrownBy(() -> loadYaml(MINIMAL + "  - {id: B2, type: generator, bus: 3, max_kw: 1, cost_per_kwh: 1}\n"))
        .hasMessageContaining("participant id B2 is used twice");
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("load_kw: 10}", "load_kw: 10, shiftable: "
        + "{energy_kwh: 1, window: [20, 25], max_kw: 1}}")))
        .hasMessageContaining("participants[0].shiftable.window: the window ends at 25, after the horizon's 24 intervals");
  }

  /** network.ac_correction: off unless the scenario says so (pinned figures stay), and a typo is still refused. */
  @Test
  void acCorrectionIsOnUnlessTurnedOffAndTyposAreRefused() {
    assertThat(loadYaml(MINIMAL).network().acCorrection()).isTrue();
    assertThat(loadYaml(MINIMAL.replace("{matpower: toy3.m}", "{matpower: toy3.m, ac_correction: false}"))
        .network().acCorrection()).isFalse();
    assertThatThrownBy(() -> loadYaml(MINIMAL.replace("{matpower: toy3.m}", "{matpower: toy3.m, ac_corection: true}")))
        .hasMessageContaining("network.ac_corection: unknown key; did you mean ac_correction?");
  }
}
