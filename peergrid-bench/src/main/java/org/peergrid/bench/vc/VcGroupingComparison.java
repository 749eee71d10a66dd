package org.peergrid.bench.vc;

import java.nio.file.Path;
import java.util.Locale;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.GroupingMetrics;
import org.peergrid.market.vc.RandomGrouping;
import org.peergrid.market.vc.VcFormation;
import org.peergrid.market.vc.VcCoop;
import org.peergrid.market.vc.VcCoopResult;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcGameClearing;

/**
 * Formed, random and no grouping on one scenario (docs/vc-coop.md): the formation objective on the
 * forecast, then the game with each grouping: rounds, messages, cost, and the communities' exchange
 * outside themselves on the final schedules. Usage: {@code VcGroupingComparison SCENARIO.yaml}; with
 * {@code --game}, the non-cooperative game (docs/vc-game.md) instead: rounds, messages, time, price of
 * anarchy, largest ε and the trade mix per grouping.
 */
public final class VcGroupingComparison {
  private VcGroupingComparison() {}

  public static void main(String[] args) {
    Scenario s = ScenarioLoader.load(Path.of(args[0]));
    Grouping formed = VcFormation.form(s, FormationRules.DEFAULT);
    boolean game = args.length > 1 && args[1].equals("--game");
    for (var named : java.util.List.of(java.util.Map.entry("formed", formed),
        java.util.Map.entry("random (seed 1)", RandomGrouping.like(s, formed, 1)), java.util.Map.entry("none", Grouping.none(s)))) {
      if (game) {
        reportGame(s, named.getKey(), named.getValue());
      } else {
        report(s, named.getKey(), named.getValue());
      }
    }
  }

  /** One row of the vc-game grouping table (docs/vc-game.md §5). */
  private static void reportGame(Scenario s, String name, Grouping g) {
    long start = System.nanoTime();
    VcGameClearing c = VcGameClearing.clear(s, g, NashGameSettings.defaults());
    long ms = (System.nanoTime() - start) / 1_000_000;
    var e = c.equilibrium().orElseThrow();
    var settlement = c.clearing().settlement().orElseThrow();
    System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %d | %.1f | %.5f | %.1e | %.2f | %.0f / %.0f / %.0f | %d |%n", name,
        g.communities().size(), c.acCorrection().orElse(""), e.rounds(), e.messages(), ms / 1000.0,
        c.priceOfAnarchy().orElse(Double.NaN), e.largestEpsilonPct().orElse(Double.NaN),
        settlement.savingsPct().orElse(Double.NaN), c.kwh("B2B"), c.kwh("B2C"), c.kwh("C2C"),
        c.clearing().acCheck().orElseThrow().violations().size());
  }

  private static void report(Scenario s, String name, Grouping g) {
    double hours = s.horizon().hours();
    GroupingMetrics forecast = GroupingMetrics.of(g, GroupingMetrics.forecast(s), hours);
    VcCoopResult game = VcCoop.play(s, g, GameSettings.defaults());
    DispatchSolution sol = game.solution();
    var finalNet = new java.util.HashMap<String, double[]>();
    for (var b : s.buildings()) {
      double[] x = new double[s.horizon().intervals()];
      for (int t = 0; t < x.length; t++) {
        x[t] = -sol.schedule(b.id()).netInjectionKw(t);
      }
      finalNet.put(b.id(), x);
    }
    GroupingMetrics after = GroupingMetrics.of(g, finalNet, hours);
    System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %d | %d | %.2f | %.1f |%n", name,
        g.communities().size(), forecast.squaredDeviation(), forecast.sumOfPeaks(), after.sumOfPeaks(),
        after.exchangeKwh(), game.iterations(), game.messages(), sol.objective(), sol.gridImportKwh(hours));
  }
}
