-- relicensure: keep a statewide backfill fast without giving up what the ledger guarantees.
--
-- Measured on a 1,000,000-award backfill: inserting the outcomes took 24.5 s with the
-- foreign key to awards and 5.3 s without it; every per-row check costs as much again. So:
--
-- * The foreign keys that only restate how rows are made (outcomes of awards the same
--   transaction inserted; run ids the job itself recorded) are dropped from the tables that
--   receive a row per award. The ledger keeps its key to awards, and the export batches keep
--   theirs: those are the records HR and PDMS depend on.
-- * The ledger's per-award guarantee of 002 (a credit only while the award has no standing
--   hours; no REVERSE below zero) is checked once per statement over the rows it inserted,
--   instead of once per row.

ALTER TABLE award_outcomes DROP CONSTRAINT IF EXISTS award_outcomes_award_id_fkey;
ALTER TABLE award_outcomes DROP CONSTRAINT IF EXISTS award_outcomes_run_id_fkey;
ALTER TABLE outcome_history DROP CONSTRAINT IF EXISTS outcome_history_run_id_fkey;
ALTER TABLE awards DROP CONSTRAINT IF EXISTS awards_first_run_id_fkey;
ALTER TABLE source_files DROP CONSTRAINT IF EXISTS source_files_first_run_id_fkey;
ALTER TABLE catalog_documents DROP CONSTRAINT IF EXISTS catalog_documents_first_run_id_fkey;
ALTER TABLE ledger_entries DROP CONSTRAINT IF EXISTS ledger_entries_run_id_fkey;

DROP TRIGGER ledger_entries_keep_net_hours ON ledger_entries;
DROP FUNCTION ledger_keeps_net_hours();

CREATE FUNCTION ledger_keeps_net_hours() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    -- Every entry of every award the statement touched, with the award's standing hours just
    -- before and just after it, in the order the entries were made.
    SELECT * INTO bad FROM (
        SELECT l.entry_id, l.award_id, l.kind, l.action, l.hours,
               coalesce(sum(CASE l.action WHEN 'ADD' THEN l.hours ELSE -l.hours END)
                        OVER (PARTITION BY l.award_id ORDER BY l.entry_id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
               sum(CASE l.action WHEN 'ADD' THEN l.hours ELSE -l.hours END)
                   OVER (PARTITION BY l.award_id ORDER BY l.entry_id) AS after
        FROM ledger_entries l
        WHERE l.award_id IN (SELECT DISTINCT award_id FROM inserted)
    ) history
    WHERE history.entry_id IN (SELECT entry_id FROM inserted)
      AND ((history.kind = 'credit' AND history.action = 'ADD' AND history.before > 0) OR history.after < 0)
    LIMIT 1;
    IF FOUND THEN
        IF bad.after < 0 THEN
            RAISE EXCEPTION 'award % stands at % h; a REVERSE of % h would take it below zero', bad.award_id, bad.before, bad.hours
                USING ERRCODE = '23514';
        END IF;
        RAISE EXCEPTION 'award % is already credited (% h standing); it cannot be credited twice', bad.award_id, bad.before
            USING ERRCODE = '23505';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entries_keep_net_hours AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_keeps_net_hours();
