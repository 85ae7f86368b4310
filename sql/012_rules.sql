-- relicensure: rules the ledger's queries need, each written once as a named SQL function
-- (issue 15, "Each rule written once"). Each has a Swift twin, and
-- Tests/RelicensureAppTests/RuleTwinTests.swift holds the two together case by case.
--
-- Numbered after 011 (identifiers compare as bytes), which changes the type of columns the
-- view below reads: PostgreSQL refuses that once a view depends on them, so this must come
-- second on every database.

-- Outcome.isFinal: a final outcome is never evaluated again (SPEC §5, "Every night again").
-- LANGUAGE sql, IMMUTABLE, no SET and no STRICT, so that PostgreSQL inlines the body before
-- it matches index predicates: a query saying `NOT outcome_is_final(outcome)` still reads the
-- partial index below (EXPLAIN: Index Only Scan using award_outcomes_waiting).
CREATE FUNCTION outcome_is_final(outcome text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT outcome IN ('credited', 'invalid', 'revoked') $$;

DROP INDEX award_outcomes_waiting;
CREATE INDEX award_outcomes_waiting ON award_outcomes (outcome) WHERE NOT outcome_is_final(outcome);

-- A future-dated award is looked at again once its day has come, read from the award's own
-- `award_date` rather than from the outcome's detail text (which still shows the day to
-- people): the index finds the few future-dated outcomes to join to their awards.
DROP INDEX award_outcomes_future;
CREATE INDEX award_outcomes_future ON award_outcomes (award_id) WHERE outcome = 'future_dated';

-- Which issuer an award belongs to (SPEC §4.4): the issuer it names itself, else the one its
-- BadgeClass names in a trusted copy. A BadgeClass copy from uploads vouches for nothing; of
-- the trusted copies the inbox's wins. The Swift readers of the catalog (Store.catalogIndex,
-- Store.trustedCatalog) read BadgeClasses through this view, and CatalogIndex.issuerID is the
-- function's Swift twin.
CREATE VIEW trusted_badge_classes AS
    SELECT DISTINCT ON (document_id) document_id, name, issuer_id
    FROM catalog_documents
    WHERE kind = 'badge_class' AND source <> 'uploads'
    ORDER BY document_id, (source = 'inbox') DESC;

-- Not inlined (it reads a table), so it serves per-award lookups such as a revocation's owner;
-- set-based queries join trusted_badge_classes instead.
CREATE FUNCTION award_issuer(named_issuer text, badge_id text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(named_issuer,
                          (SELECT b.issuer_id FROM trusted_badge_classes b WHERE b.document_id = badge_id)) $$;

-- Whether a day falls inside a license term, both days included (SPEC §4.1, §6): hours count
-- toward the term only then; without a term on record (either end NULL) no day does, since
-- NULL filters out. LicenseTerm.contains is the Swift twin. Inlined like outcome_is_final.
CREATE FUNCTION in_license_term(day date, term_start date, term_end date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT day BETWEEN term_start AND term_end $$;

-- The approval decision in force on a day, for each educator and badge: the latest decided on
-- or before it, and of one day's decisions the one imported last (SPEC §4.2).
-- ApprovalBook.decisionInForce is the Swift twin. A set-returning LANGUAGE sql STABLE function
-- of one SELECT is inlined into the query that calls it.
CREATE FUNCTION approvals_in_force(as_of date) RETURNS SETOF approvals
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT DISTINCT ON (educator_id, badge_id) * FROM approvals WHERE decided_on <= as_of
          ORDER BY educator_id, badge_id, decided_on DESC, approval_id DESC $$;

-- A plain recipient identity as addresses compare (SPEC §5 step 2): trimmed of spaces, tabs
-- and line breaks, and lower-cased. RecipientDirectory.normalise is the Swift twin; the two
-- agree on ASCII, while lower() folds only ASCII under the C locale, so callers treat
-- identities with other characters apart (see Store.chooseChangedAwards). Inlined.
CREATE FUNCTION normalised_address(address text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(btrim(address, E' \t\n\r')) $$;

-- Whether an award's recorded verification says an upload was proven, by its issuer's
-- signature or from its issuer's host (SPEC §4.4). VerificationOutcome.isVerified is the
-- Swift twin, over the text VerificationOutcome.recorded writes. Inlined.
CREATE FUNCTION verification_is_verified(verification text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT verification LIKE 'verified%' $$;
