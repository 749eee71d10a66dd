package org.peergrid.market.variants;

import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.dispatch.DispatchStatus;

/**
 * One case of the day.
 *
 * @param variant which case
 * @param participants how many participants take part
 * @param status the schedule's status (the base case needs none: OPTIMAL)
 * @param netCost what the buildings owe together, community batteries included (B of
 *     docs/mechanisms.md at DLMPs; Σ C⁰_b for the base case) [money]; empty without a schedule
 * @param gridImportKwh energy bought from the utility at the root, background load included [kWh];
 *     empty for the base case, which has no network
 * @param diagnosis why there is no schedule
 * @param dgProfit what the scenario's generators earn together, received less fuel [money]: selling
 *     only to the utility at the export tariff in the cases without them in the market ((a)–(c)), at
 *     the generator price of docs/mechanisms.md in (d); empty without a schedule
 */
public record VariantResult(CaseVariant variant, int participants, DispatchStatus status, OptionalDouble netCost,
    OptionalDouble gridImportKwh, Optional<String> diagnosis, OptionalDouble dgProfit) {

  /** Base-case net cost − this case's [money]: what the added elements save. */
  public OptionalDouble reduction(double baseCost) {
    return netCost.isPresent() ? OptionalDouble.of(baseCost - netCost.getAsDouble()) : OptionalDouble.empty();
  }

  /** 100 · reduction / |base cost|; empty when the base cost is 0 or there is no schedule. */
  public OptionalDouble reductionPct(double baseCost) {
    OptionalDouble r = reduction(baseCost);
    return r.isPresent() && baseCost != 0 ? OptionalDouble.of(100 * r.getAsDouble() / Math.abs(baseCost))
        : OptionalDouble.empty();
  }
}
