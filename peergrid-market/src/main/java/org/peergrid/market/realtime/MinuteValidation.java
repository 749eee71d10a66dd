package org.peergrid.market.realtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.TimeSeries;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseAcCheck;

/**
 * The real-time day replayed minute by minute on the three-phase feeder ({@code peergrid realtime
 * --validate-minutes}, docs/realtime.md "A day validated minute by minute"): a quasi-static time series
 * of three-phase power flows, the open substitute for validating schedules on a real-time simulator.
 *
 * <p>In minute m of interval t: each building's load follows its 1-minute profile ({@code load_kw_minutes})
 * scaled so that its mean over the interval is the interval's actual load (without a profile it holds the
 * interval value); PV is the interval's actual PV times a cloud factor c_m / mean_t(c) (the same mean
 * again), the PV's curtailed share as in the interval; batteries, shiftable loads and generators hold
 * their interval set-points, so a battery's energy moves linearly between its interval-end values, which
 * the schedule keeps inside the SOC limits. Every minute goes through the power flow and the limit check;
 * a minute's violation is flagged where the interval's own check did not find the same limit broken at
 * the same place.
 *
 * <p><b>Cloud factor.</b> {@code c_m = max(0, 1 + σ x_m)}, {@code x_m = φ x_{m−1} + √(1−φ²) ε_m},
 * ε standard normal, {@code φ = exp(−1/τ)} with τ = {@value #CLOUD_TIME_MINUTES} min (lag-1
 * autocorrelation 0.905) and σ = {@value #CLOUD_SIGMA}; one process for the whole feeder (an LV feeder
 * is small beside a cloud), drawn from {@code SplittableRandom(seed)}.
 */
public final class MinuteValidation {
  /** Correlation time of the cloud process [min]: passing clouds change PV over minutes. */
  public static final double CLOUD_TIME_MINUTES = 10;
  /** Standard deviation of the cloud factor around 1 within an interval. */
  public static final double CLOUD_SIGMA = 0.3;

  private MinuteValidation() {}

  /**
   * One minute through the power flow.
   *
   * @param limits the limit check (null when the power flow did not converge)
   */
  public record Minute(int minute, int interval, ThreePhaseResult flow, PhaseLimitCheck.Summary limits) {}

  /**
   * A limit broken in a minute.
   *
   * @param intervalInside true when the interval's own check did not break this limit at this place
   */
  public record MinuteViolation(int minute, int interval, PhaseLimitCheck.Violation violation,
      boolean intervalInside) {}

  /**
   * @param minutes every minute in order
   * @param violations every limit broken, in minute order
   * @param millis wall time of the replay [ms]
   */
  public record Result(List<Minute> minutes, List<MinuteViolation> violations, long millis) {
    /** Minutes with a limit broken although the interval's check had it inside. */
    public long minutesOutsideOnlyInMinutes() {
      return violations.stream().filter(MinuteViolation::intervalInside).mapToInt(MinuteViolation::minute).distinct()
          .count();
    }

    /** Minutes with any limit broken. */
    public long minutesOutside() {
      return violations.stream().mapToInt(MinuteViolation::minute).distinct().count();
    }

    /** Minutes whose power flow did not converge. */
    public long notConverged() {
      return minutes.stream().filter(m -> !m.flow().converged()).count();
    }
  }

  /**
   * Replays the real-time day.
   *
   * @param model the feeder's LinDist3Flow model (its taps; the power flow runs with controls off)
   * @param forecast the scenario, with the 1-minute loads
   * @param realtime the real-time day to replay
   * @param seed the cloud process's seed
   */
  public static Result run(LinDist3Flow model, ThreePhaseScenario forecast, ThreePhaseRealtime.Result realtime,
      long seed) {
    long start = System.nanoTime();
    ThreePhaseScenario actual = realtime.actual();
    int per = forecast.horizon().intervalMinutes();
    int n = forecast.horizon().intervals();
    double[] cloud = cloud(n * per, seed);
    PhaseLimitCheck check = new PhaseLimitCheck(model.network(), forecast.network());
    List<Minute> minutes = new ArrayList<>();
    List<MinuteViolation> violations = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Set<String> intervalBroken = new HashSet<>();
      PhaseLimitCheck.Summary interval = realtime.checks().get(t).limits();
      if (interval != null) {
        interval.violations().forEach(v -> intervalBroken.add(v.kind() + "/" + v.where()));
      }
      double cloudMean = mean(cloud, t * per, per);
      for (int m = t * per; m < (t + 1) * per; m++) {
        List<LinDist3Flow.Injection> all = injections(model, actual, realtime.realizedDays(), t, m, per,
            cloudMean > 0 ? cloud[m] / cloudMean : 1);
        ThreePhaseResult flow = ThreePhaseAcCheck.powerFlow(model, all);
        PhaseLimitCheck.Summary limits = flow.converged() ? check.check(flow) : null;
        minutes.add(new Minute(m, t, flow, limits));
        if (limits != null) {
          for (PhaseLimitCheck.Violation v : limits.violations()) {
            violations.add(new MinuteViolation(m, t, v, !intervalBroken.contains(v.kind() + "/" + v.where())));
          }
        }
      }
    }
    return new Result(minutes, violations, (System.nanoTime() - start) / 1_000_000);
  }

  /** Minute m's injections: the feeder's own loads and every participant's net injection in that minute. */
  static List<LinDist3Flow.Injection> injections(LinDist3Flow model, ThreePhaseScenario actual,
      List<ParticipantDay> days, int t, int m, int per, double cloudFactor) {
    List<LinDist3Flow.Injection> all = ThreePhaseRealtime.background(actual, model, t);
    for (int i = 0; i < actual.participants().size(); i++) {
      Participant p = actual.participants().get(i);
      ParticipantDay d = days.get(i);
      double net = d.netKw()[t];
      double q = 0;
      if (p instanceof Building b) {
        double load = minuteLoad(actual.minuteLoadKw().get(p.id()), b.loadKw().get(t), t, m, per);
        double renewable = b.renewableKw(t);
        // the interval's curtailment, shared pro rata between PV and wind
        double kept = renewable > 0 ? 1 - d.curtailedKw()[t] / renewable : 1;
        double used = (b.pvKw().get(t) * cloudFactor + b.windKw().get(t)) * kept;
        net = used - load - d.shiftedKw()[t] - d.chargeKw()[t] + d.dischargeKw()[t];
        q = -load * Math.tan(Math.acos(b.powerFactor()));
      }
      ThreePhaseRealtime.addSpread(all, actual, model, p.id(), net, q);
    }
    return all;
  }

  /** The minute's load: the profile scaled to the interval's actual mean; the interval value without a profile. */
  static double minuteLoad(TimeSeries profile, double intervalKw, int t, int m, int per) {
    if (profile == null) {
      return intervalKw;
    }
    double mean = mean(profile.values(), t * per, per);
    return mean > 0 ? profile.get(m) * intervalKw / mean : intervalKw;
  }

  /** The cloud factor of every minute (class comment), before it is scaled to each interval's mean. */
  static double[] cloud(int minutes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double phi = Math.exp(-1 / CLOUD_TIME_MINUTES);
    double x = DeviationSampler.gaussian(random);
    double[] c = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      if (m > 0) {
        x = phi * x + Math.sqrt(1 - phi * phi) * DeviationSampler.gaussian(random);
      }
      c[m] = Math.max(0, 1 + CLOUD_SIGMA * x);
    }
    return c;
  }

  private static double mean(double[] v, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += v[i];
    }
    return sum / count;
  }
}
