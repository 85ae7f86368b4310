-- relicensure: hosted fetches that failed or were left over, and when to try them again
-- (SPEC §4.4 "Hosted", issue 16).
--
-- A night spends a bounded budget on fetches. What it could not fetch, and what its issuer's
-- host did not serve usably, waits 2, 4, 8, … days (at most 30) instead of being fetched again
-- every night: one slow or failing host must not cost every night its whole budget.
CREATE TABLE hosted_fetch_backoff (
    award_id   text PRIMARY KEY,
    failures   integer NOT NULL CHECK (failures > 0),   -- nights in a row it was left or failed
    retry_on   date NOT NULL,                           -- the first night it is fetched again
    reason     text NOT NULL                            -- why, for the award's record and `status`
);
