package org.peergrid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.Beside;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcGameClearing;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.threephase.ThreePhaseNucClearing;
import org.peergrid.market.nuc.NucSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid clear}: clears a scenario's day with a mechanism and writes the report files. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    description = {
      "Clears a scenario's market day and writes the results.",
      "Schedule and prices (LinDistFlow LP), each building's base case, the",
      "settlement, and an AC power flow of every interval. Writes summary.json,",
      "prices.csv, schedule.csv, settlement.csv, settlement_intervals.csv,",
      "ac_check.csv and violations.csv into DIR (see docs/formats.md) and prints",
      "a summary. Mechanisms are described in docs/mechanisms.md; vc-coop reaches",
      "the cooperative optimum by decomposition over virtual communities and",
      "splits it by bargaining (docs/vc-coop.md); vc-game plays the",
      "non-cooperative game among them (docs/vc-game.md); both also write",
      "vcs.csv and trades.csv. A three-phase scenario (network.opendss) is",
      "cleared per phase and writes phase_prices.csv and phase_ac_check.csv",
      "instead of prices.csv and ac_check.csv (docs/opendss.md); vc-game,",
      "vc-coop and p2p-nuc run there too, vc-game and vc-coop also on a cluster.",
      "Powers in kW, energies in kWh, voltages in p.u., money in the scenario's",
      "currency."
    },
    footer = {"", "Exit codes: 0 cleared, 1 bad input, 2 bad usage, 3 a solver or an AC power",
      "flow did not converge (the files are still written), 4 the day is infeasible",
      "or the mechanism cannot settle it, e.g. bargaining when cooperation saves",
      "nothing (summary.json and standard error say why)."})
