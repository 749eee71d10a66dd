package org.peergrid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.realtime.CommunityDayAhead;
import org.peergrid.market.realtime.MinuteValidation;
import org.peergrid.market.realtime.ThreePhaseCommunityDayAhead;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.realtime.DayAhead;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.RealtimeStage;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.StageRequests;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcGameClearing;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid realtime}: the day-ahead market, then the day as it actually happens (docs/realtime.md). */
@Command(
    name = "realtime",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a market day in real time after its day-ahead clearing.",
      "Clears the day ahead on the forecasts with the mechanism (DLMP by default),",
      "or takes a previous 'clear' output folder (dlmp only); then walks the day",
      "interval by interval with the actual load and generation, re-dispatching",
      "batteries over the rest of the day, settles each participant's deviation at",
      "real-time prices, and runs every interval through the AC power flow. With",
      "vc-game or vc-coop, deviations net inside each virtual community first at",
      "its internal price, and only its residual is settled with the DSO.",
      "Writes into DIR (docs/formats.md): summary.json, schedule.csv (as",
      "dispatched), dayahead_settlement.csv, realtime_settlement.csv,",
      "realtime_costs.csv, realtime_intervals.csv, voltage_trace.csv,",
      "branch_trace.csv, ac_check.csv, violations.csv, and with a community",
      "mechanism vcs.csv and vc_netting.csv. With --cluster or --local-nodes the",
      "day-ahead game's players (vc-game) or agents (vc-coop) run on a Pekko",
      "cluster (docs/cluster.md); the files are those of a run in this JVM.",
      "On a three-phase scenario (network.opendss; dlmp, vc-game or vc-coop, the",
      "games on a cluster too) the day ahead and the re-dispatch clear on LinDist3Flow (the",
      "games as 'clear' plays them there) and every interval goes through the",
      "three-phase power flow: phase_ac_check.csv and phase_violations.csv replace",
      "the balanced AC files; --validate-minutes replays the day minute by minute",
      "(minute_violations.csv, minute_voltage_envelope.csv and .png)."
    },
    footer = {"", "Exit codes: 0 done, 1 bad input, 2 bad usage, 3 a solver or an AC power flow",
      "did not converge (the files are still written where there are any), 4 the",
      "day-ahead market is infeasible (summary.json and standard error say why),",
      "5 the cluster failed (could not join, a node or entity did not answer)."})
