package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * README's "Using it as a library" example, compiled and run by the build so that it cannot rot;
 * the README must show exactly the lines between the markers.
 */
class LibraryExampleTest {
  static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir", ".."));

  static SettlementResult example(Path file, PrintStream out) {
    // README-begin
    Scenario scenario = ScenarioLoader.load(file);    // e.g. examples/ieee33-community/scenario.yaml
    CooperativeDay day = CooperativeDay.solve(scenario); // schedule, DLMPs, base costs, AC check: once
    MarketMechanism nash = Mechanisms.byName("nash").orElseThrow();
    SettlementResult bill = day.clearWith(nash).settlement().orElseThrow();
    out.printf("%s: the buildings pay %.2f, %.2f alone%n", nash.name(), bill.totalCost(), bill.baseCost());
    for (ParticipantSettlement p : bill.participants()) {
      out.printf("%-5s pays %9.2f, saves %s%n", p.participant(), p.cost(), p.savings());
    }
    // README-end
    return bill;
  }

  @Test
  void theExampleRunsOnTheBundledCommunity() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    SettlementResult bill = example(ROOT.resolve("examples/ieee33-community/scenario.yaml"),
        new PrintStream(text, true, StandardCharsets.UTF_8));
    assertThat(bill.baseCost()).isCloseTo(102428.91, within(0.01));
    assertThat(bill.totalCost()).isCloseTo(98282.07, within(0.01));
    assertThat(bill.participants()).hasSize(35);
    assertThat(text.toString(StandardCharsets.UTF_8)).startsWith("nash: the buildings pay 98282.07, 102428.91 alone")
        .contains("R01   pays");
  }

  @Test
  void readmeShowsExactlyThisCode() throws Exception {
    String source = Files.readString(
        ROOT.resolve("peergrid-cli/src/test/java/org/peergrid/cli/LibraryExampleTest.java"));
    String body = source.substring(source.indexOf("// README-begin\n") + "// README-begin\n".length(),
        source.indexOf("    // README-end"));
    String snippet = Arrays.stream(body.split("\n")).map(line -> line.length() >= 4 ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
    assertThat(snippet).contains("ScenarioLoader.load(file)");
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```java\n" + snippet + "\n```");
  }
}
