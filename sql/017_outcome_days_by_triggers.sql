-- relicensure: `outcome_days` (sql/016) kept by the database itself, so that no writer of
-- outcomes has to remember it, and a person's fix by hand is noted too. What can make a current
-- outcome other than its award's latest known one is noted, and reports then sort the history
-- as they always did:
--   * a row of either table written for a day before the latest already written (a night run
--     again as of an earlier day);
--   * a current outcome set back to an earlier day, or moved to another award;
--   * a history row's day or award changed;
--   * a current outcome deleted, or the table truncated (its history then has no current row).
-- An update that leaves the days alone (an outcome's hours or reason fixed) is not.
-- What stays the writers' contract, as in 016: a history row is written in the transaction that
-- writes its award's current outcome for the same day, as a night and a correction do; a
-- history row inserted alone for a later day than its award's current one is not caught.
-- Replaces the writers' calls of 016's `note_outcomes_written` (kept below as a no-op).

-- Rows inserted (either table): their days.
CREATE FUNCTION outcome_days_note_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE outcome_days d
    SET out_of_order = d.out_of_order OR w.earliest < d.latest_day,
        latest_day = greatest(d.latest_day, w.latest)
    FROM (SELECT min(evaluated_on) AS earliest, max(evaluated_on) AS latest FROM written) w
    WHERE w.latest IS NOT NULL;
    RETURN NULL;
END $$;

-- Current outcomes updated: out of order when one moved to an earlier day or off its award.
CREATE FUNCTION outcome_days_note_current_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE outcome_days d
    SET out_of_order = d.out_of_order
            OR EXISTS (SELECT 1 FROM before b LEFT JOIN written w USING (award_id)
                       WHERE w.award_id IS NULL OR w.evaluated_on < b.evaluated_on),
        latest_day = greatest(d.latest_day, w.latest)
    FROM (SELECT max(evaluated_on) AS latest FROM written) w
    WHERE w.latest IS NOT NULL;
    RETURN NULL;
END $$;

-- History updated (it has no key): out of order unless every row kept its award and day.
CREATE FUNCTION outcome_days_note_history_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT award_id, evaluated_on FROM before EXCEPT ALL SELECT award_id, evaluated_on FROM written) THEN
        UPDATE outcome_days SET out_of_order = true;
    END IF;
    RETURN NULL;
END $$;

-- Current outcomes deleted: out of order when any were.
CREATE FUNCTION outcome_days_note_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- Two branches: a TRUNCATE trigger has no transition table to look at.
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE outcome_days SET out_of_order = true;
    ELSIF EXISTS (SELECT 1 FROM removed) THEN
        UPDATE outcome_days SET out_of_order = true;
    END IF;
    RETURN NULL;
END $$;

-- A trigger with transition tables handles one event (PostgreSQL's rule): one trigger each.
CREATE TRIGGER award_outcomes_inserted AFTER INSERT ON award_outcomes
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER award_outcomes_updated AFTER UPDATE ON award_outcomes
    REFERENCING OLD TABLE AS before NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_current_updated();
CREATE TRIGGER outcome_history_inserted AFTER INSERT ON outcome_history
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER outcome_history_updated AFTER UPDATE ON outcome_history
    REFERENCING OLD TABLE AS before NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_history_updated();
CREATE TRIGGER award_outcomes_deleted AFTER DELETE ON award_outcomes
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_removed();
CREATE TRIGGER award_outcomes_truncated AFTER TRUNCATE ON award_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_removed();

-- Kept, doing nothing, for a relicensure of before this migration run against this schema (an
-- upgrade taken back): its night calls it as its last statement, which would otherwise fail
-- the whole night. The triggers above note the days now.
CREATE OR REPLACE FUNCTION note_outcomes_written(day date) RETURNS void
    LANGUAGE sql
    AS $$ SELECT $$;
