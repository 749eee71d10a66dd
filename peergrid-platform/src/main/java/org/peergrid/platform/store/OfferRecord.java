package org.peergrid.platform.store;

/**
 * An accepted offer, stored as the canonical encoding of its signed envelope.
 *
 * @param dayId the day
 * @param participantId who signed it
 * @param nonce its nonce, unique per participant and day
 * @param signedMs its signed timestamp [epoch ms]
 * @param receivedMs when the server accepted it [epoch ms]
 * @param envelope canonical JSON of the envelope with its signature
 * @param receipt SHA-256 of {@code envelope}, which is also its ledger entry's payload hash
 * @param ledgerSeq its ledger entry
 */
public record OfferRecord(String dayId, String participantId, String nonce, long signedMs, long receivedMs,
    String envelope, String receipt, long ledgerSeq) {}
