package org.peergrid.market.realtime;

/**
 * One virtual community's deviations in one interval (docs/realtime.md, netting inside virtual
 * communities): its members' shortfalls and surpluses net first inside it at its internal price,
 * and only the residual is settled with the DSO at the real-time tariff.
 *
 * @param community the community id (VC01, VC-DG18 …)
 * @param interval the interval, from 0
 * @param shortfallKwh U: its members' shortfalls added up (deviations ≥ 0) [kWh]
 * @param surplusKwh D: its members' surpluses added up (|deviations < 0|) [kWh]
 * @param nettedKwh min(U, D): traded between its members at the internal price [kWh]
 * @param internalPrice ρ = (π^rt,imp + π^rt,exp)/2 [money/kWh]
 * @param residualKwh U − D: what the community buys (positive) or sells from the DSO [kWh]
 * @param residualAmount (U − min(U, D)) π^rt,imp − (D − min(U, D)) π^rt,exp: what its members pay
 *     the DSO for the residual, negative when received [money]
 * @param benefit min(U, D) (π^rt,imp − π^rt,exp): what its members save against each settling its
 *     own deviation with the DSO [money]
 */
public record VcNettingRow(String community, int interval, double shortfallKwh, double surplusKwh, double nettedKwh,
    double internalPrice, double residualKwh, double residualAmount, double benefit) {}
