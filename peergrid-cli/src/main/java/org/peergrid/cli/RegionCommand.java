package org.peergrid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.region.LocalDsos;
import org.peergrid.market.region.PriceCoordination;
import org.peergrid.market.region.Region;
import org.peergrid.market.region.RegionClearing;
import org.peergrid.market.region.RegionClearing.FeederClearing;
import org.peergrid.market.region.RegionLoader;
import org.peergrid.market.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid region}: clears a region of feeders behind one substation and writes each feeder's report. */
@Command(
    name = "region",
    mixinStandardHelpOptions = true,
    description = {
      "Clears a region: several feeders, each with its own DSO and network limits,",
      "behind one upstream substation that buys from the utility only the region's",
      "net import, so that one feeder's surplus serves another's demand (docs/region.md).",
      "Clears every feeder alone too, and writes per feeder what clear writes, in",
      "DIR/<feeder id>/, plus region_summary.json (the region's cost against the",
      "feeders alone, the energy exchanged, the DSOs' payments at the substation).",
      "Powers in kW, energies in kWh, money in the scenarios' currency.",
      "With --price-coordination also DIR/price_coordination/<feeder id>/, each feeder",
      "re-solved at the price loop's last prices. With --cluster or --local-nodes the",
      "feeders' DSOs run on a Pekko cluster and the region is cleared by prices only;",
      "then DIR/<feeder id>/ holds each feeder re-solved at the loop's last prices."
    },
    footer = {"", "Exit codes: 0 cleared, 1 bad input (the region file or a scenario: file,",
      "line and key), 2 bad usage, 3 a solver or an AC power flow did not converge",
      "(the files are still written), 4 a feeder has no feasible schedule, or the",
      "mechanism cannot settle a feeder's day (standard error says which), 5 the",
      "cluster failed (could not join, a node or entity did not answer)."})
