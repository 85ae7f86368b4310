-- relicensure: identifiers compare as bytes (issue 15).
--
-- Award, educator, badge and issuer ids, digests and paths are keys, never text a person
-- reads in order, yet they took the database's collation. On a district's server that is ICU
-- `en-US` or glibc `en_US.UTF-8`, and every index entry, join and sort on them went through
-- the locale's comparison: ICU's compare was the server's busiest function in a 100,000-award
-- night, and inserting 100,000 outcome history rows into the two id indexes took 0.85 s under
-- ICU against 0.48 s under "C" (same table, same rows, alternated four times). Under "C" the
-- order is also the one the Swift side merges in (`OrderedStream`), the same on every server.
--
-- Only the collation changes: no row is rewritten, the indexes on these columns are rebuilt.
-- Names, schools and e-mail addresses keep the database's collation; people read them sorted.
ALTER TABLE educators ALTER COLUMN educator_id TYPE text COLLATE "C";
ALTER TABLE educator_emails ALTER COLUMN educator_id TYPE text COLLATE "C";
ALTER TABLE source_files ALTER COLUMN sha256 TYPE text COLLATE "C";
ALTER TABLE catalog_documents
    ALTER COLUMN document_id TYPE text COLLATE "C",
    ALTER COLUMN issuer_id TYPE text COLLATE "C";
ALTER TABLE awards
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN badge_id TYPE text COLLATE "C",
    ALTER COLUMN issuer_id TYPE text COLLATE "C",
    ALTER COLUMN source_sha256 TYPE text COLLATE "C";
ALTER TABLE upload_copies
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN badge_id TYPE text COLLATE "C",
    ALTER COLUMN issuer_id TYPE text COLLATE "C",
    ALTER COLUMN source_sha256 TYPE text COLLATE "C";
ALTER TABLE revocations
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN list_id TYPE text COLLATE "C",
    ALTER COLUMN issuer_id TYPE text COLLATE "C";
ALTER TABLE award_outcomes
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN educator_id TYPE text COLLATE "C";
ALTER TABLE outcome_history
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN educator_id TYPE text COLLATE "C";
ALTER TABLE approvals
    ALTER COLUMN educator_id TYPE text COLLATE "C",
    ALTER COLUMN badge_id TYPE text COLLATE "C";
ALTER TABLE ledger_entries
    ALTER COLUMN award_id TYPE text COLLATE "C",
    ALTER COLUMN educator_id TYPE text COLLATE "C",
    ALTER COLUMN badge_id TYPE text COLLATE "C",
    ALTER COLUMN issuer_id TYPE text COLLATE "C";
ALTER TABLE evaluated_educators ALTER COLUMN educator_id TYPE text COLLATE "C";
ALTER TABLE file_stamps ALTER COLUMN sha256 TYPE text COLLATE "C";
ALTER TABLE hosted_fetch_backoff ALTER COLUMN award_id TYPE text COLLATE "C";
ALTER TABLE pdms_activities
    ALTER COLUMN educator_id TYPE text COLLATE "C",
    ALTER COLUMN credential_id TYPE text COLLATE "C";
