-- relicensure: Outcome.readsStandingCredits — outcomes decided at SPEC §5 step 5 or later,
-- against the educator's standing credits, which tonight's other awards and reversals can
-- change. A night evaluates an educator's waiting awards of these outcomes with the educator's
-- new ones; the outcomes of steps 1-4 (matching, revocation, date, term) it evaluates again
-- only when their own inputs change (62 % of the 1M ledger's waiting awards are outside their
-- educator's term). Inlined like outcome_is_final (sql/012).
CREATE FUNCTION outcome_reads_standing_credits(outcome text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT outcome IN ('duplicate_credential', 'issuer_not_approved', 'pending_approval', 'denied_by_district',
                             'over_cap') $$;
