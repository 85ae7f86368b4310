-- relicensure: two lookups of every normal night read an index alone instead of one table page
-- per row (measured on the million-award ledger's normal night, pages cold as after a day).
--
-- The future-dated awards whose day has come: 2,956 awards took 35 ms of scattered
-- award_outcomes pages; with the award's id in the index, 1 ms.
DROP INDEX award_outcomes_future;
CREATE INDEX award_outcomes_future ON award_outcomes (due_on) INCLUDE (award_id) WHERE outcome = 'future_dated';

-- Tonight's educators' standing credits: 17,690 ledger entries of 2,868 educators, one heap
-- page each, 94 ms; with what a standing credit reads in the index, 59 ms. The credits a denial
-- in force reverses (credits_denied_in_force, sql/013, 1,667 denials probed every night) read
-- the entry's kind too. It replaces the index on educator_id alone (same key, so every other
-- lookup by educator uses it as before).
CREATE INDEX ledger_educator_credits ON ledger_entries (educator_id)
    INCLUDE (award_id, badge_id, issuer_id, award_date, credit_type, kind, action, hours);
DROP INDEX ledger_educator;
