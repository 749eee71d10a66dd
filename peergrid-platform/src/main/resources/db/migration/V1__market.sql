-- Portable SQL for H2 and PostgreSQL. Instants are epoch milliseconds (BIGINT): one representation
-- on both databases, and the values that the ledger hashes.
CREATE TABLE dso_credential (
  id INT PRIMARY KEY,
  password_hash VARCHAR(512) NOT NULL,
  created_ms BIGINT NOT NULL
);

CREATE TABLE market_day (
  id VARCHAR(64) PRIMARY KEY,
  scenario VARCHAR(1048576) NOT NULL,
  feeder VARCHAR(8388608) NOT NULL,
  mechanism VARCHAR(64) NOT NULL,
  gate_closure_ms BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  opened_ms BIGINT NOT NULL,
  cleared_ms BIGINT,
  message VARCHAR(8000)
);

CREATE TABLE participant (
  day_id VARCHAR(64) NOT NULL REFERENCES market_day(id),
  id VARCHAR(64) NOT NULL,
  bus INT NOT NULL,
  public_key VARCHAR(128) NOT NULL,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  PRIMARY KEY (day_id, id)
);

CREATE TABLE offer (
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

CREATE TABLE result (
  day_id VARCHAR(64) NOT NULL,
  participant_id VARCHAR(64) NOT NULL,
  body VARCHAR(8388608) NOT NULL,
  PRIMARY KEY (day_id, participant_id)
);

CREATE TABLE day_clearing (
  day_id VARCHAR(64) PRIMARY KEY REFERENCES market_day(id),
  public_prices VARCHAR(1048576) NOT NULL,
  operator_view VARCHAR(8388608) NOT NULL
);

CREATE TABLE ledger (
  seq BIGINT PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  day_id VARCHAR(64) NOT NULL,
  participant_id VARCHAR(64),
  payload VARCHAR(8388608) NOT NULL,
  payload_hash VARCHAR(64) NOT NULL,
  prev_hash VARCHAR(64) NOT NULL,
  entry_hash VARCHAR(64) NOT NULL,
  recorded_ms BIGINT NOT NULL
);
CREATE INDEX ledger_payload_hash ON ledger(payload_hash);
