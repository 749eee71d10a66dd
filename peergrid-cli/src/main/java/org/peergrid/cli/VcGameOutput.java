package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.vc.GameTrade;
import org.peergrid.market.vc.PlayerOutcome;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcGameClearing;

/** trades.csv, the summary keys and the console lines of {@code peergrid clear --mechanism vc-game}. */
final class VcGameOutput {
  static final String[] TRADES = {"interval", "type", "seller", "buyer", "kwh", "price"};

  private VcGameOutput() {}

  static String trades(List<GameTrade> trades) {
    StringWriter text = new StringWriter();
    try (CSVPrinter out = new CSVPrinter(text,
        CSVFormat.DEFAULT.builder().setHeader(TRADES).setRecordSeparator('\n').get())) {
      for (GameTrade t : trades) {
        out.printRecord(t.interval(), t.type(), t.seller(), t.buyer(), Numbers.plain(t.kwh()), Numbers.plain(t.price()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The common keys plus the game's (docs/vc-game.md §6). */
  static String summary(Scenario scenario, VcGameClearing game, List<String> files) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = (ObjectNode) mapper.readTree(SummaryJson.of(scenario, game.clearing(), files, Optional.empty()));
    Optional<VcEquilibrium> e = game.equilibrium();
    SummaryJson.put(root, "equilibrium_epsilon", e.map(VcEquilibrium::largestEpsilon));
    SummaryJson.put(root, "equilibrium_epsilon_pct", e.flatMap(x -> x.largestEpsilonPct().isPresent()
        ? Optional.of(x.largestEpsilonPct().getAsDouble()) : Optional.empty()));
    SummaryJson.put(root, "price_of_anarchy", game.priceOfAnarchy().isPresent()
        ? Optional.of(game.priceOfAnarchy().getAsDouble()) : Optional.empty());
    SummaryJson.put(root, "gap_to_central_pct", game.gapToCentralPct().isPresent()
        ? Optional.of(game.gapToCentralPct().getAsDouble()) : Optional.empty());
    SummaryJson.put(root, "central_cost", game.coopCost().isPresent()
        ? Optional.of(game.coopCost().getAsDouble()) : Optional.empty());
    root.put("rounds", e.map(VcEquilibrium::rounds).orElse(null));
    root.put("messages", e.map(VcEquilibrium::messages).orElse(null));
    root.put("vcs", e.map(x -> x.grouping().communities().size()).orElse(null));
    root.put("converged", e.map(VcEquilibrium::converged).orElse(null));
    root.put("b2b_kwh", Numbers.clean(game.kwh("B2B")));
    root.put("b2c_kwh", Numbers.clean(game.kwh("B2C")));
    root.put("c2c_kwh", Numbers.clean(game.kwh("C2C")));
    root.put("network_slack_kwh", Numbers.clean(game.networkSlackKwh()));
    root.put("game_ms", e.map(VcEquilibrium::runMillis).orElse(null));
    return mapper.writeValueAsString(root) + "\n";
  }

  static void print(PrintWriter out, VcGameClearing game) {
    if (game.equilibrium().isEmpty()) {
      return;
    }
    VcEquilibrium e = game.equilibrium().get();
    out.printf(Locale.ROOT, "VC game         %d communities, %s after %d rounds, %d messages, %d ms%n",
        e.grouping().communities().size(), e.converged() ? "equilibrium" : "NO equilibrium", e.rounds(),
        e.messages(), e.runMillis());
    PlayerOutcome worst = e.worstPlayer();
    out.printf(Locale.ROOT, "                largest ε %.4f (%s), %s of the player's cost alone%n", worst.epsilon(),
        worst.id(), e.largestEpsilonPct().isPresent()
            ? String.format(Locale.ROOT, "%.2e %%", e.largestEpsilonPct().getAsDouble()) : "n/a");
    if (game.priceOfAnarchy().isPresent()) {
      out.printf(Locale.ROOT, "                price of anarchy %.6f (cooperative optimum %.2f)%n",
          game.priceOfAnarchy().getAsDouble(), game.coopCost().getAsDouble());
    }
    game.acCorrection().ifPresent(n -> out.printf(Locale.ROOT, "DSO charges     %s%n", n));
    out.printf(Locale.ROOT, "Trades          B2B %.1f kWh, B2C %.1f kWh, C2C %.1f kWh, grid %.1f in / %.1f out kWh%n",
        game.kwh("B2B"), game.kwh("B2C"), game.kwh("C2C"), game.kwh("GRID_IMPORT"), game.kwh("GRID_EXPORT"));
  }
}
