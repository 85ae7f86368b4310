-- relicensure: whether every award's current outcome is also its latest known one, so that a
-- report as of a day need not sort the whole outcome history to find it (issue 15, the monthly
-- workbook: each of its three award sheets sorted two million outcome rows for this).
--
-- An award's latest known outcome as of a day is its row of `outcome_history` or of
-- `award_outcomes` with the latest `evaluated_on` on or before that day, the current row
-- winning a tie (Store.awardsQuery). Every writer of outcomes writes both tables with the one
-- day it evaluates as of (a night's Store.finishEvaluation, a correction's
-- Store.recordCorrection). So while no writer writes for a day before one written already
-- (a night run again as of an earlier day does), no award has history later than its current
-- row, and on any day from `latest_day` on the current rows are the latest known ones.
-- `out_of_order`, once set, stays set: reports then sort the history as they always did.
CREATE TABLE outcome_days (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    latest_day date NOT NULL,
    out_of_order boolean NOT NULL
);

INSERT INTO outcome_days (latest_day, out_of_order)
SELECT greatest((SELECT max(evaluated_on) FROM award_outcomes), (SELECT max(evaluated_on) FROM outcome_history),
                '-infinity'::date),
       EXISTS (SELECT 1 FROM outcome_history h LEFT JOIN award_outcomes o USING (award_id)
               WHERE o.award_id IS NULL OR h.evaluated_on > o.evaluated_on);

-- Called by every writer of outcomes with the day it writes for, in its transaction.
CREATE FUNCTION note_outcomes_written(day date) RETURNS void
    LANGUAGE sql
    AS $$ UPDATE outcome_days SET out_of_order = out_of_order OR day < latest_day,
                                  latest_day = greatest(latest_day, day) $$;