final class RealtimeCommand implements Callable<Integer> {
  static final String SUMMARY = "summary.json";
  static final String SCHEDULE = "schedule.csv";
  static final String DAYAHEAD_SETTLEMENT = "dayahead_settlement.csv";
  static final String SETTLEMENT = "realtime_settlement.csv";
  static final String COSTS = "realtime_costs.csv";
  static final String INTERVALS = "realtime_intervals.csv";
  static final String VOLTAGES = "voltage_trace.csv";
  static final String BRANCHES = "branch_trace.csv";
  static final String AC_CHECK = "ac_check.csv";
  static final String VIOLATIONS = "violations.csv";
  static final String VCS = "vcs.csv";
  static final String VC_NETTING = "vc_netting.csv";
  static final List<String> ALL_FILES = List.of(SUMMARY, SCHEDULE, DAYAHEAD_SETTLEMENT, SETTLEMENT, COSTS, INTERVALS,
      VOLTAGES, BRANCHES, AC_CHECK, VIOLATIONS, VCS, VC_NETTING);
  /** Files only a three-phase run writes; removed as stale by any other run into the folder, and back. */
  static final List<String> THREE_PHASE_FILES = List.of(ThreePhaseRealtimeOutput.PHASE_AC_CHECK,
      ThreePhaseRealtimeOutput.PHASE_VIOLATIONS, MinuteValidationOutput.VIOLATIONS, MinuteValidationOutput.ENVELOPE,
      MinuteValidationOutput.PLOT);
  static final String DLMP = "dlmp";
  static final List<String> MECHANISMS = List.of(DLMP, VcGameClearing.NAME, VcCoopClearing.NAME);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "Scenario file, YAML or JSON (docs/scenario.md), with the forecasts (required).")
  Path scenarioFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Actuals actuals;

  static final class Actuals {
    @Option(names = "--actuals", paramLabel = "FILE", description = "CSV interval,participant,load_kw,pv_kw,wind_kw "
        + "with the actual values (a missing row or an empty cell: as forecast). This or --sample-seed (required).")
    Path file;

    @Option(names = "--sample-seed", paramLabel = "S", description = "Sample the actual values around the forecasts "
        + "with this seed (docs/realtime.md: load ±10 %%, PV ±20 %%, wind ±25 %%, one standard deviation). This or --actuals (required).")
    Long seed;
  }

  @Option(names = "--dayahead", paramLabel = "DIR",
      description = "Take the day-ahead schedule and prices from this 'peergrid clear' output folder instead of "
          + "clearing the day again; it must have been cleared from the same scenario (default: clear it again). A "
          + "folder whose schedule.csv has no energy for an EV (an older clear's on a three-phase feeder) is "
          + "refused: clear the day again.")
  Path dayAheadDir;

  @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = DLMP,
      description = "Day-ahead mechanism: dlmp (default), vc-game or vc-coop; with a community mechanism deviations "
          + "net inside each virtual community first (docs/realtime.md).")
  String mechanism;

  @Option(names = "--validate-minutes", description = "Three-phase scenarios only: replay the real-time day at 1-minute "
      + "resolution through the three-phase power flow (1-minute loads from load_kw_minutes, PV with a seeded cloud "
      + "process, batteries at their interval set-points) and report the minutes and places where voltage, "
      + "unbalance or line current leave their limits although the interval was inside (docs/realtime.md): "
      + "minute_violations.csv, minute_voltage_envelope.csv (default: off).")
  boolean validateMinutes;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for the result files, created if needed; files of the same names are replaced (required).")
  Path out;

  @Mixin ClusterOptions clusterOptions = new ClusterOptions();

  /** The joined cluster of this run, when --cluster or --local-nodes asked for one. */
  private Optional<ClusterOptions.Session> cluster = Optional.empty();

  @Override
  public Integer call() {
    if (ScenarioLoader.isThreePhase(scenarioFile)) {
      return threePhase();
    }
    if (validateMinutes) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--validate-minutes replays the day on a"
          + " three-phase feeder (network.opendss); " + scenarioFile + " is a balanced MATPOWER scenario: drop"
          + " --validate-minutes (its AC check of every interval is in ac_check.csv)");
    }
    Scenario forecast = ScenarioLoader.load(scenarioFile);
    RealtimeActuals actualDay = RealtimeActuals.of(forecast, actuals.file != null
        ? StageRequests.Realtime.fromFile(actuals.file) : StageRequests.Realtime.sampled(actuals.seed));
    Scenario actual = actualDay.scenario();
    String actualsText = actualDay.description();
    String chosen = mechanism.toLowerCase(java.util.Locale.ROOT);
    if (!MECHANISMS.contains(chosen)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown --mechanism '" + mechanism
          + "': use one of " + String.join(", ", MECHANISMS));
    }
    checkDayAhead(chosen);
    clusterOptions.check(spec.commandLine(), chosen);
    return clusterOptions.run(spec.commandLine(), session -> {
      cluster = session;
      return realtime(forecast, actual, actualsText, chosen);
    });
  }

  private void checkDayAhead(String chosen) {
    if (dayAheadDir != null && !chosen.equals(DLMP)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dayahead reads a DLMP day ahead; a "
          + chosen + " day ahead is cleared here (its communities and settlement are not in a 'clear' folder): "
          + "drop --dayahead, or drop --mechanism " + chosen);
    }
  }

  /** The day ahead (with a community mechanism's participants on {@link #cluster}, if any), then real time. */
  private Integer realtime(Scenario forecast, Scenario actual, String actualsText, String chosen) {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DayAhead dayAhead;
    if (dayAheadDir != null) {
      dayAhead = DayAhead.settle(forecast, DayAheadFiles.read(dayAheadDir, forecast), "read from " + dayAheadDir);
    } else if (!chosen.equals(DLMP)) {
      CommunityDayAhead cleared = chosen.equals(VcGameClearing.NAME)
          ? CommunityDayAhead.vcGame(forecast, ClusterOptions.players(cluster, scenarioFile))
          : CommunityDayAhead.vcCoop(forecast, ClusterOptions.agents(cluster, scenarioFile));
      if (cleared.dayAhead().isEmpty()) {
        DispatchResult failed = cleared.dispatch().status() == DispatchStatus.OPTIMAL
            ? new DispatchResult(DispatchStatus.SOLVER_FAILED, cleared.why(), Optional.empty(), 0) : cleared.dispatch();
        write(Map.of(SUMMARY, json(() -> RealtimeSummaryJson.failed(forecast, chosen, failed, actualsText,
            List.of(SUMMARY)))));
        err.println("peergrid: the " + chosen + " day ahead cannot clear: " + cleared.why());
        return failed.status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
            : PeergridCommand.EXIT_NOT_CONVERGED;
      }
      dayAhead = cleared.dayAhead().get();
    } else {
      DispatchResult cleared = LinDistFlowDispatch.solve(forecast);
      if (cleared.status() != DispatchStatus.OPTIMAL) {
        write(Map.of(SUMMARY, json(() -> RealtimeSummaryJson.failed(forecast, chosen, cleared, actualsText,
            List.of(SUMMARY)))));
        err.println("peergrid: the day-ahead market cannot clear: " + cleared.message());
        return cleared.status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
            : PeergridCommand.EXIT_NOT_CONVERGED;
      }
      dayAhead = DayAhead.settle(forecast, cleared.optimal(), "cleared now (dlmp, LP " + cleared.solveMillis() + " ms)");
    }
    RealtimeConsole.header(stdout, forecast, actualsText, dayAhead.source());
    RealtimeResult result;
    try {
      result = RealtimeStage.run(forecast, actual, dayAhead, RealtimeConsole.progress(stdout));
    } catch (IllegalStateException e) {
      err.println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    Map<String, String> files = files(forecast, chosen, actualsText, result);
    write(files);
    RealtimeConsole.summary(stdout, forecast, result, out, List.copyOf(files.keySet()));
    cluster.ifPresent(c -> c.print(stdout));
    stdout.flush();
    AcCheckResult ac = result.acCheck();
    if (!ac.converged()) {
      err.println("peergrid: the AC power flow did not converge in interval(s) " + ac.nonConvergedIntervals()
          + "; see " + AC_CHECK);
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /**
   * On a three-phase feeder (docs/realtime.md, "Three-phase feeders"): the DLMP day ahead on LinDist3Flow,
   * the rolling horizon on the same model, the two settlements, and every interval's three-phase power flow.
   */
  private Integer threePhase() {
    String chosen = mechanism.toLowerCase(java.util.Locale.ROOT);
    if (!MECHANISMS.contains(chosen)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown --mechanism '" + mechanism
          + "': use one of " + String.join(", ", MECHANISMS));
    }
    clusterOptions.check(spec.commandLine(), chosen);
    checkDayAhead(chosen);
    ThreePhaseScenario forecast = ScenarioLoader.loadThreePhase(scenarioFile);
    RealtimeActuals.OnPhases actualDay = RealtimeActuals.OnPhases.of(forecast, actuals.file != null
        ? StageRequests.Realtime.fromFile(actuals.file) : StageRequests.Realtime.sampled(actuals.seed));
    ThreePhaseScenario actual = actualDay.scenario();
    String actualsText = actualDay.description();
    return clusterOptions.run(spec.commandLine(), session -> {
      cluster = session;
      return threePhase(forecast, actual, actualsText, chosen);
    });
  }

  /** The three-phase day ahead (a community mechanism's participants on {@link #cluster}, if any), then real time. */
  private Integer threePhase(ThreePhaseScenario forecast, ThreePhaseScenario actual, String actualsText,
      String chosen) {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ThreePhaseRealtime.Plan plan;
    if (dayAheadDir != null) {
      plan = DayAheadFiles.readThreePhase(dayAheadDir, forecast);
    } else if (chosen.equals(DLMP)) {
      long clearStart = System.nanoTime();
      ThreePhaseMarket market = ThreePhaseMarket.solve(forecast);
      if (!market.day().optimal()) {
        err.println("peergrid: the day-ahead market cannot clear: " + market.day().message());
        return market.day().status() == ThreePhaseClearingResult.Status.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
            : PeergridCommand.EXIT_NOT_CONVERGED;
      }
      plan = ThreePhaseRealtime.plan(market, "cleared now (dlmp on LinDist3Flow, "
          + (System.nanoTime() - clearStart) / 1_000_000 + " ms with " + market.rounds() + " clearing(s))");
    } else {
      ThreePhaseCommunityDayAhead cleared = chosen.equals(VcGameClearing.NAME)
          ? ThreePhaseCommunityDayAhead.vcGame(forecast, ClusterOptions.players(cluster, scenarioFile))
          : ThreePhaseCommunityDayAhead.vcCoop(forecast, ClusterOptions.agents(cluster, scenarioFile));
      if (cleared.plan().isEmpty()) {
        err.println("peergrid: the " + chosen + " day ahead cannot clear: " + cleared.why());
        return PeergridCommand.EXIT_NOT_CONVERGED;
      }
      plan = cleared.plan().get();
    }
    ThreePhaseRealtimeOutput.header(stdout, forecast, actualsText, plan.dayAhead().source());
    ThreePhaseRealtime.Result result;
    try {
      result = ThreePhaseRealtime.run(plan, actual, RealtimeConsole.progress(stdout));
    } catch (IllegalStateException e) {
      err.println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    Map<String, String> files = ThreePhaseRealtimeOutput.files(forecast, result, actualsText);
    com.fasterxml.jackson.databind.node.ObjectNode summary = ThreePhaseRealtimeOutput.summary(forecast, chosen, result,
        actualsText);
    ThreePhaseRealtimeOutput.summary(stdout, forecast, result);
    MinuteValidation.Result minutes = null;
    if (validateMinutes) {
      minutes = MinuteValidation.run(plan.model(), forecast, result,
          actuals.seed != null ? actuals.seed : 0);
      files.put(MinuteValidationOutput.VIOLATIONS, MinuteValidationOutput.violations(forecast, minutes));
      files.put(MinuteValidationOutput.ENVELOPE, MinuteValidationOutput.envelope(forecast, minutes));
      MinuteValidationOutput.summary(summary, minutes);
      MinuteValidationOutput.console(stdout, forecast, minutes);
    }
    List<String> written = new ArrayList<>(files.keySet());
    if (minutes != null) {
      written.add(MinuteValidationOutput.PLOT);
    }
    files.put(SUMMARY, ThreePhaseRealtimeOutput.json(summary, written));
    write(files);
    if (minutes != null) {
      try {
        AtomicFiles.writeBytes(out, Map.of(MinuteValidationOutput.PLOT, MinuteValidationOutput.plot(forecast,
            result, minutes)), List.of());
      } catch (IOException e) {
        throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
      }
    }
    ThreePhaseRealtimeOutput.files(stdout, out, written);
    cluster.ifPresent(c -> c.print(stdout));
    stdout.flush();
    if (!result.converged()) {
      err.println("peergrid: the three-phase power flow did not converge in some interval(s); see "
          + ThreePhaseRealtimeOutput.PHASE_AC_CHECK);
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  static Map<String, String> files(Scenario s, String mechanism, String actualsText, RealtimeResult r) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(SUMMARY, ""); // first in the listing, written last: it lists the files
    files.put(SCHEDULE, ReportCsv.schedule(r.actual(), r.realized().solution()));
    files.put(DAYAHEAD_SETTLEMENT, ReportCsv.settlement(r.dayAhead().settlement()));
    files.put(SETTLEMENT, RealtimeCsv.settlement(r.settlement()));
    files.put(COSTS, RealtimeCsv.costs(r.settlement()));
    files.put(INTERVALS, RealtimeCsv.intervals(r.realized()));
    files.put(VOLTAGES, RealtimeCsv.voltages(r.traces()));
    files.put(BRANCHES, RealtimeCsv.branches(r.traces()));
    files.put(AC_CHECK, ReportCsv.acCheck(r.acCheck()));
    files.put(VIOLATIONS, ReportCsv.violations(r.acCheck()));
    r.dayAhead().communities().ifPresent(g -> files.put(VCS, VcCsv.communities(s, g)));
    r.settlement().vcNetting().ifPresent(v -> files.put(VC_NETTING, RealtimeCsv.vcNetting(v)));
    files.put(SUMMARY, json(() -> RealtimeSummaryJson.of(s, mechanism, "OPTIMAL", null, actualsText,
        r.dayAhead().source(),
        Optional.of(r), List.copyOf(files.keySet()))));
    return files;
  }

  /** Writes the files (summary.json with the cluster's keys on a cluster), removing the other files a run writes. */
  private void write(Map<String, String> files) {
    Map<String, String> all = new LinkedHashMap<>(files);
    cluster.ifPresent(c -> c.withClusterKeys(all, SUMMARY));
    List<String> stale = new ArrayList<>(ALL_FILES);
    stale.addAll(THREE_PHASE_FILES);
    stale.removeAll(all.keySet());
    try {
      AtomicFiles.write(out, all, stale);
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Json {
    String make() throws com.fasterxml.jackson.core.JsonProcessingException;
  }

  private static String json(Json json) {
    try {
      return json.make();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
