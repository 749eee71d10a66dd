package org.peergrid.market.threephase;

import java.util.List;

/**
 * A cleared day on a three-phase feeder ({@link ThreePhaseDayClearing}).
 *
 * @param cost the day's minimum: imports paid less exports earned plus generators' and batteries' costs [money]
 * @param intervals per interval: import, export, the participants' flexible injections (in scenario
 *     order), LinDist3Flow's squared voltages and the DLMPs at {@link ThreePhaseDayClearing#pricedPorts()};
 *     empty for a day alone (no network)
 * @param participants each participant's schedule, in scenario order
 */
public record ThreePhaseDay(ThreePhaseClearingResult.Status status, String message, double cost,
    List<ThreePhaseClearingResult> intervals, List<ParticipantDay> participants) {

  public ThreePhaseDay {
    intervals = List.copyOf(intervals);
    participants = List.copyOf(participants);
  }

  static ThreePhaseDay failed(ThreePhaseClearingResult.Status status, String message) {
    return new ThreePhaseDay(status, message, Double.NaN, List.of(), List.of());
  }

  public boolean optimal() {
    return status == ThreePhaseClearingResult.Status.OPTIMAL;
  }

  /** A participant's schedule by id. */
  public ParticipantDay participant(String id) {
    return participants.stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no participant " + id));
  }
}
