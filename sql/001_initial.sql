-- relicensure: the whole schema of SPEC v6.
-- The ledger is append-only: hours move only by new ADD or REVERSE entries.
--
-- Tables that receive a row per award (awards, outcomes, their history, files seen, the
-- catalog) carry no per-row foreign keys to runs or awards: those only restate how the rows are
-- made, and on a million-award backfill inserting the outcomes took 24.5 s with the key to
-- awards and 5.3 s without. The ledger keeps its key to awards, and the export batches theirs:
-- those are the records HR and PDMS depend on.

CREATE TABLE educators (
    educator_id    text PRIMARY KEY,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    email          text NOT NULL,
    district_code  text NOT NULL,
    school_code    text,
    school_name    text,
    license_type   text,
    license_start  date,
    license_end    date,
    active         boolean NOT NULL DEFAULT true,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (license_start IS NULL OR license_end IS NULL OR license_start <= license_end)
);

-- Every address an educator's badges may name: the primary e-mail and the others.
CREATE TABLE educator_emails (
    educator_id  text NOT NULL REFERENCES educators ON DELETE CASCADE,
    email        text NOT NULL,
    is_primary   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (educator_id, email)
);
CREATE INDEX educator_emails_lower ON educator_emails (lower(email));

-- Each run of a command that posts or reports (SPEC §7).
CREATE TABLE runs (
    run_id           bigserial PRIMARY KEY,
    command          text NOT NULL,
    as_of            date NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    outcome          text NOT NULL DEFAULT 'running'
                     CHECK (outcome IN ('running', 'succeeded', 'failed', 'abandoned')),
    dry_run          boolean NOT NULL DEFAULT false,
    counts           jsonb NOT NULL DEFAULT '{}'::jsonb,
    config_checksum  text,
    pid              integer,
    host             text,
    message          text
);

-- Every file read from the inbox or uploads, by content (SPEC §4.3): read once per SHA-256.
CREATE TABLE source_files (
    sha256        text PRIMARY KEY,
    path          text NOT NULL,
    source        text NOT NULL CHECK (source IN ('inbox', 'uploads')),
    size_bytes    bigint NOT NULL,
    items         integer NOT NULL DEFAULT 0,
    first_run_id  bigint,
    seen_on       date NOT NULL
);

-- BadgeClass / Achievement, Issuer / Profile, CryptographicKey and RevocationList documents.
CREATE TABLE catalog_documents (
    kind          text NOT NULL CHECK (kind IN ('badge_class', 'issuer', 'key', 'revocation_list')),
    document_id   text NOT NULL,
    source        text NOT NULL CHECK (source IN ('inbox', 'uploads', 'fetched')),
    name          text,
    issuer_id     text,
    document      jsonb NOT NULL,
    source_sha256 text,
    first_run_id  bigint,
    PRIMARY KEY (kind, document_id, source)
);

-- One row per award (its identity key, SPEC §4.3), from its best copy; unreadable items too.
CREATE TABLE awards (
    award_id          text PRIMARY KEY,
    source            text NOT NULL CHECK (source IN ('inbox', 'uploads')),
    source_sha256     text NOT NULL,
    source_path       text NOT NULL,
    source_line       integer,
    spec_version      text,
    badge_id          text,
    badge_name        text,
    issuer_id         text,
    issuer_name       text,
    recipient_type    text,
    recipient_identity text,
    recipient_hashed  boolean,
    recipient_salt    text,
    awarded_at        text,
    award_date        date,
    expires_at        text,
    revoked           boolean NOT NULL DEFAULT false,
    revocation_reason text,
    credits_earned    numeric,
    verification      text NOT NULL DEFAULT 'trusted-channel',
    invalid_detail    text,
    document          jsonb,
    first_run_id      bigint,
    first_seen_on     date NOT NULL
);
CREATE INDEX awards_first_seen ON awards (first_seen_on);

-- Revocations from trusted sources: revocation-only documents and revocation lists.
CREATE TABLE revocations (
    award_id      text NOT NULL,
    list_id       text NOT NULL DEFAULT '',
    issuer_id     text,
    reason        text,
    source_sha256 text,
    PRIMARY KEY (award_id, list_id)
);

