package org.peergrid.market.threephase;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseNetworkSettings;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameFeeder;
import org.peergrid.market.vc.GameTrade;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.PeerMarketSettlement;
import org.peergrid.market.vc.PrivateCost;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcFormation;
import org.peergrid.market.vc.VcNashGame;

/**
 * {@code peergrid clear --mechanism vc-game} on a three-phase scenario (docs/vc-game.md, "On a
 * three-phase feeder"): the same players, communities, price and allocation rules and certificate as
 * on a balanced feeder ({@link VcNashGame}, {@link PeerMarketSettlement}), each player's net
 * withdrawal going onto its phases; the DSO is {@link ThreePhaseGameFeeder}, which checks every
 * equilibrium with the three-phase power flow (voltages and unbalance) and raises its charges by
 * LinDist3Flow's sensitivities.
 *
 * @param players the day as the players see it ({@link PlayersDay})
 * @param played the DSO's loop: the last equilibrium, its check, the violations after each play
 * @param trades every trade of the equilibrium (trades.csv)
 * @param settlement every participant's money under the game's rules
 * @param systemCost the equilibrium's system cost: the source's import at the import tariff less its
 *     export at the export tariff (LinDist3Flow's lossless balance, the feeder's own loads included, as
 *     in {@link ThreePhaseDay#cost()}), plus batteries' wear and generators' fuel [money]
 * @param coopCost the cooperative optimum under the limits the DSO enforces: the day's LP with the
 *     voltage limits AC-corrected and the unbalance limit (without the unbalance charge: no unbalance
 *     limit) [money]
 * @param dlmpCost the three-phase clearing's cost under the scenario's own limits, PVUR included: what
 *     {@code --mechanism dlmp} schedules [money]
 */
public record ThreePhaseVcGame(ThreePhaseScenario scenario, Scenario players, LinDist3Flow model,
    GameFeeder.Played<ThreePhaseGameFeeder.Check> played, List<GameTrade> trades, SettlementResult settlement,
    double systemCost, OptionalDouble coopCost, OptionalDouble dlmpCost) {
  public static final String NAME = "vc-game";
  /** The unbalance limit of the cooperative reference without the unbalance charge: none (no unbalance rows). */
  static final double NO_UNBALANCE_LIMIT_PU = Double.POSITIVE_INFINITY;

  public ThreePhaseVcGame {
    trades = List.copyOf(trades);
  }

  /**
   * Forms the communities, plays, settles; the cooperative references cleared on the same model. The
   * DSO charges for the voltage limits only (what {@code clear --mechanism vc-game} runs): its equilibrium
   * can exceed {@code unbalance_pu}.
   */
  public static ThreePhaseVcGame clear(ThreePhaseScenario s, FormationRules rules, NashGameSettings settings) {
    return clear(s, rules, settings, false);
  }

  /**
   * The same; with {@code chargeUnbalance} the DSO also charges behind every interval whose power flow
   * exceeds {@code unbalance_pu} ({@link ThreePhaseGameFeeder}). Not yet the command's default: on
   * examples/ieee13-3ph at its former 4.5 % the charges could not bring the power flow's PVUR inside
   * (docs/opendss.md, "Not done on three-phase feeders").
   */
  public static ThreePhaseVcGame clear(ThreePhaseScenario s, FormationRules rules, NashGameSettings settings,
      boolean chargeUnbalance) {
    return clear(s, rules, settings, chargeUnbalance, VcNashGame.PlayerPlacement.LOCAL);
  }

  /**
   * The same with the players placed by {@code placement} (on a cluster each reads its own participant
   * and builds {@link PlayersDay} on its node: docs/cluster.md); the DSO's loop stays here.
   */
  public static ThreePhaseVcGame clear(ThreePhaseScenario s, FormationRules rules, NashGameSettings settings,
      boolean chargeUnbalance, VcNashGame.PlayerPlacement placement) {
    LinDist3Flow model = ThreePhaseDayClearing.model(s);
    Scenario players = PlayersDay.of(s, model);
    Grouping grouping = VcFormation.form(players, rules);
    ThreePhaseGameFeeder feeder = new ThreePhaseGameFeeder(s, model, chargeUnbalance);
    GameFeeder.Played<ThreePhaseGameFeeder.Check> played;
    try (VcNashGame game = VcNashGame.of(players, grouping, settings, placement)) {
      played = GameFeeder.play(game, feeder, s.participants().size(), s.horizon().intervals(),
          settings.acCorrection());
    }
    VcEquilibrium e = played.equilibrium();
    double hours = s.horizon().hours();
    double utilityBill = 0;
    double privateCost = 0;
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double net = feeder.netImportKw(e.schedules(), t);
      utilityBill += hours * (s.tariff().importPrice().get(t) * Math.max(0, net)
          - s.tariff().exportPrice().get(t) * Math.max(0, -net));
    }
    for (int i = 0; i < s.participants().size(); i++) {
      privateCost += PrivateCost.of(s.participants().get(i), e.schedules().get(i), hours);
    }
    PeerMarketSettlement.Result money = PeerMarketSettlement.of(players, grouping, e.schedules(), e.chargePerKwh(),
        e.baselineKwh(), BaseCase.of(players), utilityBill);
    ThreePhaseNetworkSettings n = s.network();
    ThreePhaseScenario voltagesOnly = new ThreePhaseScenario(s.name(), s.currency(),
        new ThreePhaseNetworkSettings(n.opendss(), n.feeder(), n.vminPu(), n.vmaxPu(), NO_UNBALANCE_LIMIT_PU,
            n.backgroundLoad(), n.backgroundProfile(), n.acCorrection(), n.lineLimitAmps()),
        s.horizon(), s.tariff(), s.participants(), s.connections(), s.bargaining());
    return new ThreePhaseVcGame(s, players, model, played, money.trades(), money.settlement(),
        utilityBill + privateCost, costOf(new ThreePhaseDayClearing(chargeUnbalance ? s : voltagesOnly, model)),
        costOf(new ThreePhaseDayClearing(s, model)));
  }

  private static OptionalDouble costOf(ThreePhaseDayClearing clearing) {
    ThreePhaseMarket m = ThreePhaseMarket.solve(clearing);
    return m.day().optimal() ? OptionalDouble.of(m.day().cost()) : OptionalDouble.empty();
  }

  public VcEquilibrium equilibrium() {
    return played.equilibrium();
  }

  public ThreePhaseGameFeeder.Check acCheck() {
    return played.check();
  }

  /** The equilibrium's schedules in scenario order. */
  public List<ParticipantSchedule> schedules() {
    return played.equilibrium().schedules();
  }

  /** The equilibrium's system cost over the cooperative optimum's under the same limits. */
  public OptionalDouble priceOfAnarchy() {
    return coopCost.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(systemCost / coopCost.getAsDouble());
  }

  /** Largest PVUR the power flow finds in interval t at a three-phase bus. */
  public double largestUnbalance(int t) {
    return ThreePhaseMarket.pvur(acCheck().reports().get(t).result()::vmPu, model.network());
  }

  /** The same from LinDist3Flow's voltages of interval t. */
  public double largestLinearUnbalance(int t) {
    double[] v2 = acCheck().reports().get(t).linearPu2();
    return ThreePhaseMarket.pvur(k -> Math.sqrt(v2[k]), model.network());
  }

  /** Energy of one trade type over the day [kWh] (B2B, B2C, C2C, GRID). */
  public double kwh(String type) {
    return trades.stream().filter(t -> t.type().equals(type)).mapToDouble(GameTrade::kwh).sum();
  }
}
