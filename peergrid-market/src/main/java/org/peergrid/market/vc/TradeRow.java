package org.peergrid.market.vc;

/**
 * One community's trade in one interval (trades.csv). Energy in kWh, money in the scenario's
 * currency, every internal trade at the interval's energy price λ_0 (the DLMP's energy part).
 *
 * @param interval from 0
 * @param vc the community
 * @param b2bKwh energy members sold to members (= bought from members)
 * @param b2cBuyKwh energy members bought from their coordinator (the community's deficit)
 * @param b2cSellKwh energy members sold to their coordinator (the community's surplus)
 * @param c2cBuyKwh energy the coordinator bought from other communities
 * @param c2cSellKwh energy the coordinator sold to other communities
 * @param rootBuyKwh the rest of the deficit, bought from the DSO at the substation
 * @param rootSellKwh the rest of the surplus, sold to the DSO at the substation
 * @param energyPrice λ_0 [money/kWh]
 * @param b2bMoney paid by buying members to selling members
 * @param b2cMoney paid by members to the coordinator, net
 * @param c2cMoney paid by the coordinator to other coordinators, net
 * @param rootMoney paid by the coordinator to the DSO at the substation, net
 * @param networkCharges paid by members to the DSO: Σ (DLMP − λ_0)·net withdrawal, the voltage and
 *     congestion parts of their DLMPs
 */
public record TradeRow(int interval, String vc, double b2bKwh, double b2cBuyKwh, double b2cSellKwh,
    double c2cBuyKwh, double c2cSellKwh, double rootBuyKwh, double rootSellKwh, double energyPrice,
    double b2bMoney, double b2cMoney, double c2cMoney, double rootMoney, double networkCharges) {}
