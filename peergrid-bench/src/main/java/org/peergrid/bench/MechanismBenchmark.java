package org.peergrid.bench;

import java.util.Random;
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
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.CopperPlate;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.Mechanisms;

/**
 * JMH benchmark of each mechanism's own run time ({@link MarketMechanism#settle}) on a synthetic
 * copper-plate outcome: {@link #buildings} buildings over 24 one-hour intervals, net energies drawn
 * with a fixed seed between −30 and +40 kWh, a time-of-use import tariff and a flat export tariff.
 * The LP, base cases and AC check are not part of it: a mechanism settles a schedule computed once.
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 2 -w 1s -i 3 -r 1s
 * MechanismBenchmark}. Results are in {@code docs/benchmarks-mechanisms.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MechanismBenchmark {
  static final int INTERVALS = 24;

  @Param({"10", "100", "1000"})
  public int buildings;

  @Param({"dlmp", "nash", "ks", "sdr", "mmr", "bill-sharing", "incentive"})
  public String mechanism;

  private MarketMechanism settler;
  private CooperativeOutcome outcome;

  @Setup(Level.Trial)
  public void setUp() {
    settler = Mechanisms.byName(mechanism).orElseThrow();
    double[] imp = new double[INTERVALS];
    double[] exp = new double[INTERVALS];
    for (int t = 0; t < INTERVALS; t++) {
      imp[t] = t >= 17 && t < 22 ? 8 : 5;
      exp[t] = 2;
    }
    CopperPlate community = CopperPlate.of(1, imp, exp);
    Random random = new Random(42);
    for (int b = 0; b < buildings; b++) {
      double[] net = new double[INTERVALS];
      for (int t = 0; t < INTERVALS; t++) {
        net[t] = -30 + 70 * random.nextDouble();
      }
      community.building("B" + b, net);
    }
    outcome = community.build("synthetic-" + buildings);
    if (settler.settle(outcome).settlement().isEmpty()) {
      throw new IllegalStateException(mechanism + " cannot settle the synthetic community");
    }
  }

  @Benchmark
  public MechanismOutcome settle() {
    return settler.settle(outcome);
  }
}
