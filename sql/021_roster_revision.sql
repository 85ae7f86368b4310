-- relicensure: a counter the database moves whenever the roster changes, by any hand, so that a
-- night whose roster is as the last night read it need not compare 50,000 educators' readings
-- again (0.12–0.2 s of a normal night). A night records the revision it read in its basis; the
-- next compares every educator only when the revision moved (or when there is no basis to trust,
-- e.g. after the rules changed). `roster import` writes only the rows that differ, so importing
-- the same roster again does not move it.
CREATE TABLE roster_revision (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision   bigint NOT NULL
);
INSERT INTO roster_revision (revision) VALUES (1);

-- NULL: the night that recorded this basis did not know the revision; compare everyone.
ALTER TABLE evaluation_basis ADD COLUMN roster_revision bigint;

CREATE FUNCTION roster_revision_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Separate statements: TRUNCATE has no transition table, and a statement that touched no
    -- row (an import with nothing new) leaves the revision where it was.
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE roster_revision SET revision = revision + 1;
    ELSIF EXISTS (SELECT 1 FROM touched) THEN
        UPDATE roster_revision SET revision = revision + 1;
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
