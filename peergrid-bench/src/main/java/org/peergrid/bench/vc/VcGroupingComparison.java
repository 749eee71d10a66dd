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

/**
 * Formed, random and no grouping on one scenario (docs/vc-coop.md): the formation objective on the
 * forecast, then the game with each grouping: rounds, messages, cost, and the communities' exchange
 * outside themselves on the final schedules. Usage: {@code VcGroupingComparison SCENARIO.yaml}.
 */
public final class VcGroupingComparison {
  private VcGroupingComparison() {}

  public static void main(String[] args) {
    Scenario s = ScenarioLoader.load(Path.of(args[0]));
    Grouping formed = VcFormation.form(s, FormationRules.DEFAULT);
    report(s, "formed", formed);
    report(s, "random(seed 1)", RandomGrouping.like(s, formed, 1));
    report(s, "none", Grouping.none(s));
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
