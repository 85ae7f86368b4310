-- relicensure: the check sql/017's trigger makes after an update of current outcomes, written so
-- that PostgreSQL can hash it. As 017 wrote it (a LEFT JOIN of the two transition tables with
-- `w.award_id IS NULL OR …` after it) the planner could only compare every old row with every
-- new one: 2.2 s of a normal night that rewrote 4,197 outcomes, and hours for a night that
-- rewrites a few hundred thousand (a new rules version). The same question as an anti-join is
-- one hash of the new rows: 27 ms for 30,000. Each award has at most one new row (the primary
-- key), so "no new row for the award, or one for an earlier day" is "no new row for the award
-- on the same day or later".
CREATE OR REPLACE FUNCTION outcome_days_note_current_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM outcome_days_note(EXISTS (SELECT 1 FROM before b
                                      WHERE NOT EXISTS (SELECT 1 FROM written w
                                                        WHERE w.award_id = b.award_id
                                                          AND w.evaluated_on >= b.evaluated_on)),
                              (SELECT max(evaluated_on) FROM written));
    RETURN NULL;
END $$;
