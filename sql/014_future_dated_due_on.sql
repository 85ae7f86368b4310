-- relicensure: a future-dated outcome carries the day it falls due (issue 15, the normal night).
--
-- An incremental night looks again at every future-dated award whose day has come. Finding
-- them by joining each future-dated outcome to its award's `award_date` probed the awards
-- table (a kilobyte a row, a gigabyte at a million awards) once per future-dated outcome, every
-- night: 0.1–0.46 s of a normal night on the 1M ledger. The outcome now keeps the award's
-- date itself, written where the outcome is recorded (Store.finishEvaluation), so the night
-- reads the few that are due from one small index and never touches the awards.
ALTER TABLE award_outcomes ADD COLUMN due_on date;
COMMENT ON COLUMN award_outcomes.due_on IS
    'For a future_dated outcome, the award''s award_date: the first night it is due to be credited. NULL otherwise.';

UPDATE award_outcomes o SET due_on = a.award_date
FROM awards a WHERE o.outcome = 'future_dated' AND a.award_id = o.award_id;

-- A writer that forgot the day would leave the award future-dated for ever: refuse it.
ALTER TABLE award_outcomes ADD CONSTRAINT award_outcomes_future_dated_has_due_on
    CHECK ((outcome = 'future_dated') = (due_on IS NOT NULL));

DROP INDEX award_outcomes_future;
CREATE INDEX award_outcomes_future ON award_outcomes (due_on) WHERE outcome = 'future_dated';
