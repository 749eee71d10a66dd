package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcGameClearing;

/**
 * The non-cooperative game among virtual communities (vc-game, docs/vc-game.md) as a stage of
 * {@code peergrid run}, beside {@link VcCoopStage}: it forms the communities, plays the game with
 * the DSO's network charges, and shows the equilibrium in {@link VcGameSection}. It runs when
 * vc-coop's stage does.
 */
public final class VcGameStage implements RunStage {
  @Override
  public String name() {
    return "Virtual communities, non-cooperative game (vc-game)";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return new VcCoopStage().requestedBy(scenario);
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    return List.of(new VcGameSection(VcGameClearing.clear(dayAhead.scenario(), FormationRules.DEFAULT,
        NashGameSettings.defaults())));
  }
}
