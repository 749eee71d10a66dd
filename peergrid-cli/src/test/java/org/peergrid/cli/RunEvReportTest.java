package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peergrid.cli.ClearCommandTest.csv;
import static org.peergrid.cli.ClearCommandTest.header;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** {@code peergrid run} on the EV example: the report's EV section, its chart and its CSV (issue 10). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunEvReportTest {
  static final Path OUT = Path.of("target", "run-ev-report");

  Run run;
  Scenario scenario;
  String html;
  List<CSVRecord> rows;

  @BeforeAll
  void runTheEvExample() throws Exception {
    Path file = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-community",
        "scenario-ev.yaml");
    scenario = ScenarioLoader.load(file);
    // --no-stages: the VC decomposition with EVs is VcCoopEvTest's; this test is about the day-ahead section.
    run = PowerflowCommandTest.run("run", file.toString(), "--out", OUT.toString(), "--no-stages");
    html = Files.readString(OUT.resolve("report.html"));
    rows = csv(OUT.resolve("ev_energy.csv"));
  }

  @Test
  void theReportHasAnEvSectionWithAChart() throws Exception {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(html).contains("<section id=\"evs\"><h2>Electric vehicles</h2>", "href=\"#evs\"",
        "href=\"ev_energy.csv\"");
    BufferedImage image = ImageIO.read(OUT.resolve("ev_energy.png").toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1300);
    assertThat(image.getHeight()).isEqualTo(380);
  }

  @Test
  void theCsvHasEveryEvInEveryIntervalAndItsSession() throws Exception {
    assertThat(header(OUT.resolve("ev_energy.csv")))
        .isEqualTo("interval,end_h,ev,bus,plugged_in,charge_kw,v2g_kw,energy_kwh,departs,departure_energy_kwh");
    assertThat(rows).hasSize(24 * 6);
    for (ElectricVehicle ev : scenario.vehicles()) {
      List<CSVRecord> own = rows.stream().filter(r -> r.get("ev").equals(ev.id())).toList();
      assertThat(own).hasSize(24);
      assertThat(own.stream().filter(r -> r.get("plugged_in").equals("1")).count()).as(ev.id())
          .isEqualTo(ev.sessionLength(24));
      for (CSVRecord r : own) {
        if (r.get("plugged_in").equals("0")) {
          assertThat(Double.parseDouble(r.get("charge_kw")) + Double.parseDouble(r.get("energy_kwh"))).isZero();
        }
      }
      // One departure row, in the session's last interval, holding at least the departure energy.
      List<CSVRecord> departs = own.stream().filter(r -> r.get("departs").equals("1")).toList();
      assertThat(departs).hasSize(1);
      assertThat(Integer.parseInt(departs.get(0).get("interval"))).isEqualTo(Math.floorMod(ev.departure() - 1, 24));
      assertThat(Double.parseDouble(departs.get(0).get("departure_energy_kwh"))).isEqualTo(ev.departureEnergyKwh());
      assertThat(Double.parseDouble(departs.get(0).get("energy_kwh"))).as(ev.id())
          .isGreaterThanOrEqualTo(ev.departureEnergyKwh() - 1e-6);
    }
  }

  @Test
  void evR07ChargesOnlyOvernight() {
    // Session 18 → 7: plugged in from interval 18 to interval 6 of the next morning.
    List<CSVRecord> own = rows.stream().filter(r -> r.get("ev").equals("EV-R07")).toList();
    assertThat(own.get(6).get("plugged_in")).isEqualTo("1");
    assertThat(own.get(7).get("plugged_in")).isEqualTo("0");
    assertThat(own.get(17).get("plugged_in")).isEqualTo("0");
    assertThat(own.get(18).get("plugged_in")).isEqualTo("1");
  }
}
