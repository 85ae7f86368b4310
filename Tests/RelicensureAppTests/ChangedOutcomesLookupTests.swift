import Postgres
import RelicensureApp
@testable import RelicensureStore
import Testing

/// A night writes only the outcomes that changed, finding each award's current outcome by key
/// on a normal night and by a join on a large one (`Store.CurrentOutcomesLookup`). The twin
/// tests' small districts mostly join; this holds the two ways to the same answer.
@Suite("Tonight's changed outcomes are the same found by key or by a join")
struct ChangedOutcomesLookupTests {
    @Test("New, changed in any one column, or unchanged: both ways find exactly the new and the changed")
    func bothLookupsFindTheNewAndTheChanged() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("roster8.csv", EngineTwinNightTests.roster)
            _ = try RosterImport.run(session: try workspace.session(), file: workspace.path("roster8.csv"), full: true,
                                     strict: false)
            var random = SeededRandom(seed: 41)
            _ = try EngineTwinNightTests.writeAwards(0..<40, seed: 41, random: &random, into: workspace)
            _ = try workspace.nightly()
            let current = try database.rows("SELECT award_id FROM award_outcomes ORDER BY award_id COLLATE \"C\"")
                .compactMap { $0.first ?? nil }
            try #require(current.count >= 30)

            let store = try database.store()
            try store.transaction {
                try store.beginEvaluation()
                // Tonight's outcomes: every current one as it is, then one column changed in
                // some (each column in turn), and two awards without an outcome yet.
                let changes = [
                    "outcome = CASE outcome WHEN 'revoked' THEN 'credited' ELSE 'revoked' END",
                    "reason = reason || ' (again)'",
                    "educator_id = CASE WHEN educator_id IS NULL THEN '0050001' END",
                    "hours = coalesce(hours, 0) + 1", "audit = '{\"tonight\": true}'::jsonb",
                ]
                try store.connection.execute(script: """
                    INSERT INTO tonight_outcomes (award_id, outcome, reason, educator_id, hours, audit)
                    SELECT award_id, outcome, reason, educator_id, hours, audit FROM award_outcomes;
                    INSERT INTO tonight_outcomes (award_id, outcome, reason) VALUES ('new-1', 'invalid', 'x'), ('new-2', 'invalid', 'y')
                    """)
                var expected = ["new-1", "new-2"]
                for (index, change) in changes.enumerated() {
                    let awardID = current[index * 3]
                    try store.connection.query(PostgresQuery(sql: "UPDATE tonight_outcomes SET \(change) WHERE award_id = $1",
                                                             parameters: [awardID]))
                    expected.append(awardID)
                }
                // Whole rows, what each award was included: it decides insert or update, and history.
                let found = try Store.CurrentOutcomesLookup.allCases.map { lookup in
                    try store.connection.query(PostgresQuery(sql: """
                        SELECT award_id, outcome, reason, educator_id, hours::text, audit::text,
                               was_outcome, was_reason, was_educator_id
                        FROM (\(Store.changedOutcomes(lookup))) changed ORDER BY award_id COLLATE "C"
                        """)).map { row in (0..<9).map { row[$0] } }
                }
                #expect(found[0] == found[1])
                #expect(found[0].map { $0[0] ?? "" } == expected.sorted())
                #expect(found[0].filter { $0[6] == nil }.map { $0[0] ?? "" } == ["new-1", "new-2"])
                // A night of a few among many looks them up by key; one of all of them joins.
                try store.connection.execute(script: "ANALYZE award_outcomes; DELETE FROM tonight_outcomes WHERE award_id <> 'new-1'")
                #expect(try store.currentOutcomesLookup() == .byKey)
                try store.connection.execute(script: """
                    INSERT INTO tonight_outcomes (award_id, outcome, reason) SELECT award_id, outcome, reason FROM award_outcomes
                    """)
                #expect(try store.currentOutcomesLookup() == .join)
            }
        }
    }
}
