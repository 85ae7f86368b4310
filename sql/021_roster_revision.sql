-- relicensure: a counter the database moves whenever the roster changes, by any hand, so that a
-- night whose roster is as the last night read it need not compare 50,000 educators' readings
-- again (0.12–0.2 s of a normal night). A night records the revision it read in its basis; the
-- next compares every educator only when the revision moved (or when there is no basis to trust,
-- e.g. after the rules changed). `roster import` writes only the rows that differ, so importing
-- the same roster again does not move it.
-- A sequence, not a counter row: a statement's trigger takes no row lock, so two sessions
-- writing the roster at once never wait for each other here (a row would make a deadlock of an
-- import deactivating an educator that a hand in psql is changing). A write rolled back still
-- moves it: the next night then compares every educator, as it would anyway.
CREATE SEQUENCE roster_revision;
SELECT setval('roster_revision', 1);

-- NULL: the night that recorded this basis did not know the revision; compare everyone.
ALTER TABLE evaluation_basis ADD COLUMN roster_revision bigint;

CREATE FUNCTION roster_revision_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Separate statements: TRUNCATE has no transition table, and a statement that touched no
    -- row (an import with nothing new) leaves the revision where it was.
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM nextval('roster_revision');
    ELSIF EXISTS (SELECT 1 FROM touched) THEN
        PERFORM nextval('roster_revision');
    END IF;
    RETURN NULL;
END $$;

-- A trigger with transition tables handles one event (PostgreSQL's rule): one trigger each, on
-- both tables of the roster.
DO $$
DECLARE
    roster_table text;
BEGIN
    FOREACH roster_table IN ARRAY ARRAY['educators', 'educator_emails'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_inserted AFTER INSERT ON %1$I REFERENCING NEW TABLE AS touched '
                       'FOR EACH STATEMENT EXECUTE FUNCTION roster_revision_moved()', roster_table);
        EXECUTE format('CREATE TRIGGER %1$s_updated AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS touched '
                       'FOR EACH STATEMENT EXECUTE FUNCTION roster_revision_moved()', roster_table);
        EXECUTE format('CREATE TRIGGER %1$s_deleted AFTER DELETE ON %1$I REFERENCING OLD TABLE AS touched '
                       'FOR EACH STATEMENT EXECUTE FUNCTION roster_revision_moved()', roster_table);
        EXECUTE format('CREATE TRIGGER %1$s_truncated AFTER TRUNCATE ON %1$I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION roster_revision_moved()', roster_table);
    END LOOP;
END $$;
