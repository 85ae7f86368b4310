-- relicensure: an educator's transcript finds the awards that name them among candidates
-- (`ambiguous_recipient`, `inactive_educator`, SPEC §6 "Whose award it is") through these
-- small partial indexes instead of reading every outcome: on the 1M-award benchmark the
-- transcript took 0.45 s without them and 0.04 s with them (issue 13, the web door's
-- transcript page, ≤ 50 ms).
CREATE INDEX award_outcomes_candidates ON award_outcomes (outcome)
    WHERE outcome IN ('ambiguous_recipient', 'inactive_educator');
CREATE INDEX outcome_history_candidates ON outcome_history (outcome)
    WHERE outcome IN ('ambiguous_recipient', 'inactive_educator');
