package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * Real time on a three-phase feeder (docs/realtime.md, "Three-phase feeders") and the 1-minute replay
 * ({@code --validate-minutes}) on the IEEE 13-node feeder.
 */
class ThreePhaseRealtimeTest {
  private static final Path IEEE13_EXAMPLE = ThreePhaseExample.SCENARIO;
  private static final Path IEEE13 = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders",
      "opendss", "ieee13", "IEEE13Nodeckt.dss");
  private static final RealtimeProgress QUIET = (i, n) -> { };

  @TempDir Path dir;

  @Test
  void theExampleDayBalancesItsTwoSettlements() {
    ThreePhaseScenario forecast = ScenarioLoader.loadThreePhase(IEEE13_EXAMPLE);
    ThreePhaseMarket market = ThreePhaseMarket.solve(forecast);
    DayAhead dayAhead = ThreePhaseRealtime.dayAhead(market, "test");
    // the actual day as forecast: nothing is re-dispatched, nothing deviates, nothing is paid
    ThreePhaseRealtime.Result asForecast = ThreePhaseRealtime.run(market, forecast, dayAhead, QUIET);
    assertThat(asForecast.realized().redispatched()).isZero();
    assertThat(asForecast.settlement().deviationPayments()).isCloseTo(0, within(1e-9));
    assertThat(asForecast.settlement().realtimeCost()).isCloseTo(asForecast.settlement().dayAheadCost(), within(1e-9));
    // sampled deviations: TwoSettlement asserts its identities; the parts are checked here again
    ThreePhaseScenario actual = DeviationSampler.DEFAULT.sample(forecast, 7);
    ThreePhaseRealtime.Result r = ThreePhaseRealtime.run(market, actual, dayAhead, QUIET);
    TwoSettlementResult st = r.settlement();
    assertThat(r.realized().redispatched()).isEqualTo(24);
    assertThat(Math.abs(st.deviationPayments())).isGreaterThan(1);
    assertThat(st.deviationPayments()).isCloseTo(st.realtimeUtilityBill() + st.nettingSurplus(), within(1e-6));
    double hours = forecast.horizon().hours();
    double bill = 0;
    for (int t = 0; t < 24; t++) {
      // the root's deviation is the sum of the participants' (lossless balance, background as forecast)
      double sum = 0;
      for (int i = 0; i < forecast.participants().size(); i++) {
        sum += -r.realizedDays().get(i).netKw()[t] + market.day().participants().get(i).netKw()[t];
      }
      double root = r.realized().realizedRootKw()[t] - r.realized().dayAheadRootKw()[t];
      assertThat(root).isCloseTo(sum, within(1e-9));
      bill += hours * root * (root >= 0 ? forecast.realtimeTariff().importPrice().get(t)
          : forecast.realtimeTariff().exportPrice().get(t));
      // batteries stay inside their SOC limits
      assertThat(r.checks().get(t).flow().converged()).isTrue();
    }
    assertThat(st.realtimeUtilityBill()).isCloseTo(bill, within(1e-9));
    assertThat(st.nettingSurplus()).isGreaterThanOrEqualTo(-1e-9);
    System.out.printf(Locale.ROOT, "ieee13-3ph real time (seed 7): day-ahead %.2f, real-time %.2f, payments %.2f = bill"
        + " %.2f + netting %.2f%n", st.dayAheadCost(), st.realtimeCost(), st.deviationPayments(),
        st.realtimeUtilityBill(), st.nettingSurplus());
  }

  /**
   * One hour, one home on 611.c (the end of a single-phase lateral) whose load jumps to 400 kW for one
   * minute: the hour's mean keeps 611.c above V^min, that minute does not, and only that minute.
   */
  @Test
  void aOneMinutePeakBreaksTheLimitThatTheIntervalMeanKeeps() throws IOException {
    double[] minutes = new double[60];
    java.util.Arrays.fill(minutes, 5);
    minutes[30] = 400;
    MinuteValidation.Result r = replay(minutes);
    List<MinuteValidation.MinuteViolation> low = r.violations().stream()
        .filter(v -> v.violation().kind() == PhaseLimitCheck.Kind.VOLTAGE_LOW).toList();
    assertThat(low).isNotEmpty().allSatisfy(v -> {
      assertThat(v.minute()).isEqualTo(30);
      assertThat(v.intervalInside()).isTrue();
    });
    assertThat(low.stream().map(v -> v.violation().where()).collect(Collectors.toSet())).contains("611.3");
    assertThat(r.minutes().get(30).limits().vminPu()).isLessThan(r.minutes().get(29).limits().vminPu() - 0.01);
  }

  /** The same mean, flat within the hour: every minute is the interval, inside the limits. */
  @Test
  void aFlatHourHasNothingOutsideInItsMinutes() throws IOException {
    double mean = (59 * 5 + 400) / 60.0;
    double[] minutes = IntStream.range(0, 60).mapToDouble(m -> mean).toArray();
    MinuteValidation.Result r = replay(minutes);
    assertThat(r.violations()).isEmpty();
    assertThat(r.notConverged()).isZero();
    double interval = r.minutes().get(0).limits().vminPu();
    assertThat(r.minutes()).allSatisfy(m -> assertThat(m.limits().vminPu()).isCloseTo(interval, within(1e-9)));
  }

  @Test
  void minuteLoadsOfTheWrongLengthAreRefusedNamingTheKey() throws IOException {
    Files.writeString(dir.resolve("minutes.csv"), "minute,load\n0,1\n1,2\n");
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, String.join("\n",
        "network: {opendss: " + IEEE13 + "}",
        "horizon: {intervals: 1, interval_minutes: 60}",
        "tariff: {import: [0.2], export: 0.05}",
        "participants:",
        "  - {id: H1, type: building, bus: 611, phases: [c], load_kw: 1,",
        "     load_kw_minutes: {csv: minutes.csv, column: load}}",
        ""));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.loadThreePhase(file))
        .hasMessageContaining("s.yaml:6").hasMessageContaining("load_kw_minutes has 2 rows")
        .hasMessageContaining("one per minute of the horizon (60");
  }

  /** The home's hour through real time (actual = forecast), then its minutes. */
  private MinuteValidation.Result replay(double[] minutes) throws IOException {
    double mean = java.util.Arrays.stream(minutes).average().orElseThrow();
    StringBuilder csv = new StringBuilder("minute,load\n");
    for (int m = 0; m < minutes.length; m++) {
      csv.append(m).append(',').append(minutes[m]).append('\n');
    }
    Files.writeString(dir.resolve("minutes.csv"), csv);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, String.join("\n",
        "network: {opendss: " + IEEE13 + ", vmin_pu: " + VMIN + ", vmax_pu: 1.10, unbalance_pu: 0.5,"
            + " background_profile: [0.5]}",
        "horizon: {intervals: 1, interval_minutes: 60}",
        "tariff: {import: [0.2], export: 0.05}",
        "participants:",
        "  - {id: H1, type: building, bus: 611, phases: [c], load_kw: " + mean + ","
            + " load_kw_minutes: {csv: minutes.csv, column: load}}",
        ""));
    ThreePhaseScenario s = ScenarioLoader.loadThreePhase(file);
    ThreePhaseMarket market = ThreePhaseMarket.solve(s);
    ThreePhaseRealtime.Result rt = ThreePhaseRealtime.run(market, s, ThreePhaseRealtime.dayAhead(market, "test"),
        QUIET);
    PhaseLimitCheck.Summary hour = rt.checks().get(0).limits();
    assertThat(hour.violations()).as("the interval's own check").isEmpty();
    MinuteValidation.Result r = MinuteValidation.run(market.clearing().model(), s, rt, 1);
    System.out.printf(Locale.ROOT, "hour: Vmin %.5f at %s; minutes: lowest %.5f, %d violation(s)%n", hour.vminPu(),
        hour.vminNode(), r.minutes().stream().mapToDouble(m -> m.limits().vminPu()).min().orElseThrow(),
        r.violations().size());
    return r;
  }

  /** Between the hour's lowest voltage (1.0000 p.u. at 650) and the peak minute's (0.9697 at 611.3). */
  private static final double VMIN = 0.98;
}
