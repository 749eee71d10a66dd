package org.peergrid.market.dispatch;

import org.peergrid.market.scenario.TimeSeries;

/**
 * What one participant does in each interval, in kW (energy in kWh), as schedule.csv reports it.
 *
 * @param id the participant
 * @param importKw its net withdrawal from the network (0 when it injects)
 * @param exportKw its net injection into the network (0 when it withdraws)
 * @param chargeKw battery charging c_t (0 without a battery)
 * @param dischargeKw battery discharging d_t
 * @param socKwh battery energy e_t at the end of the interval
 * @param shiftedKw shiftable load served s_t
 * @param generationKw PV + wind − curtailed for a building, output for a DG
 * @param curtailedKw curtailed renewable power k_t
 */
public record ParticipantSchedule(
    String id,
    TimeSeries importKw,
    TimeSeries exportKw,
    TimeSeries chargeKw,
    TimeSeries dischargeKw,
    TimeSeries socKwh,
    TimeSeries shiftedKw,
    TimeSeries generationKw,
    TimeSeries curtailedKw) {

  /** Net injection in interval t [kW]: export − import. */
  public double netInjectionKw(int t) {
    return exportKw.get(t) - importKw.get(t);
  }
}
