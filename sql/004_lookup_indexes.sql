-- relicensure: an educator's transcript reads the awards ever tied to them by index
-- (SPEC §6 "Educator transcript"); with a million awards stored a lookup stays in
-- milliseconds instead of scanning the outcome history.
CREATE INDEX outcome_history_educator ON outcome_history (educator_id);

-- Revoked awards are few: the nightly job finds the credits to reverse without a scan.
CREATE INDEX awards_revoked ON awards (award_id) WHERE revoked;
