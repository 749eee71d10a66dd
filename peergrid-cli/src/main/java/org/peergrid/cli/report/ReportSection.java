package org.peergrid.cli.report;

/**
 * One section of report.html with its figures and data files. The report is a list of sections
 * ({@link Report#DAY_AHEAD}); a stage that {@code peergrid run} gains later (uncertainty,
 * real-time settlement) adds its own sections after those, through {@link RunStage}.
 */
public interface ReportSection {

  /** The HTML anchor, lower case with hyphens. */
  String id();

  /** The heading. */
  String title();

  /** Whether the run has anything for this section (most need a schedule). */
  default boolean appliesTo(RunResults run) {
    return run.scheduled();
  }

  void write(RunResults run, SectionWriter out);

  /**
   * Adds the section's key figures to summary.json under its own key; the day-ahead sections'
   * figures are the summary's own keys, so only stage sections add any.
   */
  default void summarize(com.fasterxml.jackson.databind.node.ObjectNode summary) {}
}