-- The current outcome of every award (SPEC §5), replaced each time it is evaluated again.
CREATE TABLE award_outcomes (
    award_id       text PRIMARY KEY,
    outcome        text NOT NULL,
    reason         text NOT NULL DEFAULT '',
    educator_id    text,
    hours          numeric(8,2) NOT NULL DEFAULT 0,
    audit          jsonb NOT NULL DEFAULT '{}'::jsonb,
    run_id         bigint,
    evaluated_on   date NOT NULL
);
CREATE INDEX award_outcomes_educator ON award_outcomes (educator_id);
CREATE INDEX award_outcomes_waiting ON award_outcomes (outcome) WHERE outcome NOT IN ('credited', 'invalid', 'revoked');

-- Every change of outcome, for audit.
CREATE TABLE outcome_history (
    award_id      text NOT NULL,
    run_id        bigint,
    outcome       text NOT NULL,
    reason        text NOT NULL DEFAULT '',
    educator_id   text,
    evaluated_on  date NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcome_history_award ON outcome_history (award_id);

-- District decisions about one educator's external badge (SPEC §4.2); all kept for audit.
CREATE TABLE approvals (
    approval_id   bigserial PRIMARY KEY,
    educator_id   text NOT NULL,
    badge_id      text NOT NULL,
    decision      text NOT NULL CHECK (decision IN ('approved', 'denied')),
    hours         numeric(8,2) CHECK (hours IS NULL OR (hours >= 0 AND hours <= 1000)),
    decided_by    text NOT NULL,
    decided_on    date NOT NULL,
    note          text,
    source_file   text,
    source_line   integer,
    imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approvals_key ON approvals (educator_id, badge_id);

-- The ledger: append-only ADD and REVERSE entries, hours always positive.
CREATE TABLE ledger_entries (
    entry_id         bigserial PRIMARY KEY,
    award_id         text NOT NULL REFERENCES awards,
    educator_id      text NOT NULL,
    action           text NOT NULL CHECK (action IN ('ADD', 'REVERSE')),
    kind             text NOT NULL DEFAULT 'credit' CHECK (kind IN ('credit', 'reversal', 'correction')),
    hours            numeric(8,2) NOT NULL CHECK (hours > 0),
    credit_type      text NOT NULL,
    badge_id         text NOT NULL,
    issuer_id        text NOT NULL,
    award_date       date NOT NULL,
    posted_on        date NOT NULL,
    run_id           bigint,
    reason           text NOT NULL,
    audit            jsonb NOT NULL DEFAULT '{}'::jsonb,
    config_checksum  text,
    recorded_by      text,
    recorded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_award ON ledger_entries (award_id);
CREATE INDEX ledger_educator ON ledger_entries (educator_id);
CREATE INDEX ledger_posted_on ON ledger_entries (posted_on);

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a REVERSE or ADD entry instead of changing entry %', OLD.entry_id
        USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- Per award: a credit only while the award has no standing hours (never credited twice at
-- once; credited again after a reversal, when a later decision approves it), and no REVERSE
-- below zero. Checked once per statement over the rows it inserted, not once per row. Writers
-- of the ledger (nightly, correct) hold the nightly advisory lock, so one award's entries are
-- never written by two sessions at once.
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

-- PDMS export batches (SPEC §6): each ledger entry is exported exactly once, and each batch
-- keeps the exact cell values it wrote so that `export pdms --batch N` writes the same bytes.
CREATE TABLE pdms_batches (
    batch_id    bigserial PRIMARY KEY,
    run_id      bigint REFERENCES runs,
    as_of       date NOT NULL,
    file_name   text NOT NULL,
    columns     jsonb NOT NULL,
    row_count   integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    written_at  timestamptz
);

CREATE TABLE pdms_batch_entries (
    batch_id   bigint NOT NULL REFERENCES pdms_batches,
    entry_id   bigint NOT NULL UNIQUE REFERENCES ledger_entries,
    row_number integer NOT NULL,
    cells      jsonb NOT NULL,
    PRIMARY KEY (batch_id, row_number)
);

-- An educator's transcript reads the awards ever tied to them by index
-- (SPEC §6 "Educator transcript"); with a million awards stored a lookup stays in
-- milliseconds instead of scanning the outcome history.
CREATE INDEX outcome_history_educator ON outcome_history (educator_id);

-- Revoked awards are few: the nightly job finds the credits to reverse without a scan.
CREATE INDEX awards_revoked ON awards (award_id) WHERE revoked;
