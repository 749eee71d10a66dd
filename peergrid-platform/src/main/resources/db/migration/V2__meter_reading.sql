-- Real-time meter readings (signed like offers) and the real-time settlement of a cleared day.
CREATE TABLE meter_reading (
  day_id VARCHAR(64) NOT NULL,
  participant_id VARCHAR(64) NOT NULL,
  nonce VARCHAR(128) NOT NULL,
  signed_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL,
  envelope VARCHAR(1048576) NOT NULL,
  receipt VARCHAR(64) NOT NULL UNIQUE,
  ledger_seq BIGINT NOT NULL,
  PRIMARY KEY (day_id, participant_id, nonce),
  FOREIGN KEY (day_id, participant_id) REFERENCES participant(day_id, id)
);

CREATE TABLE realtime_result (
  day_id VARCHAR(64) NOT NULL,
  participant_id VARCHAR(64) NOT NULL,
  body VARCHAR(8388608) NOT NULL,
  PRIMARY KEY (day_id, participant_id)
);
