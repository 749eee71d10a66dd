package org.peergrid.market.vc.messages;

/**
 * DSO → coordinator, and coordinator → agent: the final weight of each round's offer; the
 * recipient schedules the same mix of what it offered (a mix of feasible schedules is feasible).
 *
 * @param recipientId the community or agent
 * @param weights one per round, adding up to 1
 */
public record Acceptance(String recipientId, double[] weights) implements Message {}
