package org.peergrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.market.threephase.PhaseOffer;
import org.peergrid.market.threephase.ThreePhaseClearing;
import org.peergrid.market.threephase.ThreePhaseClearingResult;

/**
 * JMH benchmarks of the three-phase market clearing on the European LV feeder (906 buses, 2721
 * nodes, its 55 loads fixed), the case of ThreePhaseClearingEuropeanLvTest: ten homes on phase a
 * offer up to 10 kW of PV each, voltage limits 0.94-1.10 p.u., PVUR at most 2 %.
 *
 * <ul>
 *   <li>{@link #buildModel()}: LinDist3Flow from a prepared power flow (factor Y without loads, the
 *       no-load solution);
 *   <li>{@link #clear()}: one clearing: the offers' sensitivity columns, the LP (2,718 voltage rows,
 *       5,436 unbalance rows, 12 columns) built and solved by GLOP, and the DLMPs at 20 ports (two
 *       adjoint solves).
 * </ul>
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s
 * ThreePhaseClearingBenchmark}. Results are in docs/opendss.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreePhaseClearingBenchmark {
  private ThreePhasePowerFlow powerFlow;
  private ThreePhaseClearing clearing;
  private List<LinDist3Flow.Port> ports;

  @Setup(Level.Trial)
  public void setUp() {
    Path root = Path.of(System.getProperty(PowerFlowBenchmark.ROOT_DIR_PROPERTY, "."));
    Path master = root.resolve("examples/feeders/opendss/european_lv/Master.dss");
    if (!Files.isRegularFile(master)) {
      throw new IllegalStateException("no feeder " + master.toAbsolutePath() + "; run from the repository root or set -D"
          + PowerFlowBenchmark.ROOT_DIR_PROPERTY + "=<repository root>");
    }
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(master));
    powerFlow = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    LinDist3Flow model = new LinDist3Flow(powerFlow);
    List<LinDist3Flow.Injection> loads = model.feederInjections();
    List<PhaseOffer> offers = new ArrayList<>();
    ports = new ArrayList<>();
    for (LinDist3Flow.Injection load : loads) {
      LinDist3Flow.Port port = load.port();
      if (offers.size() < 10 && port.minus() < 0 && net.nodeNumbers()[port.plus()] == 1) {
        offers.add(new PhaseOffer("pv " + offers.size(), List.of(port), 0, 10, 0));
        ports.add(port);
        ports.add(new LinDist3Flow.Port(net.node(net.busOf(port.plus()), 2), -1));
      }
    }
    clearing = new ThreePhaseClearing(model, loads, offers, 0.20, 0.05, new ThreePhaseClearing.Limits(0.94, 1.10, 0.02));
    if (clear().status() != ThreePhaseClearingResult.Status.OPTIMAL) {
      throw new IllegalStateException("the benchmark's clearing is not optimal");
    }
  }

  @Benchmark
  public LinDist3Flow buildModel() {
    return new LinDist3Flow(powerFlow);
  }

  @Benchmark
  public ThreePhaseClearingResult clear() {
    return clearing.clear(ports);
  }
}
