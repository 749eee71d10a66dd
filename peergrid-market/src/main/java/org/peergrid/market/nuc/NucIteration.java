package org.peergrid.market.nuc;

/**
 * One clearing of the loop: the schedule under the charges announced before it, and its AC check.
 *
 * @param iteration 1, 2, …
 * @param phase {@code raise}, {@code relax} or {@code settle} (NucLoop)
 * @param surchargeScale α, the factor on the raised surcharges (1 while raising)
 * @param revenue Σ trades' charges [money]
 * @param surchargeRevenue the part of it from surcharges, rent of the limits rather than loss recovery [money]
 * @param cost the DSO's loss cost [money]
 * @param violations AC voltage and thermal violations of the schedule
 * @param lossesKwh AC losses of the day
 * @param vminPu lowest AC voltage
 * @param vmaxPu highest AC voltage
 * @param lossRate ρ, money per kWh per unit weight announced for this clearing
 */
public record NucIteration(int iteration, String phase, double surchargeScale, double revenue,
    double surchargeRevenue, double cost, int violations, double lossesKwh,
    double vminPu, double vmaxPu, double lossRate) {}
