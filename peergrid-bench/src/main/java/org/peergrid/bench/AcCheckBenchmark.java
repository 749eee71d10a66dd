package org.peergrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.peergrid.bench.community.SyntheticCommunity;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * JMH benchmark of the AC check of a whole day ({@link AcCheck#run}): 24 hourly power flows of a
 * schedule cleared once in the setup, with the buses' loads put together from the participants'
 * schedules. {@link #community} is {@code example} (examples/ieee33-community, 32 buildings and
 * the shared assets) or {@code 1000} ({@link SyntheticCommunity#scenario} with 1,000 buildings on
 * case33bw, the issue 17 one-shot case).
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s
 * AcCheckBenchmark}. Results are in docs/benchmarks.md, "One-shot speed".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AcCheckBenchmark {
  @Param({"example", "1000"})
  public String community;

  private Scenario scenario;
  private DispatchSolution solution;

  @Setup(Level.Trial)
  public void setUp() {
    Path root = Path.of(System.getProperty(PowerFlowBenchmark.ROOT_DIR_PROPERTY, "."));
    Path feeder = root.resolve("examples/feeders/case33bw.m");
    if (!Files.isRegularFile(feeder)) {
      throw new IllegalStateException("no feeder file " + feeder.toAbsolutePath()
          + "; run from the repository root or set -D" + PowerFlowBenchmark.ROOT_DIR_PROPERTY + "=<repository root>");
    }
    scenario = community.equals("example")
        ? ScenarioLoader.load(root.resolve("examples/ieee33-community/scenario.yaml"))
        : SyntheticCommunity.scenario(feeder, Integer.parseInt(community), 24, SyntheticCommunity.EXAMPLE_SEED);
    solution = new DlmpMechanism().clear(scenario).dispatch().optimal();
    AcCheckResult check = AcCheck.run(scenario, solution);
    if (!check.nonConvergedIntervals().isEmpty()) {
      throw new IllegalStateException(community + ": AC power flow did not converge in " + check.nonConvergedIntervals());
    }
  }

  @Benchmark
  public AcCheckResult checkDay() {
    return AcCheck.run(scenario, solution);
  }
}
