package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * {@code peergrid clear} on examples/ieee13-3ph with two single-phase EV chargers added
 * ({@link ThreePhaseExample#withEvs}): the EVs' rows in schedule.csv and settlement.csv, each EV billed at
 * its own bus-phase's DLMP of phase_prices.csv, and a game (vc-coop) that admits them as on a MATPOWER feeder.
 */
class ClearThreePhaseEvTest {
  @TempDir Path dir;

  @Test
  void theDlmpClearingWritesTheEvsRowsAtTheirPhasesPrices() throws Exception {
    Path scenario = ThreePhaseExample.withEvs(dir, "0.96");
    Path out = dir.resolve("dlmp");
    PowerflowCommandTest.Run run = ClearCommandTest.clear(scenario, out, "--mechanism", "dlmp");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(ClearCommandTest.summary(out).get("ac_passed").asBoolean()).isTrue();
    Map<String, Double> dlmp = new HashMap<>();
    for (CSVRecord r : ClearCommandTest.csv(out.resolve("phase_prices.csv"))) {
      dlmp.put(r.get("interval") + "/" + r.get("bus") + "." + r.get("phase"), Double.parseDouble(r.get("dlmp")));
    }
    double[] bill = new double[2];
    List<String> ids = List.of("EV675b", "EV611c");
    List<String> places = List.of("675.b", "611.c");
    double charged = 0;
    for (CSVRecord r : ClearCommandTest.csv(out.resolve("schedule.csv"))) {
      int i = ids.indexOf(r.get("participant"));
      if (i < 0) {
        continue;
      }
      int t = Integer.parseInt(r.get("interval"));
      double net = Double.parseDouble(r.get("import_kw")) - Double.parseDouble(r.get("export_kw"));
      assertThat(net).isCloseTo(Double.parseDouble(r.get("charge_kw")) - Double.parseDouble(r.get("discharge_kw")),
          within(1e-8));
      assertThat(r.get("soc_kwh")).isNotEmpty();
      bill[i] += net * dlmp.get(t + "/" + places.get(i));
      charged += Double.parseDouble(r.get("charge_kw"));
    }
    // (40 − 12) / 0.92 + (32 − 20) / 0.92 kWh at least
    assertThat(charged).isGreaterThanOrEqualTo(40 / 0.92 - 1e-6);
    for (CSVRecord r : ClearCommandTest.csv(out.resolve("settlement.csv"))) {
      int i = ids.indexOf(r.get("participant"));
      if (i >= 0) {
        assertThat(Double.parseDouble(r.get("cost"))).as(r.get("participant")).isCloseTo(bill[i], within(1e-6));
        assertThat(r.get("base_cost")).isNotEmpty();
      }
    }
    assertThat(ClearCommandTest.csv(out.resolve("settlement.csv"))).extracting(r -> r.get("participant"))
        .contains("EV675b", "EV611c");
  }

  @Test
  void vcCoopAdmitsTheEvsAsOneMemberCommunities() throws Exception {
    Path out = dir.resolve("vc-coop");
    PowerflowCommandTest.Run run = ClearCommandTest.clear(ThreePhaseExample.withEvs(dir, "0.96"), out,
        "--mechanism", "vc-coop");
    assertThat(run.exit()).as(run.err()).isZero();
    List<CSVRecord> vcs = ClearCommandTest.csv(out.resolve("vcs.csv"));
    assertThat(vcs).filteredOn(r -> r.get("participant").startsWith("EV"))
        .extracting(r -> r.get("vc") + " " + r.get("type") + " " + r.get("bus") + " " + r.get("phases"))
        .containsExactlyInAnyOrder("VC-EV675b ev 675 b", "VC-EV611c ev 611 c");
    assertThat(ClearCommandTest.csv(out.resolve("settlement.csv"))).extracting(r -> r.get("participant"))
        .contains("EV675b", "EV611c");
  }
}
