-- relicensure: the check sql/017's trigger makes after an update of current outcomes, written so
-- that no plan can compare every old row with every new one. As 017 wrote it (a LEFT JOIN of
-- the two transition tables with `w.award_id IS NULL OR …` after it) the planner could only do
-- that: 2.2 s of a normal night that rewrote 4,197 outcomes, and hours for a night that rewrites
-- a few hundred thousand (a new rules version). An anti-join hashes when planned for many rows,
-- but PL/pgSQL keeps the plan its first call in a session made: after a one-row fix by hand, a
-- bulk update in the same session went back to comparing every row with every other (4.5 s for
-- 11,181 rows, review). Grouping both tables' rows by award is one sort or hash, whatever the
-- plan: an award is out of order when it has no new row (moved or gone), or its new day is
-- before its old one. Each award has at most one row in each table (the primary key).
CREATE OR REPLACE FUNCTION outcome_days_note_current_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM outcome_days_note(
        EXISTS (SELECT 1
                FROM (SELECT award_id, evaluated_on, false AS is_new FROM before
                      UNION ALL SELECT award_id, evaluated_on, true FROM written) rows
                GROUP BY award_id
                HAVING coalesce(max(evaluated_on) FILTER (WHERE is_new) < min(evaluated_on) FILTER (WHERE NOT is_new),
                                bool_or(NOT is_new))),
        (SELECT max(evaluated_on) FROM written));
    RETURN NULL;
END $$;
