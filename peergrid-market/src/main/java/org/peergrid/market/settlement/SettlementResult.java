package org.peergrid.market.settlement;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How money moves for one schedule. The budget identity holds by construction check:
 * {@code participantsNet = utilityBill + dsoSurplus} (see {@link DlmpSettlement}).
 *
 * @param rows one per participant and interval
 * @param participants one per participant, in scenario order
 * @param utilityBill Σ_t Δt (π^buy g⁺ − π^sell g⁻) [money]
 * @param dsoSurplus what the distribution operator keeps [money]
 * @param participantsNet Σ over rows of paid − received [money]
 * @param baseCost Σ_b C⁰_b [money]
 * @param totalCost what the buildings pay, net, with their batteries' degradation [money]
 */
public record SettlementResult(List<SettlementRow> rows, List<ParticipantSettlement> participants,
    double utilityBill, double dsoSurplus, double participantsNet, double baseCost, double totalCost) {

  public SettlementResult {
    rows = List.copyOf(rows);
    participants = List.copyOf(participants);
  }

  /** Σ C⁰_b − total cost [money]. */
  public double savings() {
    return baseCost - totalCost;
  }

  /** 100 · savings / |Σ C⁰_b|; empty when the base cost is zero. */
  public OptionalDouble savingsPct() {
    return baseCost == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * savings() / Math.abs(baseCost));
  }

  public ParticipantSettlement participant(String id) {
    return participants.stream().filter(p -> p.participant().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no participant " + id));
  }
}
