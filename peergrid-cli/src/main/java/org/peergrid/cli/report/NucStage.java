package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.nuc.NucSettings;
import org.peergrid.market.scenario.Scenario;

/**
 * P2P trading with network utilization charges (docs/nuc-ev.md, {@code clear --mechanism p2p-nuc})
 * as a stage of {@code peergrid run}: the charge loop with the scenario's {@code nuc} block, shown
 * in {@link NucSection}. It runs when there are at least two buildings, so that peers can trade.
 */
public final class NucStage implements RunStage {
  private final NucSettings settings;

  /** @param settings the scenario file's {@code nuc} block, or the defaults */
  public NucStage(NucSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "P2P trades with network utilization charges";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return scenario.buildings().size() >= 2;
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    return List.of(new NucSection(NucClearing.clear(dayAhead.scenario(), settings)));
  }
}
