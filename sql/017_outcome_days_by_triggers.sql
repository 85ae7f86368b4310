-- relicensure: `outcome_days` (sql/016) kept by the database itself, so that no writer of
-- outcomes can forget it: not a future one, and not a person's hand-written fix. Each statement
-- that inserts or updates rows of `award_outcomes` or `outcome_history` notes the days of the
-- rows it wrote; a row written for a day before the latest already written (a night run again
-- as of an earlier day, an update that leaves an older day) sets `out_of_order`, as does any
-- current outcome deleted or truncated (its history would then have no current row). Reports
-- then sort the history, as they always did. Replaces the writers' calls of 016's
-- `note_outcomes_written`.

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

CREATE FUNCTION outcome_days_note_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE outcome_days SET out_of_order = true;
    RETURN NULL;
END $$;

-- PostgreSQL allows a transition table only on a trigger for one event: one trigger each.
CREATE TRIGGER award_outcomes_inserted AFTER INSERT ON award_outcomes
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER award_outcomes_updated AFTER UPDATE ON award_outcomes
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER outcome_history_inserted AFTER INSERT ON outcome_history
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER outcome_history_updated AFTER UPDATE ON outcome_history
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_written();
CREATE TRIGGER award_outcomes_deleted AFTER DELETE ON award_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_removed();
CREATE TRIGGER award_outcomes_truncated AFTER TRUNCATE ON award_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION outcome_days_note_removed();

DROP FUNCTION note_outcomes_written(date);
