package org.peergrid.market.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Monte Carlo simulation with a fixed seed, the reference the point estimate method is measured
 * against. Sample i draws all inputs, in list order and independently, from its own generator
 * {@link #generator(long, long) generator(seed, i)}, and the samples are accumulated in blocks of
 * {@value #BLOCK} (Welford's update within a block, Chan et al.'s pairwise combination across
 * blocks in block order). The result therefore depends only on the seed, the sample count, the
 * inputs and the model, not on the number of threads. The variance uses the n − 1 denominator.
 *
 * <p>A sample for which the model returns {@code null} (it cannot be evaluated, e.g. the sample makes
 * the market day infeasible) is counted as failed and left out: the statistics are then those of
 * the outputs given that the model succeeds, and failed/samples estimates the probability of failure.
 */
public final class MonteCarlo {
  /** Samples per block: the unit of parallel work and of progress reports. */
  public static final int BLOCK = 256;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final int samples;
  private final long seed;
  private final ParallelEvaluator evaluator;

  public MonteCarlo(int samples, long seed, ParallelEvaluator evaluator) {
    if (samples < 2 || evaluator == null) {
      throw new IllegalArgumentException("Monte Carlo needs at least 2 samples and an evaluator, got " + samples);
    }
    this.samples = samples;
    this.seed = seed;
    this.evaluator = evaluator;
  }

  /** On all cores. */
  public MonteCarlo(int samples, long seed) {
    this(samples, seed, ParallelEvaluator.allCores());
  }

  /** The generator of sample {@code index}: a SplittableRandom seeded by SplitMix64 of seed and index. */
  public static RandomGenerator generator(long seed, long index) {
    return new SplittableRandom(mix64(seed + GOLDEN_GAMMA * (index + 1)));
  }

  /** The input vector of sample {@code index}. */
  public static double[] sample(List<? extends RandomInput> inputs, long seed, long index) {
    RandomGenerator rng = generator(seed, index);
    double[] x = new double[inputs.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = inputs.get(k).sample(rng);
    }
    return x;
  }

  public UncertaintyResult estimate(List<? extends RandomInput> inputs, Function<double[], double[]> model) {
    return estimate(inputs, model, ProgressListener.NONE);
  }

  public UncertaintyResult estimate(
      List<? extends RandomInput> inputs, Function<double[], double[]> model, ProgressListener listener) {
    List<RandomInput> fixed = List.copyOf(inputs);
    int blocks = (samples + BLOCK - 1) / BLOCK;
    Progress progress = new Progress(listener, samples);
    List<Accumulator> parts = evaluator.map(blocks, b -> {
      Accumulator acc = new Accumulator();
      int end = Math.min(samples, (b + 1) * BLOCK);
      for (int i = b * BLOCK; i < end; i++) {
        acc.add(model.apply(sample(fixed, seed, i)));
      }
      progress.add(end - b * BLOCK);
      return acc;
    });
    Accumulator total = parts.get(0);
    for (int b = 1; b < parts.size(); b++) {
      total.merge(parts.get(b));
    }
    return total.result();
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Count, means and sums of squared deviations of each output, and the failed samples. */
  private static final class Accumulator {
    private long count;
    private int failed;
    private double[] mean;
    private double[] m2;

    void add(double[] y) {
      if (y == null) {
        failed++;
        return;
      }
      if (mean == null) {
        mean = new double[y.length];
        m2 = new double[y.length];
      } else if (y.length != mean.length) {
        throw new IllegalArgumentException("the model returned outputs of different lengths: " + mean.length + " and " + y.length);
      }
      count++;
      for (int j = 0; j < y.length; j++) {
        double d = y[j] - mean[j];
        mean[j] += d / count;
        m2[j] += d * (y[j] - mean[j]);
      }
    }

    void merge(Accumulator other) {
      failed += other.failed;
      if (other.count == 0) {
        return;
      }
      if (count == 0) {
        count = other.count;
        mean = other.mean;
        m2 = other.m2;
        return;
      }
      if (other.mean.length != mean.length) {
        throw new IllegalArgumentException("the model returned outputs of different lengths");
      }
      long n = count + other.count;
      for (int j = 0; j < mean.length; j++) {
        double d = other.mean[j] - mean[j];
        mean[j] += d * other.count / n;
        m2[j] += other.m2[j] + d * d * count * other.count / n;
      }
      count = n;
    }

    UncertaintyResult result() {
      int outputs = mean == null ? 0 : mean.length;
      List<OutputStatistics> stats = new ArrayList<>(outputs);
      for (int j = 0; j < outputs; j++) {
        // Fewer than two successes give no variance: NaN, as for a point estimate that lost a point.
        stats.add(count < 2 ? new OutputStatistics(Double.NaN, Double.NaN)
            : new OutputStatistics(mean[j], m2[j] / (count - 1)));
      }
      return new UncertaintyResult(stats, (int) count + failed, failed);
    }
  }
}
