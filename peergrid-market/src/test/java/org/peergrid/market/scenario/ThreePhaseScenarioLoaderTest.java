package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.nuc.NucMethod;
import org.peergrid.market.nuc.NucSettings;

/** Scenarios on an OpenDSS feeder: what {@code network.opendss} and {@code phases} accept and refuse. */
class ThreePhaseScenarioLoaderTest {
  private static final Path IEEE13 = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "opendss",
      "ieee13", "IEEE13Nodeckt.dss");

  @TempDir Path dir;

  private Path write(String network, String participant, String extra) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, String.join("\n",
        "network: {" + network + "}",
        "horizon: {intervals: 2}",
        "tariff: {import: [0.2, 0.3], export: 0.05}",
        "participants:",
        "  - " + participant,
        extra,
        ""));
    return file;
  }

  private Path write(String participant) throws IOException {
    return write("opendss: " + IEEE13, participant, "");
  }

  @Test
  void readsBusesAndPhases() throws IOException {
    Path file = write("opendss: " + IEEE13 + ", unbalance_pu: 0.03", "{id: H1, type: building, bus: 611,"
        + " phases: [c], load_kw: 5, pv_kw: [0, 4]}",
        "  - {id: H2, type: building, bus: \"675\", load_kw: 9}\n  - {id: G, type: generator, bus: 684, phases: [a, c],"
        + " max_kw: 50, cost_per_kwh: 0.2}");
    assertThat(ScenarioLoader.isThreePhase(file)).isTrue();
    ThreePhaseScenario s = ScenarioLoader.loadThreePhase(file);
    assertThat(s.connection("H1")).isEqualTo(new PhaseConnection("611", List.of(3)));
    assertThat(s.connection("H2")).isEqualTo(new PhaseConnection("675", List.of(1, 2, 3)));
    assertThat(s.connection("G").phasesText()).isEqualTo("[a, c]");
    assertThat(s.network().unbalancePu()).isEqualTo(0.03);
    assertThat(s.network().vminPu()).isEqualTo(NetworkSettings.DEFAULT_VMIN_PU);
    assertThat(s.participants()).hasSize(3);
  }

  @Test
  void refusesAnUnknownBusNamingTheLineAndAnExample() throws IOException {
    Path file = write("{id: H1, type: building, bus: 999, phases: [a], load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(file)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":5: participants[0].bus: bus \"999\" does not exist in feeder")
        .hasMessageContaining("use a bus name of its OpenDSS script");
  }

  @Test
  void refusesAPhaseTheBusDoesNotHave() throws IOException {
    Path file = write("{id: H1, type: building, bus: 611, phases: [a], load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(file)).isInstanceOf(ValidationException.class)
        .hasMessageContaining(":5: participants[0].phases")
        .hasMessageContaining("bus 611 has no phase a; its phases are [c]");
  }

  @Test
  void aBusWithoutThreePhasesNeedsThePhasesKey() throws IOException {
    Path file = write("{id: H1, type: building, bus: 645, load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(file)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("bus 645 has phases [b, c] only; without phases a participant is three-phase: add"
            + " phases: [b]");
  }

  @Test
  void refusesUnknownPhaseWordsAndNodeNotation() throws IOException {
    Path word = write("{id: H1, type: building, bus: 675, phases: [x], load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(word)).hasMessageContaining("unknown phase \"x\"; write a, b or c");
    Path dotted = write("{id: H1, type: building, bus: 675.1, load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(dotted))
        .hasMessageContaining("write the bus without nodes (\"675\") and its phases in phases:");
  }

  @Test
  void refusesPhasesOnAMatpowerFeederAndMixedNetworks() throws IOException {
    Path matpower = write("matpower: " + Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders",
        "case33bw.m"), "{id: H1, type: building, bus: 5, phases: [a], load_kw: 5}", "");
    assertThatThrownBy(() -> ScenarioLoader.load(matpower))
        .hasMessageContaining("participants[0].phases: phases are for a three-phase feeder (network.opendss)");
    Path both = write("opendss: " + IEEE13 + ", matpower: x.m", "{id: H1, type: building, bus: 675, load_kw: 5}", "");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(both))
        .hasMessageContaining("network.matpower: a network is either a MATPOWER case or an OpenDSS feeder");
    Path root = write("opendss: " + IEEE13 + ", root_voltage_pu: 1.02", "{id: H1, type: building, bus: 675, load_kw: 5}",
        "");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(root)).hasMessageContaining("network.root_voltage_pu: only a"
        + " MATPOWER network has this key");
  }

  @Test
  void commandsThatCannotClearItSaySoAndWhatIsNotYetThereIsRefused() throws IOException {
    Path file = write("{id: H1, type: building, bus: 675, load_kw: 5}");
    assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(file + ":1: network.opendss: this command does not run on a three-phase feeder yet;"
            + " peergrid clear, compare, run, uncertainty and realtime do");
    Path uncertainty = write("opendss: " + IEEE13, "{id: H1, type: building, bus: 675, load_kw: 5}",
        "uncertainty: {random: [load], load: {cv: 0.15}}\nrun: {uncertainty: {method: mc, samples: 50, seed: 3}}");
    ThreePhaseScenario read = ScenarioLoader.loadThreePhase(uncertainty);
    assertThat(read.uncertainty().of("H1").load().cv()).isEqualTo(0.15);
    assertThat(read.stages().uncertainty().orElseThrow().samples()).isEqualTo(50);
    Path realtimeStage = write("opendss: " + IEEE13, "{id: H1, type: building, bus: 675, load_kw: 5}",
        "run: {realtime: {sample_seed: 4}}");
    // the real-time stage of peergrid run runs on three-phase feeders: the block is read
    assertThat(ScenarioLoader.loadThreePhase(realtimeStage).stages().realtime().orElseThrow().sampleSeed())
        .hasValue(4L);
    // p2p-nuc runs on three-phase feeders: the nuc block is read, its errors named with file, line and key
    Path nuc = write("opendss: " + IEEE13, "{id: H1, type: building, bus: 675, load_kw: 5}",
        "nuc: {max_iterations: 5, method: loss-sensitivity}");
    assertThat(ScenarioLoader.loadThreePhase(nuc).participants()).hasSize(1);
    assertThat(NucSettings.of(nuc).maxIterations()).isEqualTo(5);
    assertThat(NucSettings.of(nuc).method()).isEqualTo(NucMethod.LOSS_SENSITIVITY);
    Path badNuc = write("opendss: " + IEEE13, "{id: H1, type: building, bus: 675, load_kw: 5}",
        "nuc: {max_iterations: 5, method: nearest}");
    assertThat(ScenarioLoader.loadThreePhase(badNuc).participants()).hasSize(1);
    assertThatThrownBy(() -> NucSettings.of(badNuc)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(badNuc.toString()).hasMessageContaining("nuc.method: unknown method \"nearest\"");
    // an EV on one phase, as a home charger is connected
    Path ev = write("{id: E1, type: ev, bus: 675, phases: [b], arrival: 0, departure: 1, arrival_energy_kwh: 1,"
        + " departure_energy_kwh: 1, capacity_kwh: 10, charge_kw: 3}");
    ThreePhaseScenario withEv = ScenarioLoader.loadThreePhase(ev);
    assertThat(withEv.participants().get(0)).isInstanceOf(ElectricVehicle.class);
    assertThat(withEv.connection("E1").nodes()).containsExactly(2);
    Path badPhase = write("{id: E1, type: ev, bus: 675, phases: [d], arrival: 0, departure: 1,"
        + " arrival_energy_kwh: 1, departure_energy_kwh: 1, capacity_kwh: 10, charge_kw: 3}");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(badPhase)).hasMessageStartingWith(badPhase.toString())
        .hasMessageContaining("unknown phase \"d\"");
  }

  @Test
  void readsLineLimitsAndRefusesUnknownLines() throws IOException {
    Path ok = write("opendss: " + IEEE13 + ", line_limit_a: {\"Line.684611\": 70, \"650632\": 600}",
        "{id: H1, type: building, bus: 675, load_kw: 5}", "");
    assertThat(ScenarioLoader.loadThreePhase(ok).network().lineLimitAmps())
        .containsEntry("line.684611", 70.0).containsEntry("line.650632", 600.0);
    Path unknown = write("opendss: " + IEEE13 + ", line_limit_a: {\"Line.nowhere\": 70}",
        "{id: H1, type: building, bus: 675, load_kw: 5}", "");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(unknown))
        .hasMessageContaining("network.line_limit_a.Line.nowhere: the feeder has no line Line.nowhere");
    Path zero = write("opendss: " + IEEE13 + ", line_limit_a: {\"Line.684611\": 0}",
        "{id: H1, type: building, bus: 675, load_kw: 5}", "");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(zero)).hasMessageContaining("positive number of amperes");
  }

  @Test
  void aMissingScriptIsNamed() throws IOException {
    Path file = write("opendss: nowhere.dss", "{id: H1, type: building, bus: 675, load_kw: 5}", "");
    assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(file))
        .hasMessageContaining("network.opendss: OpenDSS script").hasMessageContaining("nowhere.dss does not exist");
  }
}
