package org.peergrid.market.realtime;

import java.util.List;
import org.peergrid.market.settlement.SettlementResult;

/**
 * The two settlements of a day. Budget identity of the real-time one, checked when it is made:
 * deviationPayments = realtimeUtilityBill + nettingSurplus; that of the day-ahead one is
 * {@link SettlementResult}'s.
 *
 * @param rows one per participant and interval, in scenario order then interval
 * @param participants one per participant, in scenario order
 * @param dayAhead the day-ahead settlement, carried through unchanged
 * @param realtimeUtilityBill what the utility charges for the community's net deviation at the
 *     root at the real-time tariff [money]
 * @param nettingSurplus what deviations netted inside the community leave with the operator:
 *     Σ_t Δt (π^rt,imp − π^rt,exp) min(shortfalls, surpluses) [money]
 *     (with VC netting: of the communities' residuals only)
 * @param deviationPayments Σ over rows of deviationAmount [money]
 * @param vcNetting netting inside the virtual communities, when the day ahead had communities
 */
public record TwoSettlementResult(List<DeviationRow> rows, List<ParticipantRealtimeCost> participants,
    SettlementResult dayAhead, double realtimeUtilityBill, double nettingSurplus, double deviationPayments,
    java.util.Optional<VcNettingResult> vcNetting) {

  public TwoSettlementResult {
    rows = List.copyOf(rows);
    participants = List.copyOf(participants);
  }

  /** What the buildings pay under the day-ahead settlement (its total cost) [money]. */
  public double dayAheadCost() {
    return dayAhead.totalCost();
  }

  /** What the buildings pay after both settlements, their batteries' realised degradation included [money]. */
  public double realtimeCost() {
    return buildings().mapToDouble(ParticipantRealtimeCost::realtimeCost).sum();
  }

  /** realtimeCost − dayAheadCost: what the deviations cost the buildings [money]. */
  public double deviationCost() {
    return buildings().mapToDouble(ParticipantRealtimeCost::deviationCost).sum();
  }

  public ParticipantRealtimeCost participant(String id) {
    return participants.stream().filter(p -> p.participant().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no participant " + id));
  }

  private java.util.stream.Stream<ParticipantRealtimeCost> buildings() {
    return participants.stream().filter(p -> p.baseCost().isPresent());
  }
}
