-- relicensure: rules the ledger's queries need, each written once as a named SQL function
-- (issue 15, "Each rule written once"). Each has a Swift twin, and
-- Tests/RelicensureAppTests/RuleTwinTests.swift holds the two together case by case.

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
