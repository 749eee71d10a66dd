package org.peergrid.cli.report;

import java.util.List;
import java.util.Optional;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.variants.VariantResult;

/**
 * What {@code peergrid run} computed: the day (schedule, DLMPs, base costs, AC check), every
 * mechanism's settlement of it, the case variants, and the two intervals that the report draws in
 * detail. Lists are empty and intervals -1 for a day without a schedule.
 *
 * @param day the cooperative day
 * @param mechanisms every registered mechanism on the one schedule
 * @param variants the cases (a)–(d)
 * @param peakInterval where the feeder map shows the prices ({@link org.peergrid.market.dispatch.PricePeak})
 * @param profileInterval where the voltage profile is drawn: the interval of the day's lowest AC voltage
 * @param profilePu every bus's AC voltage in that interval, by internal index [p.u.]
 */
public record RunResults(CooperativeDay day, List<ComparisonRow> mechanisms, List<VariantResult> variants,
    int peakInterval, int profileInterval, double[] profilePu) {

  public RunResults {
    mechanisms = List.copyOf(mechanisms);
    variants = List.copyOf(variants);
    profilePu = profilePu.clone();
  }

  public Scenario scenario() {
    return day.scenario();
  }

  public boolean scheduled() {
    return day.outcome().isPresent();
  }

  /** The schedule; only for sections that apply to a scheduled day. */
  public DispatchSolution solution() {
    return day.dispatch().optimal();
  }

  public Optional<ComparisonRow> mechanism(String name) {
    return mechanisms.stream().filter(r -> r.mechanism().equals(name)).findFirst();
  }

  /** The scenario's currency as a suffix for labels (" INR"), or nothing. */
  public String money() {
    return scenario().currency().isEmpty() ? "" : " " + scenario().currency();
  }

  /** "hh:mm" at the start of an interval, for axis labels and captions. */
  public String clock(int interval) {
    int minutes = interval * scenario().horizon().intervalMinutes();
    return String.format(java.util.Locale.ROOT, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  }
}
