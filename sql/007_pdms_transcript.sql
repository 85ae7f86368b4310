-- relicensure: what PDMS already holds (SPEC §4.5, §6 "All of an educator's hours", §9, issue 14).
--
-- HR exports every educator's PDMS transcript (courses, workshops, micro-credentials keyed in
-- by hand) and `relicensure pdms import` records it. Each import is a snapshot: the latest one
-- dated on or before a report's as-of day is what PDMS holds for that report; earlier ones are
-- kept for audit. Nothing here is ever posted to the ledger or exported back to PDMS.
CREATE TABLE pdms_imports (
    import_id      bigserial PRIMARY KEY,
    imported_on    date NOT NULL,            -- the import's date: its as-of date
    imported_at    timestamptz NOT NULL DEFAULT now(),
    source_file    text NOT NULL,
    source_sha256  text NOT NULL,
    row_count      integer NOT NULL,
    skipped_rows   integer NOT NULL
);

CREATE TABLE pdms_activities (
    import_id        bigint NOT NULL REFERENCES pdms_imports,
    line             integer NOT NULL,       -- the file's line, the header being line 1
    educator_id      text NOT NULL,
    activity_title   text NOT NULL,
    provider         text,
    completion_date  date NOT NULL,
    clock_hours      numeric(8,2) NOT NULL CHECK (clock_hours >= 0),
    credential_id    text,
    record_id        text,
    PRIMARY KEY (import_id, line)
);
CREATE INDEX pdms_activities_educator ON pdms_activities (import_id, educator_id);
CREATE INDEX pdms_activities_credential ON pdms_activities (credential_id) WHERE credential_id IS NOT NULL;

-- The rule of SPEC §6 and §9, written once: the award of ours a PDMS row stands for, as of a
-- day. By `credential_id` (one of our award ids), else by educator, completion date, hours and
-- title matching a credit we had posted by then (the title compared without regard to case or
-- surrounding spaces, as a person keying it in may have typed it). NULL when the row is not ours.
CREATE FUNCTION pdms_our_award(activity pdms_activities, as_of date) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT a.award_id FROM awards a
         WHERE a.award_id = btrim(activity.credential_id) AND a.first_seen_on <= as_of),
        (SELECT l.award_id FROM ledger_entries l JOIN awards a USING (award_id)
         WHERE l.educator_id = activity.educator_id AND l.award_date = activity.completion_date
           AND l.action = 'ADD' AND l.kind = 'credit' AND l.hours = activity.clock_hours
           AND l.posted_on <= as_of
           AND lower(btrim(a.badge_name)) = lower(btrim(activity.activity_title))
         ORDER BY l.award_id COLLATE "C" LIMIT 1))
$$;
