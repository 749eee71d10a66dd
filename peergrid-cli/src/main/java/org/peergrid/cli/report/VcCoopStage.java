package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.VcCoopClearing;

/**
 * The cooperative virtual-community optimum (vc-coop, docs/vc-coop.md) as a stage of {@code peergrid run}: it forms the
 * communities, plays the game with the AC correction, and shows the result in
 * {@link VcCoopSection}. It runs when the scenario has buildings for at least two communities of
 * the smallest size: with fewer there is nothing to form and nothing to trade between communities.
 */
public final class VcCoopStage implements RunStage {
  @Override
  public String name() {
    return "Virtual communities, cooperative (vc-coop)";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return enoughBuildings(scenario.buildings().size());
  }

  /**
   * Whether that many buildings make at least two communities of the smallest size: the condition of
   * the games' stages, on a MATPOWER and on a three-phase feeder.
   */
  public static boolean enoughBuildings(int buildings) {
    return buildings >= 2 * FormationRules.DEFAULT.minSize();
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    VcCoopClearing vc = VcCoopClearing.clear(dayAhead.scenario(), FormationRules.DEFAULT, GameSettings.defaults());
    return List.of(new VcCoopSection(vc));
  }
}
