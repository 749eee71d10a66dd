package org.peergrid.platform.ledger;

import org.peergrid.platform.auth.Hashes;

/**
 * One link of the hash chain.
 *
 * @param seq position, from 1 without gaps
 * @param kind {@code offer}, {@code clearing} or {@code settlement}
 * @param dayId the market day
 * @param participantId the participant, or null for a clearing
 * @param payload what is recorded: the offer's receipt, the clearing's summary, a settlement's result
 * @param payloadHash SHA-256 of the payload
 * @param prevHash the previous entry's hash (64 zeros for the first)
 * @param entryHash SHA-256 over all the fields above and the time (see {@link #computeHash})
 * @param recordedMs when it was appended [epoch ms]
 */
public record LedgerEntry(long seq, String kind, String dayId, String participantId, String payload,
    String payloadHash, String prevHash, String entryHash, long recordedMs) {

  public static final String GENESIS = "0".repeat(64);

  /** The hash this entry's fields give; a row whose stored hash differs was changed. */
  public String computeHash() {
    return hash(seq, kind, dayId, participantId, payloadHash, prevHash, recordedMs);
  }

  static String hash(long seq, String kind, String dayId, String participantId, String payloadHash,
      String prevHash, long recordedMs) {
    // newline-separated fields; none may contain a newline (ids are checked on entry), so the
    // encoding is unambiguous
    return Hashes.sha256(prevHash + "\n" + seq + "\n" + kind + "\n" + dayId + "\n"
        + (participantId == null ? "" : participantId) + "\n" + payloadHash + "\n" + recordedMs);
  }
}
