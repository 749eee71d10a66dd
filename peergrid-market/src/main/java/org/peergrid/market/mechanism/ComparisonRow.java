package org.peergrid.market.mechanism;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * One mechanism's line in a comparison; figures are empty when it could not settle.
 *
 * @param outcome what it made of the schedule
 * @param communityCost what the buildings pay together [money]
 * @param savings Σ C⁰_b − community cost [money]
 * @param savingsPct 100·savings/|Σ C⁰_b|, empty when that is 0
 * @param minSaving the smallest building saving [money]
 * @param maxSaving the largest building saving [money]
 * @param worseOff buildings that pay more than their base cost
 * @param jainIndex Jain's index of the building savings ({@link JainIndex})
 * @param dsoSurplus what the DSO keeps [money]
 * @param generators each generator's profit against selling only to the utility
 * @param runMillis the mechanism's own run time, schedule excluded [ms]
 */
public record ComparisonRow(MechanismOutcome outcome, OptionalDouble communityCost, OptionalDouble savings,
    OptionalDouble savingsPct, OptionalDouble minSaving, OptionalDouble maxSaving, OptionalInt worseOff,
    OptionalDouble jainIndex, OptionalDouble dsoSurplus, List<GeneratorProfit> generators, double runMillis) {

  public ComparisonRow {
    generators = List.copyOf(generators);
  }

  /** The figures of an outcome of {@code schedule}. */
  public static ComparisonRow of(CooperativeOutcome schedule, MechanismOutcome outcome, double runMillis) {
    Optional<SettlementResult> settled = outcome.settlement();
    if (settled.isEmpty()) {
      OptionalDouble none = OptionalDouble.empty();
      return new ComparisonRow(outcome, none, none, none, none, none, OptionalInt.empty(), none, none, List.of(),
          runMillis);
    }
    SettlementResult s = settled.get();
    double[] savings = s.participants().stream().filter(p -> p.savings().isPresent())
        .mapToDouble(p -> p.savings().getAsDouble()).toArray();
    int worse = (int) s.participants().stream().filter(p -> !p.individuallyRational()).count();
    List<GeneratorProfit> generators = schedule.members().stream().filter(m -> m.role() == Role.GENERATOR)
        .map(m -> new GeneratorProfit(m.id(), -cost(s, m.id()) - m.fuel(), m.aloneProfit().getAsDouble())).toList();
    boolean any = savings.length > 0;
    return new ComparisonRow(outcome, OptionalDouble.of(s.totalCost()), OptionalDouble.of(s.savings()),
        s.savingsPct(), any ? OptionalDouble.of(min(savings)) : OptionalDouble.empty(),
        any ? OptionalDouble.of(max(savings)) : OptionalDouble.empty(), OptionalInt.of(worse),
        any ? OptionalDouble.of(JainIndex.of(savings)) : OptionalDouble.empty(), OptionalDouble.of(s.dsoSurplus()),
        generators, runMillis);
  }

  public String mechanism() {
    return outcome.mechanism();
  }

  /**
   * Whether no generator earns less than it would selling only to the utility. A mechanism that
   * fails this saves the buildings money partly by taking it from the generators, so headlines
   * that name "the best mechanism" should only consider those that pass.
   */
  public boolean keepsGeneratorsWhole() {
    return generators.stream().allMatch(g -> g.gain() >= -GENERATOR_GAIN_TOLERANCE);
  }

  /**
   * The settled row with the largest building savings among those that keep generators whole. The
   * savings-sharing mechanisms all hand out the same saving S, so ties are common: among the rows
   * within rounding of the largest saving, the one with the fewest buildings worse off than alone,
   * then the largest smallest building saving (nobody left far behind), then the first listed.
   */
  public static Optional<ComparisonRow> bestForBuildings(List<ComparisonRow> rows) {
    List<ComparisonRow> best = tiedForBest(rows);
    return best.stream().min(java.util.Comparator.<ComparisonRow>comparingInt(r -> r.worseOff().orElse(0))
        .thenComparing(r -> -r.minSaving().orElse(Double.NEGATIVE_INFINITY)));
  }

  /**
   * The rows that keep generators whole and save, within rounding, as much as the best of them:
   * those that {@link #bestForBuildings} chooses among, in list order.
   */
  public static List<ComparisonRow> tiedForBest(List<ComparisonRow> rows) {
    List<ComparisonRow> fair = rows.stream().filter(r -> r.savings().isPresent() && r.keepsGeneratorsWhole())
        .toList();
    double top = fair.stream().mapToDouble(r -> r.savings().getAsDouble()).max().orElse(0);
    double tie = SAVINGS_TIE_TOLERANCE * Math.max(1, Math.abs(top));
    return fair.stream().filter(r -> r.savings().getAsDouble() >= top - tie).toList();
  }

  /** Relative difference of savings below which two mechanisms save the same (rounding of B). */
  static final double SAVINGS_TIE_TOLERANCE = 1e-9;

  /** Money below which a generator's loss against selling alone is rounding [money]. */
  static final double GENERATOR_GAIN_TOLERANCE = 1e-6;

  private static double cost(SettlementResult s, String id) {
    return s.participants().stream().filter(p -> p.participant().equals(id)).findFirst()
        .map(ParticipantSettlement::cost).orElseThrow();
  }

  private static double min(double[] x) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : x) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }
}
