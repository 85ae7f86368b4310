import Foundation
import Postgres
import Testing

/// Issue 6, item 2: PostgreSQL goes away in the middle of a night. The run's connection is cut
/// from another session (`pg_terminate_backend`) while the run waits at a phase boundary.
@Suite("Database gone in the middle of a night")
struct DatabaseGoneTests {
    /// Ends the sessions of every nightly run on `database`; returns how many.
    static func cutNightlyConnections(_ database: TestDatabase) throws -> Int {
        let admin = try PostgresConnection(TestDatabase.serverConninfo)
        let result = try admin.query("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = \(database.name) AND application_name LIKE 'relicensure nightly%'
            """)
        return result.count
    }

    @Test("Cut inside the night's transaction: exit 1 saying so, nothing stored, no file; the next run completes",
          arguments: ["run-recorded", "staging-ready", "merged", "ledger-posted", "batch-recorded"])
    func cutBeforeCommit(phase: String) throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let (workspace, run) = try NightlyProcess.paused(on: database, at: phase)
            #expect(try Self.cutNightlyConnections(database) == 1)
            try run.resume()
            let outcome = run.finish()
            #expect(outcome.status == 1)
            let message = outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(message.contains("the connection to the database was lost during the nightly run"), "\(message)")
            #expect(message.contains("nothing of this run was committed: run it again"), "\(message)")
            #expect(workspace.pdmsFolderEntries().isEmpty)
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM ledger_entries") == "0")
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM awards") == "0")

            let next = try NightlyProcess(workspace).finish()
            #expect(next.status == 0, "\(next.stderr)")
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
            #expect(try nightly.scalar(database, "SELECT sum(hours)::int::text FROM ledger_entries") == "20")
            #expect(try nightly.scalar(database, "SELECT string_agg(outcome, ',' ORDER BY run_id) FROM runs")
                    == "abandoned,succeeded")
        }
    }

    @Test("Cut after the commit: exit 1 saying the work was committed; the next run writes the file, once")
    func cutAfterCommit() throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let (workspace, run) = try NightlyProcess.paused(on: database, at: "committed")
            #expect(try Self.cutNightlyConnections(database) == 1)
            try run.resume()
            let outcome = run.finish()
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("tonight's work was committed, but its PDMS file may not be written yet: the next run writes it"))
            #expect(workspace.pdmsFolderEntries().isEmpty)
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM pdms_batches WHERE written_at IS NULL") == "1")

            let next = try NightlyProcess(workspace, asOf: "2026-11-21").finish()
            #expect(next.status == 0, "\(next.stderr)")
            #expect(next.stdout.contains("pdms-import-2026-11-20-1.csv"))
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
            #expect(try nightly.scalar(database, "SELECT sum(hours)::int::text FROM ledger_entries") == "20")
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM pdms_batches WHERE written_at IS NULL") == "0")
        }
    }
}
