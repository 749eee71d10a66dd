package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.api.ApiException;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.ThreePhaseExampleDay;

/**
 * A day whose scenario names a three-phase feeder (network.opendss, issue 19): the platform reads it with
 * the market's loader, so a mistake is refused with the scenario's line and key as {@code peergrid clear}
 * names them; the feeder's redirected scripts travel beside its master script (feeder_files), each a plain
 * file name.
 */
class ThreePhaseDayTest {
  private static final ScenarioFiles SERIES = ScenarioFiles.confinedTo(ThreePhaseExampleDay.folder(),
      ScenarioFiles.DEFAULT_MAX_BYTES);

  @Test
  void theIeee13ExampleIsReadAsAThreePhaseDayWithItsBusesAndPhases() {
    DayScenario day = DayScenario.parse("2025-06-02", ThreePhaseExampleDay.scenario(), ThreePhaseExampleDay.feeder(),
        ThreePhaseExampleDay.feederFiles(), SERIES);
    assertThat(day.isThreePhase()).isTrue();
    assertThat(day.horizon().intervals()).isEqualTo(24);
    assertThat(day.threePhase().orElseThrow().connection("B611c").bus()).isEqualTo("611");
    assertThat(day.threePhase().orElseThrow().connection("B611c").phasesText()).isEqualTo("[c]");
    assertThat(day.balanced()).isEmpty();
  }

  @Test
  void aBadPhaseIsRefusedNamingTheScenarioLineAndKey() {
    String scenario = ThreePhaseExampleDay.scenario().replace("phases: [c]\n    load_kw: {csv: profiles.csv, column: B611c",
        "phases: [x]\n    load_kw: {csv: profiles.csv, column: B611c");
    assertThat(scenario).isNotEqualTo(ThreePhaseExampleDay.scenario());
    assertThatThrownBy(() -> DayScenario.parse("d3", scenario, ThreePhaseExampleDay.feeder(),
        ThreePhaseExampleDay.feederFiles(), SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_SCENARIO))
        .hasMessageContaining("scenario of day d3:" + lineOf(scenario, "phases: [x]") + ": participants[0].phases[0]:"
            + " unknown phase \"x\"; write a, b or c");
  }

  @Test
  void aMissingRedirectedScriptIsRefusedNamingItAndTheOpendssLine() {
    assertThatThrownBy(() -> DayScenario.parse("d4", ThreePhaseExampleDay.scenario(), ThreePhaseExampleDay.feeder(), null,
        SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_SCENARIO))
        .hasMessageContaining("scenario of day d4:" + lineOf(ThreePhaseExampleDay.scenario(), "opendss:")
            + ": network.opendss: feeder.dss:46: file 'IEEELineCodes.dss' not found")
        .hasMessageContaining("feeder_files");
  }

  @Test
  void aFeederFileNameOutsideTheFeedersFolderIsRefused() {
    assertThatThrownBy(() -> DayScenario.parse("d5", ThreePhaseExampleDay.scenario(), ThreePhaseExampleDay.feeder(),
        "{\"../IEEELineCodes.dss\": \"\"}", SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_FIELD))
        .hasMessageContaining("feeder_files.../IEEELineCodes.dss: a plain file name");
  }

  @Test
  void aScriptNamingAFileOutsideTheRequestIsRefusedBeforeAnyIsRead() {
    String feeder = ThreePhaseExampleDay.feeder() + "\nRedirect ../../etc/passwd\n";
    int line = (int) feeder.lines().count();
    assertThatThrownBy(() -> DayScenario.parse("d8", ThreePhaseExampleDay.scenario(), feeder,
        ThreePhaseExampleDay.feederFiles(), SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_FIELD))
        .hasMessageContaining("feeder: line " + line + " names '../../etc/passwd': the server reads only the scripts"
            + " of the request");
    String shapes = "{\"shapes.dss\": \"New Loadshape.day npts=24 interval=1 mult=(file=/etc/hostname)\"}";
    assertThatThrownBy(() -> DayScenario.parse("d9", ThreePhaseExampleDay.scenario(), ThreePhaseExampleDay.feeder(),
        shapes, SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_FIELD))
        .hasMessageContaining("feeder_files.shapes.dss: line 1 names '/etc/hostname'");
    String compile = ThreePhaseExampleDay.feeder().replace("redirect IEEELineCodes.dss", "Compile \"/tmp/x.dss\"");
    assertThatThrownBy(() -> DayScenario.parse("d10", ThreePhaseExampleDay.scenario(), compile,
        ThreePhaseExampleDay.feederFiles(), SERIES))
        .hasMessageContaining("feeder: line 46 names '/tmp/x.dss'");
  }

