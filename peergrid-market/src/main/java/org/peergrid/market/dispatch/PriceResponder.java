package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * A price taker's best response ({@link PriceResponse}) asked many times: the participant's LP is
 * built once and only the price coefficients change between calls. Building the GLOP model was most
 * of a game round's time (docs/vc-coop.md §4); re-solving also starts from the previous optimal
 * basis, which after a small price change is a few pivots away.
 *
 * <p>Answers are a function of the sequence of prices asked (the warm start can pick another of tied
 * optimal schedules than a cold solve would), so a game whose agents each keep their own responder
 * stays deterministic whatever the thread count. One thread at a time; {@link #close()} frees the
 * native model.
 */
public final class PriceResponder implements AutoCloseable {
  private final DispatchModel m;
  private final MPSolver solver;
  private final LinDistFlowLp lp;
  private final String what;

  /**
   * @param scenario the day (its horizon and network base power)
   * @param participant the price taker, with its private data
   */
  public PriceResponder(Scenario scenario, Participant participant) {
    int n = scenario.horizon().intervals();
    TimeSeries zero = TimeSeries.constant(0, n);
    Scenario alone = new Scenario(scenario.name(), scenario.currency(), scenario.network(), scenario.horizon(),
        new Tariff(zero, zero), List.of(participant));
    m = DispatchModel.copperPlate(alone, participant);
    solver = Glop.create("price-response");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    lp = new LinDistFlowLp(m, solver, m.reactiveFlows(), true, true);
    what = participant.id() + " at prices";
  }

  /**
   * @param pricePerKwh the price of interval t for withdrawing (and injecting) one kWh
   * @return as {@link PriceResponse#respond}
   */
  public DispatchResult respond(double[] pricePerKwh) {
    long start = System.nanoTime();
    for (int t = 0; t < m.intervals; t++) {
      // Import and export at one price: the coefficients LinDistFlowLp gives them at the tariffs.
      m.importPrice[t] = pricePerKwh[t];
      m.exportPrice[t] = pricePerKwh[t];
      solver.objective().setCoefficient(lp.gridImport[t], m.hours * pricePerKwh[t]);
      solver.objective().setCoefficient(lp.gridExport[t], -m.hours * pricePerKwh[t]);
    }
    MPSolver.ResultStatus status = solver.solve();
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      DispatchStatus s = status == MPSolver.ResultStatus.INFEASIBLE ? DispatchStatus.INFEASIBLE
          : DispatchStatus.SOLVER_FAILED;
      return new DispatchResult(s, "GLOP stopped with status " + status + " on " + what, Optional.empty(), ms);
    }
    return new DispatchResult(DispatchStatus.OPTIMAL, "optimal schedule of " + what,
        Optional.of(SolutionReader.read(lp)), ms);
  }

  @Override
  public void close() {
    solver.delete();
  }
}
