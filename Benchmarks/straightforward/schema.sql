-- Tables of the straightforward Python nightly job (Benchmarks/straightforward/nightly.py).
-- Prefixed sf_ so they never clash with the product's schema (sql/); dropped and created
-- fresh at the start of every run of nightly.py.

DROP TABLE IF EXISTS sf_pdms_batches, sf_ledger, sf_outcomes, sf_awards, sf_catalog,
                     sf_source_files, sf_approvals, sf_educators, sf_runs;

CREATE TABLE sf_runs (
    run_id      serial PRIMARY KEY,
    as_of       date NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz,
    counts      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE sf_educators (
    educator_id    text PRIMARY KEY,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    email          text NOT NULL,
    other_emails   text,
    district_code  text NOT NULL,
    school_code    text,
    school_name    text,
    license_type   text,
    license_start  date,
    license_end    date,
    status         text NOT NULL DEFAULT 'active'
);

CREATE TABLE sf_approvals (
    approval_id  serial PRIMARY KEY,
    educator_id  text NOT NULL,
    badge_id     text NOT NULL,
    decision     text NOT NULL CHECK (decision IN ('approved', 'denied')),
    hours        numeric(8,2),
    decided_by   text,
    decided_on   date NOT NULL,
    note         text
);

CREATE TABLE sf_source_files (
    sha256  text PRIMARY KEY,
    path    text NOT NULL,
    items   integer NOT NULL
);

-- Issuer profiles and BadgeClasses read from the inbox (standalone or embedded).
CREATE TABLE sf_catalog (
    doc_id     text PRIMARY KEY,
    doc_type   text NOT NULL,
    name       text,
    issuer_id  text,
    document   jsonb NOT NULL
);

CREATE TABLE sf_awards (
    award_id            text PRIMARY KEY,
    source_path         text NOT NULL,
    source_line         integer,
    badge_id            text,
    badge_name          text,
    issuer_id           text,
    issuer_name         text,
    recipient_identity  text,
    recipient_hashed    boolean,
    recipient_salt      text,
    issued_on           text,
    award_date          date,
    revoked             boolean NOT NULL DEFAULT false,
    invalid_detail      text,
    document            jsonb
);

CREATE TABLE sf_outcomes (
    award_id     text PRIMARY KEY REFERENCES sf_awards,
    outcome      text NOT NULL,
    reason       text NOT NULL DEFAULT '',
    educator_id  text,
    hours        numeric(8,2) NOT NULL DEFAULT 0,
    run_id       integer NOT NULL REFERENCES sf_runs
);

CREATE TABLE sf_ledger (
    entry_id     bigserial PRIMARY KEY,
    award_id     text NOT NULL REFERENCES sf_awards,
    educator_id  text NOT NULL REFERENCES sf_educators,
    action       text NOT NULL CHECK (action IN ('ADD', 'REVERSE')),
    hours        numeric(8,2) NOT NULL CHECK (hours > 0),
    credit_type  text NOT NULL,
    badge_id     text NOT NULL,
    issuer_id    text NOT NULL,
    award_date   date NOT NULL,
    posted_on    date NOT NULL,
    reason       text NOT NULL,
    run_id       integer NOT NULL REFERENCES sf_runs
);
CREATE INDEX sf_ledger_educator ON sf_ledger (educator_id);

CREATE TABLE sf_pdms_batches (
    batch    serial PRIMARY KEY,
    run_id   integer NOT NULL REFERENCES sf_runs,
    as_of    date NOT NULL,
    path     text NOT NULL,
    rows     integer NOT NULL
);
