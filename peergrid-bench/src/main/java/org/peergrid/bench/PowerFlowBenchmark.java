package org.peergrid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * JMH benchmarks of the radial AC power flow ({@link SweepPowerFlow}).
 *
 * <ul>
 *   <li>{@link #warmSolve()}: one {@code solve()} on a network and solver built once per trial, as
 *       a market loop that re-solves the same feeder sees it.
 *   <li>{@link #coldImportBuildSolve()}: the end-to-end cost of one call: parse the MATPOWER text
 *       (held in memory, so no disk I/O is measured), build the radial tree, build the solver and
 *       solve.
 * </ul>
 *
 * <p>Both report average time per operation in microseconds, for each case in {@link #caseName}.
 * Feeders are read from {@code examples/feeders/<case>.m} under the repository root, which is the
 * system property {@code peergrid.root.dir} or, without it, the current directory.
 *
 * <p>To run, from the repository root:
 *
 * <pre>{@code
 * peergrid-bench/run.sh                       # defaults: -f 1 -wi 3 -w 1s -i 5 -r 1s PowerFlowBenchmark
 * peergrid-bench/run.sh -f 2 PowerFlowBenchmark.warmSolve -p caseName=case33bw
 * }</pre>
 *
 * <p>{@code run.sh} builds this module with {@code ./mvnw -q -B -DskipTests -pl peergrid-bench -am
 * package} and then runs {@code java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*"
 * org.openjdk.jmh.Main} with the given JMH arguments. Results are in {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PowerFlowBenchmark {

  /** System property naming the repository root; default the current directory. */
  public static final String ROOT_DIR_PROPERTY = "peergrid.root.dir";

  /** The feeder: {@code examples/feeders/<caseName>.m}. */
  @Param({"case33bw", "case69", "case533mt_hi"})
  public String caseName;

  private String caseText;
  private String caseSource;
  private SweepPowerFlow solver;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path root = Path.of(System.getProperty(ROOT_DIR_PROPERTY, "."));
    Path file = root.resolve("examples").resolve("feeders").resolve(caseName + ".m");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no feeder file " + file.toAbsolutePath()
          + "; run from the repository root or set -D" + ROOT_DIR_PROPERTY + "=<repository root>");
    }
    caseText = Files.readString(file, StandardCharsets.UTF_8);
    caseSource = file.toString();

    Feeder feeder = MatpowerCaseReader.read(file);
    solver = new SweepPowerFlow(RadialNetwork.of(feeder));
    // Check once that what is measured is a real, converging solve, on both paths.
    PowerFlowResult warm = solver.solve();
    PowerFlowResult cold = coldImportBuildSolve();
    if (!warm.converged() || !cold.converged()) {
      throw new IllegalStateException(caseName + ": power flow did not converge (" + warm.status() + ")");
    }
  }

  /** A warm solve: network, solver and work arrays already built. */
  @Benchmark
  public PowerFlowResult warmSolve() {
    return solver.solve();
  }

  /** Parse the case text + build the radial tree + build the solver + solve. */
  @Benchmark
  public PowerFlowResult coldImportBuildSolve() {
    Feeder feeder = MatpowerCaseReader.parse(caseText, caseSource, caseName);
    return new SweepPowerFlow(RadialNetwork.of(feeder)).solve();
  }
}
