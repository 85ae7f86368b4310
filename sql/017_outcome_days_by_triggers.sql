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
-- Replaces the writers' calls of 016's `note_outcomes_written`, which stays as it was: a
-- relicensure of before this migration run against this schema (an upgrade taken back) still
-- calls it after writing, and it notes the day the triggers have already noted.

-- The one way the triggers change `outcome_days`: out of order from now on if `reordered`, and
-- the latest day written at least `latest` (NULL: unchanged).
CREATE FUNCTION outcome_days_note(reordered boolean, latest date) RETURNS void
    LANGUAGE sql
    AS $$ UPDATE outcome_days SET out_of_order = out_of_order OR coalesce(reordered, false),
                                  latest_day = greatest(latest_day, latest) $$;

-- Rows inserted (either table): out of order when any is for a day before the latest.
CREATE FUNCTION outcome_days_note_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM outcome_days_note((SELECT min(evaluated_on) FROM written) < (SELECT latest_day FROM outcome_days),
                              (SELECT max(evaluated_on) FROM written));
    RETURN NULL;
END $$;

-- Current outcomes updated: out of order when one moved to an earlier day or off its award.
CREATE FUNCTION outcome_days_note_current_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM outcome_days_note(EXISTS (SELECT 1 FROM before b LEFT JOIN written w USING (award_id)
                                      WHERE w.award_id IS NULL OR w.evaluated_on < b.evaluated_on),
                              (SELECT max(evaluated_on) FROM written));
    RETURN NULL;
END $$;

-- History updated (it has no key): out of order unless every row kept its award and day.
CREATE FUNCTION outcome_days_note_history_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM outcome_days_note(EXISTS (SELECT award_id, evaluated_on FROM before
                                      EXCEPT ALL SELECT award_id, evaluated_on FROM written), NULL);
    RETURN NULL;
END $$;

-- Current outcomes deleted or truncated: out of order when any were.
CREATE FUNCTION outcome_days_note_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- Two branches: a TRUNCATE trigger has no transition table to look at.
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM outcome_days_note(true, NULL);
    ELSE
        PERFORM outcome_days_note(EXISTS (SELECT 1 FROM removed), NULL);
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
