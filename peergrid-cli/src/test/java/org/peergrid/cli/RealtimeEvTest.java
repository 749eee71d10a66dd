package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * {@code peergrid realtime} on the EV variant of the bundled example with sampled actuals: the EVs
 * are re-dispatched over the rest of the day like batteries (their past fixed in the day's LP),
 * with no forecast error of their own, and every car still leaves with its departure energy.
 */
class RealtimeEvTest {
  @TempDir Path out;

  @Test
  void evsAreRedispatchedAndLeaveWithTheirDepartureEnergy() throws Exception {
    Path example = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-community",
        "scenario-ev.yaml");
    PowerflowCommandTest.Run run = RealtimeCommandTest.realtime(example, out, "--sample-seed", "7");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("interval  24/24");

    Scenario s = ScenarioLoader.load(example);
    int nt = s.horizon().intervals();
    double hours = s.horizon().hours();
    List<CSVRecord> rows = ClearCommandTest.csv(out.resolve("schedule.csv"));
    assertThat(s.vehicles()).hasSize(6);
    for (ElectricVehicle ev : s.vehicles()) {
      double[] c = new double[nt];
      double[] d = new double[nt];
      double[] e = new double[nt];
      for (CSVRecord r : rows) {
        if (r.get("participant").equals(ev.id())) {
          int t = Integer.parseInt(r.get("interval"));
          c[t] = Double.parseDouble(r.get("charge_kw"));
          d[t] = Double.parseDouble(r.get("discharge_kw"));
          e[t] = Double.parseDouble(r.get("soc_kwh"));
        }
      }
      for (int t = 0; t < nt; t++) {
        if (!ev.pluggedIn(t, nt)) {
          assertThat(c[t] + d[t]).as(ev.id() + " away at " + t).isZero();
        }
      }
      // the realised energies follow from the realised charging along the session, past and re-solved alike
      double energy = ev.arrivalEnergyKwh();
      for (int k = 0; k < ev.sessionLength(nt); k++) {
        int t = ev.sessionInterval(k, nt);
        energy += ev.efficiency() * c[t] * hours - d[t] * hours / ev.efficiency();
        assertThat(e[t]).as(ev.id() + " energy at " + t).isCloseTo(energy, within(1e-4));
        assertThat(c[t]).isLessThanOrEqualTo(ev.chargeKw() + 1e-6);
      }
      assertThat(energy).as(ev.id() + " at departure").isGreaterThanOrEqualTo(ev.departureEnergyKwh() - 1e-4);
    }
    // the EVs settle their real-time deviation like everyone else
    List<CSVRecord> costs = ClearCommandTest.csv(out.resolve("realtime_costs.csv"));
    assertThat(costs.stream().filter(r -> r.get("participant").startsWith("EV-")).count()).isEqualTo(6);
  }
}
