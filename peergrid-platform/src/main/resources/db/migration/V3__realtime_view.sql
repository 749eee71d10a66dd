-- The operator's view of a day's real-time settlement (every prosumer's costs and deviations, their
-- totals, the utility's real-time bill and the netting surplus), stored in the settlement's transaction.
CREATE TABLE realtime_view (
  day_id VARCHAR(64) PRIMARY KEY REFERENCES market_day(id),
  operator_view VARCHAR(8388608) NOT NULL
);