final class RegionCommand implements Callable<Integer> {
  static final String SUMMARY = "region_summary.json";
  /** In one JVM with --price-coordination, the folder of the feeders' folders from the price loop. */
  static final String BY_PRICES = "price_coordination";

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--region", required = true, paramLabel = "FILE",
      description = "Region file, YAML or JSON (docs/region.md): format version 1, its feeders' ids and"
          + " scenario files, relative to it (required).")
  Path regionFile;

  @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = DlmpMechanism.NAME,
      converter = ClearCommand.MechanismConverter.class, completionCandidates = ClearCommand.MechanismNames.class,
      description = "How each feeder settles its part of the region's schedule (default: ${DEFAULT-VALUE}),"
          + " one of: ${COMPLETION-CANDIDATES}.")
  MarketMechanism mechanism;

  @Option(names = "--price-coordination", defaultValue = "false",
      description = "Also clear the region by prices: the substation sends each DSO a price per interval and"
          + " mixes their answers (net profile and own cost) until none lowers the region's cost; reports the"
          + " rounds, messages and the gap to the central LP in region_summary.json (default: off).")
  boolean priceCoordination;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for region_summary.json and one folder per feeder, created if needed; files of the"
          + " same names are replaced (required).")
  Path out;

  @Mixin ClusterOptions clusterOptions = new ClusterOptions();

  @Override
  public Integer call() {
    clusterOptions.checkOptions(spec.commandLine());
    if (clusterOptions.requested() && !mechanism.name().equals(DlmpMechanism.NAME)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "on a cluster the region is cleared by prices"
          + " and writes region_summary.json only, with no settlement inside the feeders: leave --mechanism out");
    }
    Region region = RegionLoader.load(regionFile);
    if (clusterOptions.requested()) {
      return onCluster(region);
    }
    RegionClearing clearing = RegionClearing.clear(region, mechanism);
    PrintWriter err = spec.commandLine().getErr();
    if (clearing.failure().isPresent()) {
      err.println("peergrid: " + clearing.failure().get());
      return clearing.status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    Optional<PriceCoordination> byPrices = priceCoordination
        ? Optional.of(PriceCoordination.run(region, LocalDsos.placement()))
        : Optional.empty();
    try {
      for (FeederClearing f : clearing.feeders()) {
        writeFeeder(out.resolve(f.feeder().id()), f.settledAs(), f.inRegion());
      }
      if (byPrices.isPresent()) {
        writeFeedersAtPrice(out.resolve(BY_PRICES), region, byPrices.get());
      }
      AtomicFiles.write(out, Map.of(SUMMARY, RegionSummaryJson.of(clearing, byPrices)), List.of());
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
    print(spec.commandLine().getOut(), clearing);
    byPrices.ifPresent(p -> spec.commandLine().getOut().printf(Locale.ROOT,
        "By prices       %s after %d rounds (%d messages, %d proposals): cost %.2f, gap to central %.2e%n",
        p.converged() ? "converged" : "NOT converged", p.iterations(), p.messages(), p.proposals(), p.cost(),
        p.cost() - clearing.regionCost()));
    spec.commandLine().getOut().flush();
    return exitCode(clearing, err);
  }

  /**
   * The region cleared by prices with every DSO an entity on the cluster (docs/region.md, "On a
   * cluster"): each reads its own feeder on its node; only prices, net profiles and costs travel.
   */
  private Integer onCluster(Region region) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    PriceCoordination p;
    String summary;
    long messages;
    long bytes;
    try (ClusterOptions.Session session = clusterOptions.open()) {
      p = PriceCoordination.run(region, session.games().dsos());
      summary = RegionSummaryJson.ofPrices(region, p, session);
      messages = session.games().messages();
      bytes = session.games().bytes();
      session.restartLine().ifPresent(stdout::println);
    } catch (org.peergrid.cluster.ClusterFailure e) {
      err.println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_CLUSTER;
    } catch (PriceCoordination.NoSchedule e) {
      err.println("peergrid: " + e.getMessage());
      return PeergridCommand.EXIT_INFEASIBLE;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write region_summary.json: " + e.getMessage(), e);
    }
    try {
      writeFeedersAtPrice(out, region, p);
      AtomicFiles.write(out, Map.of(SUMMARY, summary), List.of());
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
    String currency = region.feeders().get(0).scenario().currency();
    String money = currency.isEmpty() ? "" : " " + currency;
    stdout.printf(Locale.ROOT, "Cleared region %s by prices on the cluster: %d feeders, %d x %d min, %s after %d"
            + " rounds%n", region.name(), region.feeders().size(), region.feeders().get(0).scenario().horizon().intervals(),
        region.feeders().get(0).scenario().horizon().intervalMinutes(), p.converged() ? "converged" : "NOT converged",
        p.iterations());
    stdout.printf(Locale.ROOT, "%-12s %14s %14s%n", "Feeder", "cost alone", "in region");
    double alone = 0;
    for (PriceCoordination.FeederShare f : p.feeders()) {
      alone += f.costAlone();
      stdout.printf(Locale.ROOT, "%-12s %14.2f %14.2f%n", f.id(), Numbers.clean(f.costAlone()),
          Numbers.clean(f.costInRegion()));
    }
    stdout.printf(Locale.ROOT, "Region          cost %.2f%s against %.2f%s alone (saving %.2f%s), lower bound %.2f%s%n",
        p.cost(), money, alone, money, Numbers.clean(alone - p.cost()), money, p.lowerBound(), money);
    stdout.printf(Locale.ROOT, "Cluster         %d messages, %d bytes%n", messages, bytes);
    stdout.flush();
    if (!p.converged()) {
      err.println("peergrid: the price loop did not converge in " + PriceCoordination.MAX_ITERATIONS + " rounds; "
          + SUMMARY + " reports its last mix, " + Numbers.clean(p.cost() - p.lowerBound()) + " above the lower bound");
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /** One feeder's folder, what {@code clear} writes, from its schedule settled against {@code settledAs}. */
  private static void writeFeeder(Path folder, Scenario settledAs, ClearingResult inRegion) throws IOException {
    Map<String, String> files = ClearCommand.files(settledAs, inRegion);
    List<String> stale = new ArrayList<>(ClearCommand.ALL_FILES);
    stale.removeAll(files.keySet());
    AtomicFiles.write(folder, files, stale);
  }

  /**
   * Every feeder's folder from the price loop (docs/region.md, "Report files of the price
   * coordination"): the DSOs' proposals carry only net profiles and costs, so this process, which
   * reads every scenario anyway, re-solves each feeder at the loop's last prices and settles it
   * with the mechanism.
   */
  private void writeFeedersAtPrice(Path dir, Region region, PriceCoordination p) throws IOException {
    for (Region.Feeder f : region.feeders()) {
      writeFeeder(dir.resolve(f.id()), RegionClearing.atSubstationPrice(f.scenario(), p.price()),
          RegionClearing.atPrice(f, p.price(), mechanism));
    }
  }

  private static void print(PrintWriter out, RegionClearing c) {
    String currency = c.region().feeders().get(0).scenario().currency();
    String money = currency.isEmpty() ? "" : " " + currency;
    out.printf(Locale.ROOT, "Cleared region %s with %s: %d feeders, %d x %d min (LP %d ms)%n", c.region().name(),
        c.mechanism(), c.feeders().size(), c.region().feeders().get(0).scenario().horizon().intervals(),
        c.region().feeders().get(0).scenario().horizon().intervalMinutes(), c.dispatch().orElseThrow().solveMillis());
    out.printf(Locale.ROOT, "%-12s %14s %14s %12s %12s %14s%n", "Feeder", "cost alone", "in region", "bought kWh",
        "sold kWh", "exchange paid");
    for (FeederClearing f : c.feeders()) {
      out.printf(Locale.ROOT, "%-12s %14.2f %14.2f %12.3f %12.3f %14.2f%n", f.feeder().id(),
          Numbers.clean(f.costAlone()), Numbers.clean(f.costInRegion()), Numbers.clean(f.exchangeBoughtKwh()),
          Numbers.clean(f.exchangeSoldKwh()), Numbers.clean(f.exchangePayment()));
    }
    out.printf(Locale.ROOT, "Region          cost %.2f%s against %.2f%s alone (saving %.2f%s), exchange %.3f kWh%n",
        c.regionCost(), money, c.costAlone(), money, Numbers.clean(c.costAlone() - c.regionCost()), money,
        Numbers.clean(c.totalExchangeKwh()));
    out.printf(Locale.ROOT, "Utility bill    %.2f%s (alone %.2f%s)%n", c.utilityBill(), money, c.utilityBillAlone(),
        money);
    out.flush();
  }

  /** As clear's: a feeder the mechanism cannot settle is 4, an AC check that did not converge 3. */
  private static int exitCode(RegionClearing c, PrintWriter err) {
    for (FeederClearing f : c.feeders()) {
      var outcome = f.inRegion().outcome().orElseThrow();
      if (outcome.status() != SettlementStatus.SETTLED) {
        err.println("peergrid: feeder " + f.feeder().id() + ": " + c.mechanism() + " cannot settle its day in the"
            + " region: " + outcome.message());
        return PeergridCommand.EXIT_INFEASIBLE;
      }
    }
    for (FeederClearing f : c.feeders()) {
      AcCheckResult ac = f.inRegion().acCheck().orElseThrow();
      if (!ac.converged()) {
        err.println("peergrid: feeder " + f.feeder().id() + ": the AC power flow did not converge in interval(s) "
            + ac.nonConvergedIntervals() + "; see " + f.feeder().id() + "/" + ClearCommand.AC_CHECK);
        return PeergridCommand.EXIT_NOT_CONVERGED;
      }
    }
    return 0;
  }
}
