-- relicensure: proving badges handed in through uploads (SPEC §4.4, issue 7).

-- The compact JWS an award came in, exactly as received: an upload is verified again on a
-- later night against the keys known then, and a verified award keeps its proof.
ALTER TABLE awards ADD COLUMN signed_token text;

-- Every readable copy of an award found in uploads, whichever night it arrived. The awards row
-- holds the best copy; an unverified one gives way to a copy that verifies.
CREATE TABLE upload_copies (LIKE awards INCLUDING DEFAULTS);
ALTER TABLE upload_copies ADD PRIMARY KEY (award_id, source_sha256);

-- A file is read once per content and per folder: bytes an educator uploaded must not stop the
-- same bytes from being read when they arrive in the trusted inbox (SPEC §4.3, §4.4).
ALTER TABLE source_files DROP CONSTRAINT source_files_pkey;
ALTER TABLE source_files ADD PRIMARY KEY (sha256, source);

-- Status list credentials (BitstringStatusList, StatusList2021) join the catalog.
ALTER TABLE catalog_documents DROP CONSTRAINT catalog_documents_kind_check;
ALTER TABLE catalog_documents ADD CONSTRAINT catalog_documents_kind_check
    CHECK (kind IN ('badge_class', 'issuer', 'key', 'revocation_list', 'status_list'));
