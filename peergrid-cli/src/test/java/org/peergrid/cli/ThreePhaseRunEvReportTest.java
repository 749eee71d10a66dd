package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.cli.ClearCommandTest.csv;
import static org.peergrid.cli.ClearCommandTest.header;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * {@code peergrid run} on a three-phase scenario with EVs ({@link ThreePhaseExample#withEvs}, at the shipped
 * V^min 0.96): the report's <i>Electric vehicles</i> section and ev_energy.csv in a MATPOWER run's format
 * (RunEvReportTest), and neither without EVs. {@code --no-stages}: the section belongs to the day ahead.
 */
class ThreePhaseRunEvReportTest {
  @TempDir Path dir;

  @Test
  void theRunReportsEveryEvsEnergyWithinItsSessionAndLimits() throws Exception {
    Path file = ThreePhaseExample.withEvs(dir, "0.96");
    ThreePhaseScenario scenario = ScenarioLoader.loadThreePhase(file);
    Path out = dir.resolve("run");
    Run run = PowerflowCommandTest.run("run", file.toString(), "--no-stages", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<h2 id=\"evs\">Electric vehicles</h2>", "href=\"ev_energy.csv\"");
    BufferedImage image = ImageIO.read(out.resolve("ev_energy.png").toFile());
    assertThat(image.getWidth()).isEqualTo(1300);
    assertThat(image.getHeight()).isEqualTo(380);

    assertThat(header(out.resolve("ev_energy.csv")))
        .isEqualTo("interval,end_h,ev,bus,plugged_in,charge_kw,v2g_kw,energy_kwh,departs,departure_energy_kwh");
    List<CSVRecord> rows = csv(out.resolve("ev_energy.csv"));
    int n = scenario.horizon().intervals();
    assertThat(scenario.vehicles()).hasSize(2);
    assertThat(rows).hasSize(n * 2);
    // the energies are the day's schedule, as schedule.csv has them
    Map<String, Double> soc = new HashMap<>();
    for (CSVRecord r : csv(out.resolve("schedule.csv"))) {
      if (!r.get("soc_kwh").isEmpty()) {
        soc.put(r.get("participant") + "/" + r.get("interval"), Double.parseDouble(r.get("soc_kwh")));
      }
    }
    for (ElectricVehicle ev : scenario.vehicles()) {
      List<CSVRecord> own = rows.stream().filter(r -> r.get("ev").equals(ev.id())).toList();
      assertThat(own).as(ev.id()).hasSize(n);
      for (int t = 0; t < n; t++) {
        CSVRecord r = own.get(t);
        assertThat(Integer.parseInt(r.get("interval"))).isEqualTo(t);
        assertThat(r.get("bus")).isEqualTo(scenario.connection(ev.id()).bus());
        double charge = Double.parseDouble(r.get("charge_kw"));
        double v2g = Double.parseDouble(r.get("v2g_kw"));
        double energy = Double.parseDouble(r.get("energy_kwh"));
        assertThat(energy).as(ev.id() + " at " + t).isCloseTo(soc.get(ev.id() + "/" + t), within(1e-6));
        assertThat(r.get("plugged_in")).as(ev.id() + " at " + t).isEqualTo(ev.pluggedIn(t, n) ? "1" : "0");
        if (ev.pluggedIn(t, n)) {
          assertThat(energy).as(ev.id() + " at " + t).isBetween(-1e-6, ev.capacityKwh() + 1e-6);
          assertThat(charge).isBetween(-1e-6, ev.chargeKw() + 1e-6);
          assertThat(v2g).isBetween(-1e-6, ev.v2gKw() + 1e-6);
        } else {
          assertThat(Math.abs(charge) + Math.abs(v2g) + Math.abs(energy)).as(ev.id() + " away at " + t)
              .isLessThan(1e-9);
        }
      }
      List<CSVRecord> departs = own.stream().filter(r -> r.get("departs").equals("1")).toList();
      assertThat(departs).as(ev.id()).hasSize(1);
      CSVRecord leaving = departs.get(0);
      assertThat(Integer.parseInt(leaving.get("interval"))).isEqualTo(Math.floorMod(ev.departure() - 1, n));
      assertThat(Double.parseDouble(leaving.get("departure_energy_kwh"))).isEqualTo(ev.departureEnergyKwh());
      assertThat(Double.parseDouble(leaving.get("energy_kwh"))).as(ev.id())
          .isGreaterThanOrEqualTo(ev.departureEnergyKwh() - 1e-6);
    }
  }

  @Test
  void aThreePhaseRunWithoutEvsHasNeitherTheSectionNorTheFile() throws Exception {
    Path out = dir.resolve("run");
    Run run = PowerflowCommandTest.run("run", ThreePhaseExample.SCENARIO.toString(), "--no-stages", "--out",
        out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("Electric vehicles");
    assertThat(out.resolve("ev_energy.csv")).doesNotExist();
    assertThat(out.resolve("ev_energy.png")).doesNotExist();
    assertThat(out.resolve("schedule.csv")).exists();
  }
}
