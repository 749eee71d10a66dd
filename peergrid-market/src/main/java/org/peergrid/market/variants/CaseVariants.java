package org.peergrid.market.variants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.Role;
import org.peergrid.market.scenario.Scenario;

/**
 * Runs every {@link CaseVariant} of a day. The whole scenario's day is given (it is solved once for
 * the report anyway); the cases that remove participants are solved again on their own.
 */
public final class CaseVariants {
  private CaseVariants() {}

  /**
   * @param full the scenario's own day, optimal
   * @param onSolve called with each case before it is solved (progress display)
   */
  public static List<VariantResult> run(CooperativeDay full, java.util.function.Consumer<CaseVariant> onSolve) {
    Scenario scenario = full.scenario();
    var outcome = full.outcome().orElseThrow(() -> new IllegalArgumentException("the day has no schedule"));
    // Without the generators in the market, each sells to the utility alone (CooperativeOutcome#aloneProfit).
    double aloneProfit = outcome.members().stream().filter(m -> m.role() == Role.GENERATOR)
        .mapToDouble(m -> m.aloneProfit().getAsDouble()).sum();
    List<VariantResult> results = new ArrayList<>();
    results.add(new VariantResult(CaseVariant.BASE, scenario.buildings().size(), DispatchStatus.OPTIMAL,
        OptionalDouble.of(outcome.baseCost()), OptionalDouble.empty(), Optional.empty(),
        OptionalDouble.of(aloneProfit)));
    for (CaseVariant v : List.of(CaseVariant.SHARING, CaseVariant.SHARING_WITH_BATTERY, CaseVariant.WITH_GENERATORS)) {
      Scenario derived = v.derive(scenario);
      CooperativeDay day;
      if (derived == scenario) {
        day = full;
      } else {
        onSolve.accept(v);
        day = CooperativeDay.solve(derived);
      }
      results.add(of(v, day, aloneProfit));
    }
    return results;
  }

  private static VariantResult of(CaseVariant v, CooperativeDay day, double aloneProfit) {
    int n = day.scenario().participants().size();
    if (day.outcome().isEmpty()) {
      return new VariantResult(v, n, day.dispatch().status(), OptionalDouble.empty(), OptionalDouble.empty(),
          Optional.of(day.dispatch().message()), OptionalDouble.empty());
    }
    double hours = day.scenario().horizon().hours();
    // The net cost is on the scenario's bill basis, the one the savings-sharing mechanisms split,
    // so that (d) is what they hand out and (a)-(d) compare like with like.
    CooperativeOutcome o = day.outcome().get();
    double dgProfit = v == CaseVariant.WITH_GENERATORS ? o.bill().generatorProfit(o) : aloneProfit;
    return new VariantResult(v, n, DispatchStatus.OPTIMAL, OptionalDouble.of(o.bill().of(o)),
        OptionalDouble.of(day.dispatch().optimal().gridImportKwh(hours)), Optional.empty(),
        OptionalDouble.of(dgProfit));
  }
}
