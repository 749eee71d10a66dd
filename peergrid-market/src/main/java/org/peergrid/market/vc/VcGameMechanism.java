package org.peergrid.market.vc;

import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.scenario.Scenario;

/**
 * The non-cooperative game among virtual communities behind {@link MarketMechanism} (docs/vc-game.md):
 * {@link #clear} forms the communities, plays the game to a certified ε-equilibrium under the DSO's
 * network charges and settles it by the game's rules. Equilibrium concept: a generalised Nash
 * equilibrium with the limits' prices shared by all players; complexity per round: one convex
 * best response (an LP with cutting planes) per player.
 *
 * <p>It does not settle a schedule it did not choose: in this game who trades with whom, and at what
 * share, follows from the players' strategies, so {@link #settle} of a cooperative outcome says so
 * ({@code NO_SPLIT}) rather than inventing one. {@code peergrid clear --mechanism vc-game} uses
 * {@link VcGameClearing} directly for its extra files.
 */
public final class VcGameMechanism implements MarketMechanism {
  private final FormationRules rules;
  private final NashGameSettings settings;

  public VcGameMechanism() {
    this(FormationRules.DEFAULT, NashGameSettings.defaults());
  }

  public VcGameMechanism(FormationRules rules, NashGameSettings settings) {
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public String name() {
    return VcGameClearing.NAME;
  }

  @Override
  public String description() {
    return "non-cooperative game among virtual communities: certified ε-Nash equilibrium of B2B/B2C/C2C offers";
  }

  @Override
  public MechanismOutcome settle(CooperativeOutcome outcome) {
    return MechanismOutcome.noSplit(name(), "the game chooses its own schedule; a cooperative schedule has no "
        + "equilibrium trades to settle (clear the scenario with vc-game instead)");
  }

  @Override
  public ClearingResult clear(Scenario scenario) {
    return VcGameClearing.clear(scenario, rules, settings).clearing();
  }

  /** Cold: the game's own LPs (best responses with cutting planes) are not kept warm yet. */
  @Override
  public ClearingResult clear(Scenario scenario, WarmSolvers warm) {
    return clear(scenario);
  }
}
