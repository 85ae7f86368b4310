-- relicensure: hosted badges fetched from their issuers' hosts (SPEC §4.4 "Hosted", issue 7).

-- The day the issuer's host last confirmed a `verified-hosted` award. Such awards are fetched
-- again once this is more than a week old, so that a revocation after crediting (410 Gone, or
-- `revoked: true`) reverses the credit.
ALTER TABLE awards ADD COLUMN verified_on date;
CREATE INDEX awards_hosted ON awards (verified_on) WHERE verification = 'verified-hosted' AND NOT revoked;
