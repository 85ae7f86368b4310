import Postgres
import RelicensureApp
import RelicensureStore
import Testing

/// sql/017's triggers look at every row a statement wrote; a night that rewrites a few hundred
/// thousand outcomes (a new rules version) must not pay for each row once per other row. 018
/// wrote the update's check so that no plan does; 017's form compared every old row with every
/// new one, about 200 s for the 40,000 rows here, and an anti-join did too once PL/pgSQL had
/// kept the plan of a one-row update made first in the same session. The time limit guards
/// that order of growth with a hundredfold margin; it is not a measurement
/// (docs/PERFORMANCE.md has those).
@Suite("The outcome days' triggers keep pace with a large night")
struct OutcomeDaysScaleTests {
    @Test("Forty thousand current outcomes rewritten in one statement are noted at once, in order or not, after a fix of one")
    func manyOutcomesRewritten() throws {
        try withTestDatabase { database in
            let workspace = try Workspace(database: database)
            try workspace.migrate()
            let connection = try PostgresConnection(database.conninfo)
            try connection.execute(script: """
                SET statement_timeout = '20s';
                INSERT INTO award_outcomes (award_id, outcome, reason, evaluated_on)
                SELECT 'award-' || n, 'unmatched_recipient', '', DATE '2026-11-20' FROM generate_series(1, 40000) n;
                UPDATE award_outcomes SET reason = 'fixed by hand' WHERE award_id = 'award-1';
                UPDATE award_outcomes SET evaluated_on = DATE '2026-11-21', reason = 'again'
                """)
            let days = { try connection.query("SELECT latest_day::text, out_of_order FROM outcome_days").first }
            #expect(try days()?[0] == "2026-11-21")
            #expect(try days()?.bool(1) == false)
            // One award of the forty thousand set back a day: the order is lost, and noticed.
            try connection.execute(script: """
                SET statement_timeout = '20s';
                UPDATE award_outcomes SET evaluated_on = CASE award_id WHEN 'award-20000' THEN DATE '2026-11-20'
                                                                      ELSE evaluated_on END
                """)
            #expect(try days()?.bool(1) == true)
        }
    }
}
