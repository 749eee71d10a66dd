-- The DSO credential stored as the SHA-256 of its random 256-bit token, so that checking a guess costs
-- one hash instead of 600,000 PBKDF2 iterations. A credential stored by PBKDF2 (table dso_credential)
-- cannot be converted without the secret: at the next start the server issues a new one, prints it
-- once and deletes the old row (docs/platform.md, "Credentials, connections and the ledger").
CREATE TABLE dso_token (
  id INT PRIMARY KEY,
  token_sha256 VARCHAR(64) NOT NULL,
  created_ms BIGINT NOT NULL
);
