package org.peergrid.platform.market;

import java.time.Instant;

/**
 * What an accepted offer's (or meter reading's) sender gets back, once the offer is committed.
 *
 * @param receipt SHA-256 of the canonical signed envelope; the payload hash of its ledger entry
 * @param ledgerSeq the ledger entry that records it
 * @param entryHash that entry's hash: with {@code ledgerSeq}, an anchor the sender can keep
 * @param day the market day
 * @param participant the signer
 * @param recordedAt when it was committed
 */
public record OfferReceipt(String receipt, long ledgerSeq, String entryHash, String day, String participant,
    Instant recordedAt) {}
