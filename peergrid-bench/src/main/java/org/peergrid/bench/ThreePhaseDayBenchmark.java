package org.peergrid.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseDay;
import org.peergrid.market.threephase.ThreePhaseDayClearing;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * JMH benchmarks of the three-phase day-ahead market on the bundled example examples/ieee13-3ph (IEEE
 * 13-node feeder, 13 participants, 24 hourly intervals; docs/opendss.md, "Markets on three-phase feeders").
 *
 * <ul>
 *   <li>{@link #prepare()}: the feeder's power flow (regulators under control), LinDist3Flow at its taps,
 *       the participants' sensitivity columns and each interval's fixed injections;
 *   <li>{@link #clearDay()}: one day LP (24 intervals of voltage and unbalance rows, the devices) built
 *       and solved by GLOP, with the DLMPs of every phase node in every interval;
 *   <li>{@link #market()}: what {@code peergrid clear} computes: the AC-corrected clearing (7 day LPs and
 *       7 × 24 three-phase power flows on this example), and the 12 buildings' days alone.
 * </ul>
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s
 * ThreePhaseDayBenchmark}. Results are in docs/opendss.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreePhaseDayBenchmark {
  private ThreePhaseScenario scenario;
  private ThreePhaseDayClearing clearing;

  @Setup(Level.Trial)
  public void setUp() {
    scenario = ScenarioLoader.loadThreePhase(BenchFiles.inRepository("examples/ieee13-3ph/scenario.yaml"));
    clearing = prepare();
    if (!clearDay().optimal() || !market().acPassed()) {
      throw new IllegalStateException("the benchmark's day is not cleared or fails its AC check");
    }
  }

  @Benchmark
  public ThreePhaseDayClearing prepare() {
    LinDist3Flow model = ThreePhaseDayClearing.model(scenario);
    return new ThreePhaseDayClearing(scenario, model);
  }

  @Benchmark
  public ThreePhaseDay clearDay() {
    return clearing.clear();
  }

  @Benchmark
  public ThreePhaseMarket market() {
    return ThreePhaseMarket.solve(clearing);
  }
}
