package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.cli.RealtimeActuals;
import org.peergrid.market.realtime.CommunityDayAhead;
import org.peergrid.market.realtime.DayAhead;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.RealtimeStage;
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

  /**
   * The equilibrium's section; when the scenario asks for real time too, the same actual day as
   * the real-time stage's, played from this equilibrium with netting inside the communities.
   */
  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    Scenario forecast = dayAhead.scenario();
    VcGameClearing game = VcGameClearing.clear(forecast, FormationRules.DEFAULT, NashGameSettings.defaults());
    List<ReportSection> sections = new ArrayList<>();
    sections.add(new VcGameSection(game));
    Optional<DayAhead> equilibrium = CommunityDayAhead.of(game).dayAhead();
    if (forecast.stages().realtime().isPresent() && equilibrium.isPresent()) {
      RealtimeActuals actuals = RealtimeActuals.of(forecast, forecast.stages().realtime().orElseThrow());
      RealtimeResult result = RealtimeStage.run(forecast, actuals.scenario(), equilibrium.get(),
          RealtimeProgress.NONE);
      sections.add(new VcRealtimeSection(result, actuals.description()));
    }
    return sections;
  }
}