  @Test
  void aRedirectAfterABlockCommentCannotLeaveTheRequestsScriptsEither() {
    // the line-by-line check above reads a line as its text starts; the reader drops a /* */ comment first,
    // so this redirect reaches the reader, which refuses any file outside the day's own folder
    String feeder = ThreePhaseExampleDay.feeder() + "\n/* a comment */ Redirect ../../../../../../etc/passwd\n";
    assertThatThrownBy(() -> DayScenario.parse("d11", ThreePhaseExampleDay.scenario(), feeder,
        ThreePhaseExampleDay.feederFiles(), SERIES))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_SCENARIO))
        .hasMessageContaining("names a file outside the folder of the feeder's scripts")
        .hasMessageNotContaining("root:");
  }

  @Test
  void aMatpowerDayTakesNoFeederFiles() {
    assertThatThrownBy(() -> DayScenario.parse("d6", Community33.scenario(), Community33.feeder(), "{}",
        ScenarioFiles.none("inline only")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_FIELD))
        .hasMessageContaining("feeder_files: only a three-phase day (network.opendss)");
  }

  @Test
  void aThreePhaseScenarioInJsonNamesItsLineToo() {
    String scenario = "{\"version\": 1,\n \"network\": {\"opendss\": \"feeder.dss\", \"matpower\": \"x.m\"},\n"
        + " \"participants\": []}";
    assertThatThrownBy(() -> DayScenario.parse("d2", scenario, "", null, ScenarioFiles.none("inline only")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("scenario of day d2:2: network.matpower")
        .hasMessageContaining("a network is either a MATPOWER case or an OpenDSS feeder");
  }

  @Test
  void anInfeasibleThreePhaseDayBlamesTheOfferItClearsWithoutByItsBusName() {
    org.peergrid.market.scenario.ThreePhaseScenario day = DayScenario.parse("d7", ThreePhaseExampleDay.scenario(),
        ThreePhaseExampleDay.feeder(), ThreePhaseExampleDay.feederFiles(), SERIES).threePhase().orElseThrow();
    java.util.List<org.peergrid.market.scenario.Building> offers = new java.util.ArrayList<>();
    for (org.peergrid.market.scenario.Building b : day.buildings()) {
      // B611c asks 900 kW all day on its one phase (c) at the feeder's end; the others offer their profiles
      offers.add(!b.id().equals("B611c") ? b : new org.peergrid.market.scenario.Building(b.id(), b.bus(),
          org.peergrid.market.scenario.TimeSeries.constant(900, 24), b.powerFactor(), b.pvKw(), b.windKw(),
          java.util.Optional.empty(), java.util.Optional.empty()));
    }
    java.util.Map<String, String> receipts = new java.util.HashMap<>();
    offers.forEach(b -> receipts.put(b.id(), "r-" + b.id()));
    org.peergrid.market.scenario.ThreePhaseScenario all = DayScenario.withOffers(day, offers);
    assertThat(new org.peergrid.market.threephase.ThreePhaseDayClearing(all,
        org.peergrid.market.threephase.ThreePhaseDayClearing.model(all)).clear().optimal()).as("with every offer")
        .isFalse();
    InfeasibleOffers.Diagnosis d = InfeasibleOffers.diagnose(day, offers, receipts);
    assertThat(d.blamed()).extracting(InfeasibleOffers.Blamed::participant).containsExactly("B611c");
    assertThat(d.blamed().get(0).bus()).isEqualTo("611");
    assertThat(d.blamed().get(0).alone()).isTrue();
    assertThat(d.summary()).contains("the day clears without this offer: B611c at bus 611 (peak 900 kW, receipt r-B611c)");
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in the scenario");
  }
}
