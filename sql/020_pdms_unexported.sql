-- relicensure: the ledger entries no PDMS batch has taken yet (SPEC §6), kept by the database
-- itself. A batch used to find them by counting every entry ever exported against the ledger
-- up to the last one (two index scans that grew with the ledger: 63 ms of a normal night on
-- the million-award ledger); now a night reads only its own new entries. Whoever writes —
-- the night, `correct`, or a hand in psql — every ledger entry is here until a batch takes
-- it, and is here again if its batch row is removed, so no entry can be left behind.
CREATE TABLE pdms_unexported (entry_id bigint PRIMARY KEY);

INSERT INTO pdms_unexported (entry_id)
SELECT l.entry_id FROM ledger_entries l
WHERE NOT EXISTS (SELECT 1 FROM pdms_batch_entries b WHERE b.entry_id = l.entry_id);

-- Every new ledger entry waits for a batch (no foreign key: the ledger is append-only, and a
-- check per row would cost a backfill's 300,000 entries a lookup each).
CREATE FUNCTION pdms_unexported_posted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pdms_unexported (entry_id) SELECT entry_id FROM posted;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_unexported AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS posted FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_posted();

-- A batch takes its entries; a batch row removed or changed gives its entry back. TRUNCATE has
-- no transition table: every entry no batch holds is waiting again.
CREATE FUNCTION pdms_unexported_batched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Separate statements: a transition table exists only for the events that have one.
    IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO pdms_unexported (entry_id) SELECT entry_id FROM ledger_entries ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO pdms_unexported (entry_id)
        SELECT l.entry_id FROM ledger_entries l
        WHERE l.entry_id IN (SELECT entry_id FROM given_back)
          AND NOT EXISTS (SELECT 1 FROM pdms_batch_entries b WHERE b.entry_id = l.entry_id)
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        DELETE FROM pdms_unexported u WHERE u.entry_id IN (SELECT entry_id FROM taken);
    END IF;
    RETURN NULL;
END $$;
-- A trigger with transition tables handles one event (PostgreSQL's rule): one trigger each.
CREATE TRIGGER pdms_batch_entries_taken AFTER INSERT ON pdms_batch_entries
    REFERENCING NEW TABLE AS taken FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_batched();
CREATE TRIGGER pdms_batch_entries_given_back AFTER DELETE ON pdms_batch_entries
    REFERENCING OLD TABLE AS given_back FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_batched();
CREATE TRIGGER pdms_batch_entries_changed AFTER UPDATE ON pdms_batch_entries
    REFERENCING OLD TABLE AS given_back NEW TABLE AS taken FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_batched();
CREATE TRIGGER pdms_batch_entries_truncated AFTER TRUNCATE ON pdms_batch_entries
    FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_batched();

-- The ledger refuses updates and deletes row by row, but a TRUNCATE (a test district emptied by
-- hand) passes: nothing it removed is waiting any more.
CREATE FUNCTION pdms_unexported_ledger_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE pdms_unexported;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_truncated AFTER TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION pdms_unexported_ledger_emptied();
