-- relicensure: a counter the database moves whenever an approval decision is changed or removed,
-- by any hand (UPDATE, DELETE, TRUNCATE). `approvals import` only adds decisions, and a night
-- finds added ones by their ids and dates (`EvaluationBasis.approvalsThrough`). A decision
-- changed or removed in place has neither: deleting the approval that superseded a denial puts
-- the denial back in force, and turning an approval into a denial by hand makes one. So a night
-- whose basis read another value evaluates every waiting award and looks at every denial in
-- force, as a first night does. Such fixes are rare; the night after one is the only one that
-- pays.
-- A sequence moved by statement triggers, like the roster's revision (sql/021): no row lock,
-- and a write rolled back still moves it (the next night then evaluates everything, as it may).
CREATE SEQUENCE approvals_rewritten;
SELECT setval('approvals_rewritten', 1);

-- NULL: the night that recorded this basis did not know the counter; evaluate everything.
ALTER TABLE evaluation_basis ADD COLUMN approvals_rewritten bigint;

-- One trigger function for both counters: it moves the sequence named by the trigger's argument.
-- A statement that touched no row (an import with nothing new, a DELETE that found nothing)
-- leaves it where it was. Separate branches: TRUNCATE has no transition table to look at.
CREATE FUNCTION counter_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM nextval(TG_ARGV[0]);
    ELSIF EXISTS (SELECT 1 FROM touched) THEN
        PERFORM nextval(TG_ARGV[0]);
    END IF;
    RETURN NULL;
END $$;

-- A trigger with transition tables handles one event (PostgreSQL's rule): one trigger per table
-- and event. The roster's (sql/021) are made again on the shared function.
DO $$
DECLARE
    watched record;
    event text;
    trigger_name text;
BEGIN
    FOR watched IN SELECT * FROM (VALUES ('educators', 'roster_revision', ARRAY['insert', 'update', 'delete', 'truncate']),
                                         ('educator_emails', 'roster_revision', ARRAY['insert', 'update', 'delete', 'truncate']),
                                         ('approvals', 'approvals_rewritten', ARRAY['update', 'delete', 'truncate']))
                                AS t (table_name, counter, events) LOOP
        FOREACH event IN ARRAY watched.events LOOP
            -- educators_inserted, approvals_deleted, …
            trigger_name := watched.table_name || '_' || event || CASE event WHEN 'insert' THEN 'ed' ELSE 'd' END;
            IF watched.counter = 'roster_revision' THEN
                EXECUTE format('DROP TRIGGER %I ON %I', trigger_name, watched.table_name);
            END IF;
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I %s FOR EACH STATEMENT EXECUTE FUNCTION counter_moved(%L)',
                           trigger_name, upper(event), watched.table_name,
                           CASE event WHEN 'truncate' THEN ''
                                      WHEN 'delete' THEN 'REFERENCING OLD TABLE AS touched'
                                      ELSE 'REFERENCING NEW TABLE AS touched' END,
                           watched.counter);
        END LOOP;
    END LOOP;
END $$;
DROP FUNCTION roster_revision_moved();
