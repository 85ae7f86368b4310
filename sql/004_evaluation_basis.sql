-- relicensure: what the last night's evaluation saw (SPEC §5 "Every night again", issue 8).
--
-- Every waiting award is evaluated again each night, but its outcome can change only when
-- something it depends on changed: its educator's roster row or addresses, an approval, the
-- educator's ledger, the configuration, a revocation, the catalog, the as-of date passing its
-- award date. The night records what it evaluated against; the next night evaluates again only
-- the waiting awards whose inputs differ from that (and every waiting award when the
-- configuration changed, the as-of date went back, or no night has been recorded yet).

-- One row: the last committed night's as-of date, configuration and rules, and how far it had read the
-- ledger and the approvals.
CREATE TABLE evaluation_basis (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    run_id             bigint NOT NULL,
    as_of              date NOT NULL,
    rules_key          text NOT NULL,  -- the configuration's checksum and the engine's rules version
    ledger_through     bigint NOT NULL,
    approvals_through  bigint NOT NULL
);

-- Each educator as that night's evaluation read them: what crediting depends on (district,
-- license type and term, active, addresses) and the addresses alone, so that a changed
-- address can find the awards naming the old one.
CREATE TABLE evaluated_educators (
    educator_id  text PRIMARY KEY,
    fingerprint  text NOT NULL,
    emails       text NOT NULL,
    active       boolean NOT NULL
);

-- Revocation lists may name awards by their `uid` (OB 1.0, kept by later shapes too): found by
-- index, not by reading every award.
CREATE INDEX awards_uid ON awards ((document->>'uid')) WHERE document ? 'uid';

-- Awards whose badge or issuer name, or issuer, comes from the catalog each night: a catalog
-- document arriving later can change how they resolve, so they are evaluated every night.
CREATE INDEX awards_resolved_from_catalog ON awards (award_id)
    WHERE issuer_id IS NULL OR badge_name IS NULL OR issuer_name IS NULL;

-- Each file by path with its size and stamp (modification time, change time and inode) when
-- it was last hashed: a file whose stamp is unchanged is not read again, so a normal night reads
-- only what arrived (issue 8). Content still decides what is new (source_files): this only
-- saves re-hashing the inbox. Stamps of files gone from the folder are forgotten.
CREATE TABLE file_stamps (
    source      text NOT NULL CHECK (source IN ('inbox', 'uploads')),
    path        text NOT NULL,
    size_bytes  bigint NOT NULL,
    stamp       text NOT NULL,
    sha256      text NOT NULL,
    PRIMARY KEY (source, path)
);

-- OB 3.0 awards naming a status list are checked every night: found by index, not by reading
-- every award's document.
CREATE INDEX awards_credential_status ON awards (award_id) WHERE document ? 'credentialStatus';

-- A future-dated award is looked at again once its day has come: its outcome's detail is the
-- award date (YYYY-MM-DD), so the awards whose day has come are a range of this index.
CREATE INDEX award_outcomes_future ON award_outcomes (reason) WHERE outcome = 'future_dated';
