package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.scenario.Scenario;

/**
 * An optional stage of {@code peergrid run} after the day-ahead clearing, such as the uncertainty
 * analysis or real-time settlement: it runs only when the scenario asks for it, and contributes its
 * own report sections; they are registered in {@link Report#stages}.
 */
public interface RunStage {

  /** For the progress display, e.g. "uncertainty (point estimates)". */
  String name();

  /** Whether the scenario asks for this stage. */
  boolean requestedBy(Scenario scenario);

  /** Runs the stage on the day-ahead results; the sections that show its results. */
  List<ReportSection> run(RunResults dayAhead);
}
