-- relicensure: which standing credits a night reverses, written once (issue 15, "Each rule
-- written once"), beside the rules of 012. Tests/RelicensureAppTests/RuleTwinTests.swift holds
-- each against its Swift twin.

-- The credits a district denial reverses on a day (SPEC §4.2, §5 "Every night again"): an
-- external micro-credential whose educator and badge have a denial as the decision in force
-- (approvals_in_force: the latest on or before the day, of one day's decisions the one
-- imported last). A DDOE micro-credential needs no district approval, so no denial reverses
-- it. ApprovalBook.denialReversing is the Swift twin, which EducatorLedger.postReversals asks.
-- Every credit entry is listed, already reversed or not: the night reads the standing ones.
-- A set-returning LANGUAGE sql STABLE function of one SELECT, inlined into the caller.
CREATE FUNCTION credits_denied_in_force(as_of date)
    RETURNS TABLE (award_id text, educator_id text, badge_id text, approval_id bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT l.award_id, l.educator_id, l.badge_id, d.approval_id
          FROM approvals_in_force(as_of) d
          JOIN ledger_entries l ON l.educator_id = d.educator_id AND l.badge_id = d.badge_id
          WHERE d.decision = 'denied' AND l.kind = 'credit' AND l.credit_type = 'External micro-credential' $$;