final class ClearCommand implements Callable<Integer> {
  static final String SUMMARY = "summary.json";
  static final String PRICES = "prices.csv";
  static final String SCHEDULE = "schedule.csv";
  static final String SETTLEMENT = "settlement.csv";
  static final String SETTLEMENT_INTERVALS = "settlement_intervals.csv";
  static final String AC_CHECK = "ac_check.csv";
  static final String VIOLATIONS = "violations.csv";
  static final String VCS = "vcs.csv";
  static final String TRADES = "trades.csv";
  static final List<String> ALL_FILES = List.of(SUMMARY, PRICES, SCHEDULE, SETTLEMENT, SETTLEMENT_INTERVALS,
      AC_CHECK, VIOLATIONS, VCS, TRADES);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "Scenario file, YAML or JSON (docs/scenario.md); paths in it are relative to it (required).")
  Path scenarioFile;

  @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = DlmpMechanism.NAME,
      converter = MethodConverter.class, completionCandidates = MethodNames.class,
      description = "How the market clears (default: ${DEFAULT-VALUE}), one of: ${COMPLETION-CANDIDATES}.")
  String mechanism;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for the result files, created if needed; files of the same names are replaced"
          + " (required).")
  Path out;

  @Mixin ClusterOptions clusterOptions = new ClusterOptions();

  /** The joined cluster of this run, when --cluster or --local-nodes asked for one. */
  private Optional<ClusterOptions.Session> cluster = Optional.empty();

  @Override
  public Integer call() {
    clusterOptions.check(spec.commandLine(), mechanism);
    if (ScenarioLoader.isThreePhase(scenarioFile)) {
      return clearThreePhase();
    }
    Scenario checked = ScenarioLoader.load(scenarioFile); // before joining: a bad file starts no node
    return clusterOptions.run(spec.commandLine(), session -> {
      cluster = session;
      return clear(checked);
    });
  }

  private Integer clear(Scenario scenario) {
    if (mechanism.equals(NucClearing.NAME)) {
      return clearNuc(scenario);
    }
    if (mechanism.equals(VcGameClearing.NAME)) {
      return clearGame(scenario);
    }
    Optional<VcCoopClearing> game = mechanism.equals(VcCoopClearing.NAME)
        ? Optional.of(cluster.isEmpty()
            ? VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults())
            : VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults(),
                cluster.get().games().agents(scenarioFile)))
        : Optional.empty();
    ClearingResult result = game.map(VcCoopClearing::clearing)
        .orElseGet(() -> Mechanisms.byName(mechanism).orElseThrow().clear(scenario));
    Map<String, String> files = files(scenario, result, game);
    withClusterKeys(files);
    write(files);
    PrintWriter stdout = spec.commandLine().getOut();
    ClearConsole.print(stdout, scenario, result, out, List.copyOf(files.keySet()));
    game.ifPresent(g -> VcConsole.print(stdout, g));
    printRestarts(stdout);
    stdout.flush();
    PrintWriter err = spec.commandLine().getErr();
    if (result.status() != DispatchStatus.OPTIMAL) {
      err.println("peergrid: " + result.dispatch().message());
      return result.status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    MechanismOutcome outcome = result.outcome().orElseThrow();
    if (outcome.status() != SettlementStatus.SETTLED) {
      err.println("peergrid: " + mechanism + " cannot settle the day: " + outcome.message());
      return PeergridCommand.EXIT_INFEASIBLE;
    }
    AcCheckResult ac = result.acCheck().orElseThrow();
    if (!ac.converged()) {
      err.println("peergrid: the AC power flow did not converge in interval(s) " + ac.nonConvergedIntervals()
          + "; see " + AC_CHECK);
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /**
   * A scenario on an OpenDSS feeder (docs/opendss.md): the day cleared on LinDist3Flow with DLMPs per
   * phase and the three-phase AC check, settled by a mechanism of {@link Mechanisms}; or one of the
   * clearing paths of their own (vc-coop, vc-game, p2p-nuc); vc-game and vc-coop on a cluster when asked.
   */
  private Integer clearThreePhase() {
    Optional<MarketMechanism> settlement = Mechanisms.byName(mechanism);
    boolean game = mechanism.equals(VcGameClearing.NAME) || mechanism.equals(VcCoopClearing.NAME)
        || mechanism.equals(NucClearing.NAME);
    if (settlement.isEmpty() && !game) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mechanism " + mechanism + " does not run on a"
          + " three-phase feeder (network.opendss) yet; these do: " + String.join(", ", Mechanisms.names())
          + " (docs/opendss.md)");
    }
    ThreePhaseScenario scenario = ScenarioLoader.loadThreePhase(scenarioFile); // before joining: a bad file starts no node
    if (mechanism.equals(VcGameClearing.NAME) || mechanism.equals(VcCoopClearing.NAME)) {
      return clusterOptions.run(spec.commandLine(), session -> {
        cluster = session;
        return mechanism.equals(VcGameClearing.NAME) ? clearThreePhaseGame(scenario) : clearThreePhaseCoop(scenario);
      });
    }
    if (mechanism.equals(NucClearing.NAME)) {
      return clearThreePhaseNuc(scenario);
    }
    ThreePhaseMarket market = ThreePhaseMarket.solve(scenario);
    Optional<MechanismOutcome> outcome = market.outcome().map(o -> settlement.get().settle(o));
    Optional<Failure> failure;
    if (!market.day().optimal()) {
      failure = Optional.of(new Failure(market.day().message(),
          market.day().status() == ThreePhaseClearingResult.Status.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
              : PeergridCommand.EXIT_NOT_CONVERGED));
    } else if (outcome.orElseThrow().status() != SettlementStatus.SETTLED) {
      failure = Optional.of(new Failure(mechanism + " cannot settle the day: " + outcome.get().message(),
          PeergridCommand.EXIT_INFEASIBLE));
    } else if (market.acChecks().stream().anyMatch(r -> !r.result().converged())) {
      failure = Optional.of(Failure.powerFlowNotConverged());
    } else {
      failure = Optional.empty();
    }
    return report(ThreePhaseClear.files(market, outcome, mechanism),
        (stdout, names) -> ThreePhaseClear.print(stdout, market, outcome, out, names), failure);
  }

  /** Why a clear ends with a non-zero exit code: the line on standard error (after "peergrid: ") and the code. */
  private record Failure(String message, int exitCode) {
    static Failure powerFlowNotConverged() {
      return new Failure("the three-phase power flow did not converge in some interval; see "
          + ThreePhaseClear.PHASE_AC_CHECK, PeergridCommand.EXIT_NOT_CONVERGED);
    }
  }

  /**
   * The end of a three-phase clear: writes {@code files} (summary.json with the cluster's keys on a
   * cluster), prints the console lines and, on a cluster, what the run survived; then the failure's
   * line and exit code, or 0.
   */
  private Integer report(Map<String, String> files, BiConsumer<PrintWriter, List<String>> console,
      Optional<Failure> failure) {
    withClusterKeys(files);
    write(files);
    PrintWriter stdout = spec.commandLine().getOut();
    console.accept(stdout, List.copyOf(files.keySet()));
    printRestarts(stdout);
    stdout.flush();
    failure.ifPresent(f -> spec.commandLine().getErr().println("peergrid: " + f.message()));
    return failure.map(Failure::exitCode).orElse(0);
  }

  /**
   * vc-game on a three-phase scenario: the equilibrium, its certificate and its three-phase AC check;
   * the players on the cluster when there is one.
   */
  private Integer clearThreePhaseGame(ThreePhaseScenario scenario) {
    ThreePhaseVcGame game = ThreePhaseVcGame.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults(),
        false, ClusterOptions.players(cluster, scenarioFile));
    Optional<Failure> failure = game.equilibrium().converged() && game.acCheck().converged() ? Optional.empty()
        : Optional.of(new Failure("vc-game " + (game.equilibrium().converged()
            ? "reached an equilibrium but the three-phase power flow did not converge in some interval; see "
                + ThreePhaseClear.PHASE_AC_CHECK
            : "stopped at the round limit without an equilibrium"), PeergridCommand.EXIT_NOT_CONVERGED));
    return report(ThreePhaseGameOutput.files(game), (stdout, names) -> ThreePhaseGameOutput.print(stdout, game, out,
        names), failure);
  }

  /** p2p-nuc on a three-phase scenario: the loop's schedule, its MMR settlement, its trades, the three-phase AC check. */
  private Integer clearThreePhaseNuc(ThreePhaseScenario scenario) {
    ThreePhaseNucClearing nuc = ThreePhaseNucClearing.clear(scenario, NucSettings.of(scenarioFile));
    Optional<Failure> failure;
    if (nuc.nuc().dispatch().status() != DispatchStatus.OPTIMAL) {
      failure = Optional.of(new Failure(nuc.nuc().dispatch().message(), PeergridCommand.EXIT_INFEASIBLE));
    } else if (!nuc.nuc().loop().converged()) {
      failure = Optional.of(new Failure("p2p-nuc " + nuc.nuc().loop().message(), PeergridCommand.EXIT_NOT_CONVERGED));
    } else {
      failure = Optional.empty();
    }
    return report(ThreePhaseNucOutput.files(nuc), (stdout, names) -> ThreePhaseNucOutput.print(stdout, nuc, out, names),
        failure);
  }

  /**
   * vc-coop on a three-phase scenario: the decomposition's schedule, its gap, the Nash split, the
   * three-phase AC check; the agents on the cluster when there is one.
   */
  private Integer clearThreePhaseCoop(ThreePhaseScenario scenario) {
    ThreePhaseVcCoop coop = ThreePhaseVcCoop.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults(),
        ClusterOptions.agents(cluster, scenarioFile));
    Optional<Failure> failure;
    if (!coop.day().optimal()) {
      failure = Optional.of(new Failure("vc-coop " + coop.day().message(), PeergridCommand.EXIT_NOT_CONVERGED));
    } else if (coop.settlement().orElseThrow().status() != SettlementStatus.SETTLED) {
      failure = Optional.of(new Failure("vc-coop cannot settle the day: " + coop.settlement().get().message(),
          PeergridCommand.EXIT_INFEASIBLE));
    } else if (!coop.acCheck().converged()) {
      failure = Optional.of(Failure.powerFlowNotConverged());
    } else {
      failure = Optional.empty();
    }
    return report(ThreePhaseCoopOutput.files(coop), (stdout, names) -> ThreePhaseCoopOutput.print(stdout, coop, out,
        names), failure);
  }

  /** The p2p-nuc path: the loop's schedule, its MMR settlement, its trades with their charges. */
  private Integer clearNuc(Scenario scenario) {
    NucClearing<?> nuc = NucClearing.clear(scenario, NucSettings.of(scenarioFile));
    Map<String, String> files = new LinkedHashMap<>(files(scenario, nuc.clearing()));
    files.remove(SUMMARY);
    if (!nuc.loop().trades().isEmpty()) {
      files.put(TRADES, NucCsv.trades(nuc.loop().trades()));
    }
    try {
      List<String> names = new ArrayList<>(List.of(SUMMARY));
      names.addAll(files.keySet());
      Map<String, String> all = new LinkedHashMap<>();
      all.put(SUMMARY, SummaryJson.of(scenario, nuc, names));
      all.putAll(files);
      List<String> stale = new ArrayList<>(ALL_FILES);
      stale.removeAll(all.keySet());
      AtomicFiles.write(out, all, stale);
      PrintWriter stdout = spec.commandLine().getOut();
      ClearConsole.print(stdout, scenario, nuc.clearing(), out, names);
      NucCsv.print(stdout, nuc);
      stdout.flush();
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
    if (nuc.clearing().status() != DispatchStatus.OPTIMAL) {
      spec.commandLine().getErr().println("peergrid: " + nuc.clearing().dispatch().message());
      return PeergridCommand.EXIT_INFEASIBLE;
    }
    if (!nuc.loop().converged()) {
      spec.commandLine().getErr().println("peergrid: p2p-nuc " + nuc.loop().message());
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /** The vc-game path: the equilibrium's schedule and settlement, its communities, trades and certificate. */
  private Integer clearGame(Scenario scenario) {
    VcGameClearing game = cluster.isEmpty()
        ? VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults())
        : VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults(),
            cluster.get().games().players(scenarioFile));
    Map<String, String> files = new LinkedHashMap<>(files(scenario, game.clearing()));
    files.remove(SUMMARY);
    game.equilibrium().ifPresent(e -> files.put(VCS, VcCsv.communities(scenario, e.grouping())));
    if (!game.trades().isEmpty()) {
      files.put(TRADES, VcGameOutput.trades(game.trades()));
    }
    List<String> names = new ArrayList<>(List.of(SUMMARY));
    names.addAll(files.keySet());
    try {
      Map<String, String> all = new LinkedHashMap<>();
      all.put(SUMMARY, VcGameOutput.summary(scenario, game, names));
      all.putAll(files);
      withClusterKeys(all);
      List<String> stale = new ArrayList<>(ALL_FILES);
      stale.removeAll(all.keySet());
      AtomicFiles.write(out, all, stale);
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    ClearConsole.print(stdout, scenario, game.clearing(), out, names);
    VcGameOutput.print(stdout, game);
    printRestarts(stdout);
    stdout.flush();
    ClearingResult result = game.clearing();
    if (result.status() != DispatchStatus.OPTIMAL) {
      spec.commandLine().getErr().println("peergrid: " + result.dispatch().message());
      return result.status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    boolean settled = game.equilibrium().map(e -> e.converged()).orElse(false)
        && result.acCheck().map(AcCheckResult::converged).orElse(false);
    if (!settled) {
      spec.commandLine().getErr().println("peergrid: vc-game " + result.dispatch().message()
          + (result.acCheck().map(AcCheckResult::converged).orElse(true) ? "" : "; the AC power flow did not converge"));
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /**
   * Writes the files into {@link #out} together, removing the other files a clear writes (on either
   * kind of feeder), so that the folder never mixes two runs.
   */
  private void write(Map<String, String> files) {
    List<String> stale = new ArrayList<>(ALL_FILES);
    stale.addAll(List.of(ThreePhaseClear.PHASE_PRICES, ThreePhaseClear.PHASE_AC_CHECK));
    stale.removeAll(files.keySet());
    try {
      AtomicFiles.write(out, files, stale);
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
  }

  /** On a cluster, a line on the nodes lost during the run, when any was (docs/cluster.md, Faults). */
  private void printRestarts(PrintWriter stdout) {
    cluster.flatMap(ClusterOptions.Session::restartLine).ifPresent(stdout::println);
  }

  /** On a cluster, summary.json gains the cluster's keys (docs/formats.md). */
  private void withClusterKeys(Map<String, String> files) {
    cluster.ifPresent(c -> c.withClusterKeys(files, SUMMARY));
  }

  /** The report: summary.json always, the tables only for a cleared day. */
  static Map<String, String> files(Scenario scenario, ClearingResult r) {
    return files(scenario, r, Optional.empty());
  }

  /** The same, with the game's communities and trades when the day was cleared by the game. */
  static Map<String, String> files(Scenario scenario, ClearingResult r, Optional<VcCoopClearing> game) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(SUMMARY, ""); // a placeholder that keeps the summary first; it lists the files, so it comes last
    // schedule.csv, the largest file, is formatted on a second thread while this one formats the others
    // (docs/benchmarks.md, "After oneshot3"); its placeholder keeps the files' order.
    Optional<Supplier<String>> schedule = r.dispatch().solution()
        .map(sol -> Beside.start("formatting " + SCHEDULE, () -> ReportCsv.schedule(scenario, sol)));
    r.dispatch().solution().ifPresent(sol -> {
      files.put(PRICES, ReportCsv.prices(scenario, sol));
      files.put(SCHEDULE, "");
    });
    r.settlement().ifPresent(s -> {
      files.put(SETTLEMENT, ReportCsv.settlement(s));
      files.put(SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(s));
    });
    r.acCheck().ifPresent(ac -> {
      files.put(AC_CHECK, ReportCsv.acCheck(ac));
      files.put(VIOLATIONS, ReportCsv.violations(ac));
    });
    schedule.ifPresent(f -> files.put(SCHEDULE, f.get()));
    game.flatMap(VcCoopClearing::game).ifPresent(g -> files.put(VCS, VcCsv.communities(scenario, g.grouping())));
    game.filter(g -> !g.trades().isEmpty()).ifPresent(g -> files.put(TRADES, VcCsv.trades(g.trades())));
    try {
      files.put(SUMMARY, SummaryJson.of(scenario, r, List.copyOf(files.keySet()), game));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** A mechanism's name or {@value VcCoopClearing#NAME}, case-insensitive, normalised to lower case. */
  static final class MethodConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String name) {
      if (name.equalsIgnoreCase(VcCoopClearing.NAME)) {
        return VcCoopClearing.NAME;
      }
      if (name.equalsIgnoreCase(NucClearing.NAME)) {
        return NucClearing.NAME;
      }
      if (name.equalsIgnoreCase(VcGameClearing.NAME)) {
        return VcGameClearing.NAME;
      }
      return Mechanisms.byName(name).map(MarketMechanism::name).orElseThrow(() ->
          new CommandLine.TypeConversionException("unknown mechanism '" + name + "'; available: "
              + String.join(", ", MethodNames.all())));
    }
  }

  static final class MethodNames implements Iterable<String> {
    static List<String> all() {
      List<String> names = new ArrayList<>(Mechanisms.names());
      names.add(VcCoopClearing.NAME);
      names.add(VcGameClearing.NAME);
      names.add(NucClearing.NAME);
      return names;
    }

    @Override
    public Iterator<String> iterator() {
      return all().iterator();
    }
  }

  /** A settlement mechanism by name (commands that need a {@link MarketMechanism}, not the VC game). */
  static final class MechanismConverter implements CommandLine.ITypeConverter<MarketMechanism> {
    @Override
    public MarketMechanism convert(String name) {
      return Mechanisms.byName(name).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown mechanism '" + name + "'; available: " + String.join(", ", Mechanisms.names())));
    }
  }

  static final class MechanismNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Mechanisms.names().iterator();
    }
  }
}
