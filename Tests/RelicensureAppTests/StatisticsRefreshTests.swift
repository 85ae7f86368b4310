@testable import RelicensureApp
import RelicensureStore
import Testing

/// After a large night the planner's statistics of every table it grew are refreshed, on two
/// connections side by side (`Store.grownTables`): a table left out would keep the planner's
/// guess of an empty table, and the next night or transcript would scan it.
@Suite("Statistics are refreshed for every table a large night grows")
struct StatisticsRefreshTests {
    @Test("Every grown table is analysed, and the two groups together name them all")
    func everyGrownTableIsAnalysed() throws {
        try CreditWorkspace.with { workspace, database in
            try workspace.write("roster8.csv", EngineTwinNightTests.roster)
            _ = try RosterImport.run(session: try workspace.session(), file: workspace.path("roster8.csv"), full: true,
                                     strict: false)
            var random = SeededRandom(seed: 7)
            _ = try EngineTwinNightTests.writeAwards(0..<20, seed: 7, random: &random, into: workspace)
            _ = try workspace.nightly()
            let grown = ["award_outcomes", "awards", "ledger_entries", "outcome_history"]
            #expect(Store.grownTables.count == 2)
            #expect(Store.grownTables.flatMap { $0 }.sorted() == grown)
            let before = try database.rows("""
                SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname = ANY(\(grown))
                """)
            #expect(before.isEmpty)
            // Each connection analyses its own group, not every table.
            try database.store().analyzeGrownTables(["ledger_entries"])
            let one = try database.rows("""
                SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL AND relname = ANY(\(grown))
                """).compactMap { $0.first ?? nil }
            #expect(one == ["ledger_entries"])
            StatisticsRefresh(session: try workspace.session()).wait()
            let analysed = try database.rows("""
                SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname
                """).compactMap { $0.first ?? nil }
            #expect(grown.allSatisfy(analysed.contains))
        }
    }
}
