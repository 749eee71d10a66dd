-- A three-phase day's OpenDSS feeder is a master script (column feeder) and the scripts it redirects to or
-- compiles (e.g. IEEE13Nodeckt.dss redirects IEEELineCodes.dss): those travel in the request too, kept
-- here as a JSON object of file name to text. NULL for a MATPOWER day, whose case is one file.
ALTER TABLE market_day ADD COLUMN feeder_files VARCHAR(8388608);
