package org.peergrid.platform.ledger;

import java.util.Locale;

/**
 * A ledger entry's seq and entry hash as someone noted them outside the database: the head that
 * {@code GET /api/ledger/head} publishes, or the entry of a receipt. Each entry's hash covers the
 * previous entry's, so while the chain verifies, an entry that still has the noted hash vouches for
 * itself and every entry before it; a history rewritten with every hash recomputed no longer has it.
 * Written {@code SEQ:HASH}.
 *
 * @param seq the entry's position, from 1
 * @param entryHash its entry hash, 64 lower-case hexadecimal characters
 */
public record LedgerAnchor(long seq, String entryHash) {
  /** How to write one; the messages of malformed anchors end with it. */
  public static final String HOW_TO_WRITE = "write SEQ:HASH, a ledger entry's seq and its 64-character entry hash,"
      + " as the \"anchor\" of GET /api/ledger/head or of a receipt gives them";

  /** Checks both parts; the {@link IllegalArgumentException}'s message says what is wrong and how to fix it. */
  public LedgerAnchor {
    if (seq < 1) {
      throw new IllegalArgumentException("the seq " + seq + " is not an entry (entries are numbered from 1; seq 0 is"
          + " an empty ledger, which anchors nothing); " + HOW_TO_WRITE);
    }
    if (entryHash == null || entryHash.length() != 64) {
      throw new IllegalArgumentException("the hash has " + (entryHash == null ? 0 : entryHash.length())
          + " characters, not the 64 of an entry hash; " + HOW_TO_WRITE);
    }
    entryHash = entryHash.toLowerCase(Locale.ROOT);
    for (char c : entryHash.toCharArray()) {
      if (Character.digit(c, 16) < 0) {
        throw new IllegalArgumentException("the hash has '" + c + "', which is not a hexadecimal digit; "
            + HOW_TO_WRITE);
      }
    }
  }

  /** Parses {@code SEQ:HASH} (spaces around either part are ignored). */
  public static LedgerAnchor parse(String text) {
    String t = text.strip();
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("there is no ':' between seq and hash; " + HOW_TO_WRITE);
    }
    String seq = t.substring(0, colon).strip();
    try {
      return new LedgerAnchor(Long.parseLong(seq), t.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + seq + "' before ':' is not a seq (a whole number from 1); "
          + HOW_TO_WRITE, e);
    }
  }

  /** The anchor of an entry. */
  public static LedgerAnchor of(LedgerEntry entry) {
    return new LedgerAnchor(entry.seq(), entry.entryHash());
  }

  /** {@code SEQ:HASH}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return seq + ":" + entryHash;
  }
}
