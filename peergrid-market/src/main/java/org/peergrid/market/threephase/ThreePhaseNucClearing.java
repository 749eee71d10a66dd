package org.peergrid.market.threephase;

import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.nuc.NucSettings;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * {@code peergrid clear --mechanism p2p-nuc} on a three-phase scenario (docs/nuc-ev.md, "On a
 * three-phase feeder"): the same loop, trades and MMR settlement as on a balanced feeder
 * ({@link NucClearing}), the peers' market the day without network limits balanced against the
 * feeder's own loads ({@link PlayersDay#withFeederLoads}), the feeder {@link ThreePhaseNucFeeder}.
 *
 * @param market the peers' day (participants, tariffs; the feeder's loads as background)
 * @param nuc the loop, its last clearing settled at the mid-market rate, each participant's saving
 */
public record ThreePhaseNucClearing(ThreePhaseScenario scenario, Scenario market, ThreePhaseNucFeeder feeder,
    NucClearing<ThreePhaseGameFeeder.Check> nuc) {

  public static ThreePhaseNucClearing clear(ThreePhaseScenario s, NucSettings settings) {
    LinDist3Flow model = ThreePhaseDayClearing.model(s);
    Scenario market = PlayersDay.withFeederLoads(s, model);
    ThreePhaseNucFeeder feeder = new ThreePhaseNucFeeder(s, model);
    return new ThreePhaseNucClearing(s, market, feeder, NucClearing.clear(market, feeder, settings));
  }

  /** The last clearing's schedules in scenario order; empty when it failed. */
  public List<ParticipantSchedule> schedules() {
    return nuc.dispatch().solution()
        .map(sol -> scenario.participants().stream().map(p -> sol.schedule(p.id())).toList()).orElse(List.of());
  }

  /** The last clearing's three-phase AC check (null when it failed). */
  public ThreePhaseGameFeeder.Check acCheck() {
    return nuc.loop().ac();
  }

  /** Largest PVUR the power flow finds in interval t at a three-phase bus. */
  public double largestUnbalance(int t) {
    return ThreePhaseMarket.pvur(acCheck().reports().get(t).result()::vmPu, feeder.network());
  }

  /** The same from LinDist3Flow's voltages of interval t. */
  public double largestLinearUnbalance(int t) {
    double[] v2 = acCheck().reports().get(t).linearPu2();
    return ThreePhaseMarket.pvur(k -> Math.sqrt(v2[k]), feeder.network());
  }
}
