package org.peergrid.market.realtime;

/**
 * One participant's two settlements in one interval (docs/realtime.md, settlement). Energies are
 * net withdrawals (negative for a net injection); amounts are paid, negative when received.
 *
 * @param participant the participant id
 * @param interval the interval, from 0
 * @param dayAheadKwh the day-ahead position [kWh]
 * @param dayAheadPrice the day-ahead price at its bus, the DLMP [money/kWh]
 * @param dayAheadAmount dayAheadKwh × dayAheadPrice [money]
 * @param realtimeKwh the realised net withdrawal [kWh]
 * @param deviationKwh realtimeKwh − dayAheadKwh [kWh]
 * @param deviationPrice the real-time import price for a shortfall bought (deviation ≥ 0), the
 *     real-time export price for a surplus sold [money/kWh]
 * @param deviationAmount deviationKwh × deviationPrice [money]
 */
public record DeviationRow(String participant, int interval, double dayAheadKwh, double dayAheadPrice,
    double dayAheadAmount, double realtimeKwh, double deviationKwh, double deviationPrice, double deviationAmount) {

  /** dayAheadAmount + deviationAmount [money]. */
  public double totalAmount() {
    return dayAheadAmount + deviationAmount;
  }
}
