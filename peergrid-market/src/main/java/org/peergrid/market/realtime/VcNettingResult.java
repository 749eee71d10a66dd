package org.peergrid.market.realtime;

import java.util.List;

/**
 * Netting inside virtual communities over a day, beside what the operator would keep without it.
 * Identities, checked when it is made: nettingSurplusAlone = the day's netting surplus with VC
 * netting + benefit, and deviationPaymentsAlone − the payments with VC netting = benefit.
 *
 * @param rows one per community and interval, in grouping order then interval
 * @param nettedKwh Σ min(U, D) over communities and intervals [kWh]
 * @param benefit Σ min(U, D) (π^rt,imp − π^rt,exp): what the communities' members saved [money]
 * @param nettingSurplusAlone the operator's netting surplus had every participant settled its own
 *     deviation with the DSO [money]
 * @param deviationPaymentsAlone what the participants would have paid for their deviations then [money]
 */
public record VcNettingResult(List<VcNettingRow> rows, double nettedKwh, double benefit, double nettingSurplusAlone,
    double deviationPaymentsAlone) {
  public VcNettingResult {
    rows = List.copyOf(rows);
  }
}
