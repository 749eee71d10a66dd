package org.peergrid.market.probabilistic;

import java.util.Optional;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseDayClearing;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * The model that the point estimate method and Monte Carlo evaluate on a three-phase feeder: input
 * values → the scenario with those forecasts → the day cleared on LinDist3Flow with the AC check and
 * correction ({@link ThreePhaseMarket}) and settled by the mechanism → {@link DayOutputs} (total cost,
 * lowest phase voltage, participants' costs, every phase node's DLMP per interval), or {@code null} when
 * the day cannot be cleared or settled.
 *
 * <p>With {@code reuseModel} the feeder, its LinDist3Flow model and the participants' sensitivity
 * columns are built once per worker thread and every evaluation only makes its fixed injections again
 * ({@link ThreePhaseDayClearing#withForecasts}). Nothing of a clearing is shared between threads: the
 * model solves into work arrays, and the power flow's tap control and the model change the feeder's
 * elements in place, so each thread reads the feeder from its script again
 * ({@link org.peergrid.market.scenario.ThreePhaseNetworkSettings#withOwnFeeder}). Without
 * {@code reuseModel} every evaluation builds all of it from the script up (the cold path, kept to
 * compare). Either way every clearing has its own GLOP solvers.
 */
final class ThreePhaseClearingModel extends DayModel {
  private final ThreePhaseScenario base;
  private final ScenarioInputs inputs;
  private final MarketMechanism mechanism;
  private final boolean reuseModel;
  private final DayOutputs outputs;
  private final ThreadLocal<ThreePhaseDayClearing> prepared;

  ThreePhaseClearingModel(ThreePhaseScenario base, ScenarioInputs inputs, MarketMechanism mechanism,
      boolean reuseModel) {
    this.base = base;
    this.inputs = inputs;
    this.mechanism = mechanism;
    this.reuseModel = reuseModel;
    ThreePhaseDayClearing forecast = new ThreePhaseDayClearing(base, ThreePhaseDayClearing.model(base));
    this.outputs = DayOutputs.of(forecast);
    this.prepared = ThreadLocal.withInitial(() -> fromScratch(base));
  }

  @Override
  public double[] apply(double[] x) {
    clippedValues.addAndGet(inputs.clippedValues(x));
    ThreePhaseScenario day = inputs.apply(base, x);
    ThreePhaseDayClearing clearing = reuseModel ? prepared.get().withForecasts(day) : fromScratch(day);
    ThreePhaseMarket market = ThreePhaseMarket.solve(clearing);
    if (market.acChecks().stream().anyMatch(r -> !r.result().converged())) {
      acNotConverged.incrementAndGet();
    }
    Optional<MechanismOutcome> settled = market.outcome().map(mechanism::settle);
    Optional<double[]> y = outputs.extract(market, settled.flatMap(MechanismOutcome::settlement));
    if (y.isEmpty()) {
      String why = !market.day().optimal() ? market.day().message()
          : settled.isPresent() && settled.get().settlement().isEmpty()
              ? mechanism.name() + " cannot settle the day: " + settled.get().message()
              : "no interval's three-phase power flow converged";
      firstFailure.compareAndSet(null, why);
    }
    return y.orElse(null);
  }

  /**
   * The clearing built from the script up: the power flow's tap control and LinDist3Flow change the
   * feeder's elements in place, so a clearing that runs beside others needs a feeder of its own.
   */
  private static ThreePhaseDayClearing fromScratch(ThreePhaseScenario day) {
    ThreePhaseScenario own = day.withNetwork(day.network().withOwnFeeder());
    return new ThreePhaseDayClearing(own, ThreePhaseDayClearing.model(own));
  }

  @Override
  DayOutputs outputs() {
    return outputs;
  }

  @Override
  public void close() {
    // nothing held between evaluations but the per-thread clearings, which the garbage collector frees
  }
}
