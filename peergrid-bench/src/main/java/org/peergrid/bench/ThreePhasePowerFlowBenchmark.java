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
import org.peergrid.grid.opendss.DssCircuit;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.grid.threephase.ThreePhaseResult;

/**
 * JMH benchmarks of the unbalanced three-phase power flow ({@link ThreePhasePowerFlow}) on the bundled
 * OpenDSS feeders (examples/feeders/opendss).
 *
 * <ul>
 *   <li>{@link #warmSolve()}: one {@code solve()} on a power flow prepared once per trial (network
 *       built, voltage bases found): it factors the admittance matrix, iterates from the no-load
 *       voltages and runs the tap-control loop, whose regulators start where the previous solve left
 *       them (so, after the first, one control iteration);
 *   <li>{@link #coldReadBuildSolve()}: read the scripts from disk, build the network, find the
 *       voltage bases and solve (with the control loop from the scripts' taps).
 * </ul>
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s
 * ThreePhasePowerFlowBenchmark}. Results are in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThreePhasePowerFlowBenchmark {

  /** The feeder: folder/master under examples/feeders/opendss. */
  @Param({"ieee123/IEEE123Master.dss", "european_lv/Master.dss"})
  public String feeder;

  private Path master;
  private ThreePhasePowerFlow powerFlow;

  @Setup(Level.Trial)
  public void setUp() {
    Path root = Path.of(System.getProperty(PowerFlowBenchmark.ROOT_DIR_PROPERTY, "."));
    master = root.resolve("examples/feeders/opendss").resolve(feeder);
    if (!Files.isRegularFile(master)) {
      throw new IllegalStateException("no feeder " + master.toAbsolutePath() + "; run from the repository root or set -D"
          + PowerFlowBenchmark.ROOT_DIR_PROPERTY + "=<repository root>");
    }
    powerFlow = prepare(master);
    // what is measured must be a real, converging solve, on both paths
    if (!powerFlow.solve().converged() || !coldReadBuildSolve().converged()) {
      throw new IllegalStateException(feeder + " did not converge");
    }
  }

  private static ThreePhasePowerFlow prepare(Path master) {
    DssCircuit circuit = DssScriptReader.read(master);
    ThreePhaseParameters p = new ThreePhaseParameters(1e-10, 200, !circuit.controlsOff(), circuit.maxControlIterations());
    return new ThreePhasePowerFlow(DssNetworkBuilder.build(circuit), p);
  }

  @Benchmark
  public ThreePhaseResult warmSolve() {
    return powerFlow.solve();
  }

  @Benchmark
  public ThreePhaseResult coldReadBuildSolve() {
    return prepare(master).solve();
  }
}
