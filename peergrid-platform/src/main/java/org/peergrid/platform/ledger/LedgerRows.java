package org.peergrid.platform.ledger;

import org.jdbi.v3.core.mapper.RowMapper;

/** Reads {@link LedgerEntry} rows. */
final class LedgerRows {
  static final RowMapper<LedgerEntry> MAPPER = (rs, ctx) -> new LedgerEntry(rs.getLong("seq"), rs.getString("kind"),
      rs.getString("day_id"), rs.getString("participant_id"), rs.getString("payload"), rs.getString("payload_hash"),
      rs.getString("prev_hash"), rs.getString("entry_hash"), rs.getLong("recorded_ms"));

  private LedgerRows() {}
}
