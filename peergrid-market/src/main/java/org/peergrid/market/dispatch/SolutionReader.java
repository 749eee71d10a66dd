package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.TimeSeries;

/** Reads a solved {@link LinDistFlowLp} back into kW, kWh and money per kWh. */
final class SolutionReader {
  /** Below this a simultaneous charge and discharge is solver noise, not a schedule [kW]. */
  private static final double SIMULTANEOUS_KW = 1e-6;

  private SolutionReader() {}

  static DispatchSolution read(LinDistFlowLp lp) {
    return read(lp, 1, lp.m.kw(lp.solver.objective().value()), true);
  }

  /**
   * The same for an LP that shares its solver with others (a region's feeders, {@link RegionDispatch}).
   *
   * @param dualScale by how much the LP's objective coefficients were multiplied: its duals are
   *     divided by it, so that prices stay money per kWh
   * @param objective the cost to report [money], since the solver's objective is not this LP's alone
   * @param rootPricedByTariff false where the root trades at a price other than the tariffs (the
   *     region's substation), so that an idle root says nothing about the price
   */
  static DispatchSolution read(LinDistFlowLp lp, double dualScale, double objective, boolean rootPricedByTariff) {
    DispatchModel m = lp.m;
    int nt = m.intervals;
    List<ParticipantSchedule> schedules = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < lp.units.length; i++) {
      schedules.add(schedule(m, m.participants.get(i), lp.units[i], notes));
    }
    double[] imports = new double[nt];
    double[] exports = new double[nt];
    double[][] flowKw = new double[nt][m.buses];
    double[][] voltagePu = new double[nt][m.buses];
    double[][] lambda = new double[nt][m.buses];
    double[][] voltageMarginal = new double[nt][m.buses];
    double[][] flowMarginal = new double[nt][m.buses];
    for (int t = 0; t < nt; t++) {
      imports[t] = m.kw(lp.gridImport[t].solutionValue());
      exports[t] = m.kw(lp.gridExport[t].solutionValue());
      voltagePu[t][0] = Math.sqrt(m.rootVoltageSquared);
      for (int k = 0; k < m.buses; k++) {
        lambda[t][k] = Glop.marginal(lp.balance[t][k].dualValue()) / dualScale;
        if (k > 0) {
          flowKw[t][k] = m.kw(lp.flow[t][k].solutionValue());
          voltagePu[t][k] = Math.sqrt(Math.max(0, lp.voltage[t][k].solutionValue()));
          voltageMarginal[t][k] = Glop.marginal(lp.voltage[t][k].reducedCost()) / dualScale;
          flowMarginal[t][k] = Glop.marginal(lp.flow[t][k].reducedCost()) / dualScale;
        }
      }
    }
    for (int t = 0; t < nt && rootPricedByTariff; t++) {
      if (imports[t] < SIMULTANEOUS_KW && exports[t] < SIMULTANEOUS_KW) {
        // Then λ_0 is degenerate: any value between the tariffs is an optimal dual.
        notes.add("interval " + t + ": nothing crosses the root, so the price is set by neither tariff (any "
            + "energy price in [" + m.exportPrice[t] + ", " + m.importPrice[t] + "] is valid)");
      }
    }
    LocationalPrices prices = DlmpDecomposition.split(m.parent, m.r, lambda, voltageMarginal, flowMarginal, m.hours);
    return new DispatchSolution(objective, schedules, new TimeSeries(imports), new TimeSeries(exports), prices,
        new NetworkState(new BusSeries(flowKw), new BusSeries(voltagePu)), notes);
  }

  private static ParticipantSchedule schedule(DispatchModel m, Participant p, LinDistFlowLp.Unit u,
      List<String> notes) {
    int nt = m.intervals;
    double[] charge = values(m, u.charge, nt);
    double[] discharge = values(m, u.discharge, nt);
    double[] soc = values(m, u.energy, nt);
    double[] shifted = values(m, u.shifted, nt);
    double[] curtailed = values(m, u.curtailed, nt);
    double[] generation = values(m, u.output, nt);
    double[] imports = new double[nt];
    double[] exports = new double[nt];
    for (int t = 0; t < nt; t++) {
      double net = generation[t] - charge[t] + discharge[t];
      if (p instanceof Building b) {
        generation[t] = b.renewableKw(t) - curtailed[t];
        net = generation[t] - b.loadKw().get(t) - shifted[t] - charge[t] + discharge[t];
      }
      imports[t] = Math.max(0, -net);
      exports[t] = Math.max(0, net);
      if (Math.min(charge[t], discharge[t]) > SIMULTANEOUS_KW) {
        notes.add(p.id() + ": the battery charges " + charge[t] + " kW and discharges " + discharge[t]
            + " kW in interval " + t);
      }
    }
    assert !(p instanceof DistributedGenerator) || u.output != null;
    return new ParticipantSchedule(p.id(), new TimeSeries(imports), new TimeSeries(exports), new TimeSeries(charge),
        new TimeSeries(discharge), new TimeSeries(soc), new TimeSeries(shifted), new TimeSeries(generation),
        new TimeSeries(curtailed));
  }

  /** Solution values in kW (energy variables in kWh); zeros where the participant lacks the part. */
  private static double[] values(DispatchModel m, MPVariable[] vars, int nt) {
    double[] out = new double[nt];
    if (vars != null) {
      for (int t = 0; t < nt; t++) {
        out[t] = m.kw(vars[t].solutionValue());
      }
    }
    return out;
  }
}
