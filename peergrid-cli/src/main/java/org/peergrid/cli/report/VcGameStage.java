package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.VcClearing;

/**
 * The virtual-community game (docs/vc-game.md) as a stage of {@code peergrid run}: it forms the
 * communities, plays the game with the AC correction, and shows the result in
 * {@link VcGameSection}. It runs when the scenario has buildings for at least two communities of
 * the smallest size: with fewer there is nothing to form and nothing to trade between communities.
 */
public final class VcGameStage implements RunStage {
  @Override
  public String name() {
    return "Virtual-community game";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return scenario.buildings().size() >= 2 * FormationRules.DEFAULT.minSize();
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    VcClearing vc = VcClearing.clear(dayAhead.scenario(), FormationRules.DEFAULT, GameSettings.defaults());
    return List.of(new VcGameSection(vc));
  }
}
