import Foundation
import Testing

/// Issue 6, item 4: two nightly runs at once, and a lock left by a killed run (SPEC §7).
@Suite("Overlapping nightly runs")
struct OverlapTests {
    @Test("A second run while the first holds the lock exits 3 naming it; the first finishes normally",
          arguments: ["locked", "ledger-posted"])
    func secondRunRefused(phase: String) throws {
        try withTestDatabase { database in
            let (workspace, first) = try NightlyProcess.paused(on: database, at: phase)
            let second = try NightlyProcess(workspace).finish()
            #expect(second.status == 3)
            let host = ProcessInfo.processInfo.hostName
            #expect(second.stderr.contains("another nightly run holds the lock ("), "\(second.stderr)")
            #expect(second.stderr.contains("process \(first.pid) on \(host)"), "\(second.stderr)")
            // Once recorded, the run is named with its number and start time.
            if phase != "locked" { #expect(second.stderr.contains("run 1, process \(first.pid) on \(host), started 20")) }
            try first.resume()
            let outcome = first.finish()
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
        }
    }

    @Test("A run killed with SIGKILL while it holds the lock does not block the next one")
    func killedHolder() throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let (workspace, first) = try NightlyProcess.paused(on: database, at: "ledger-posted")
            first.kill()
            #expect(first.finish().status == SIGKILL)
            // The server ends the dead client's session as soon as it sees the socket close;
            // allow it a moment, as the next night would have hours.
            var next = try NightlyProcess(workspace).finish()
            for _ in 0..<50 where next.status == 3 {
                Thread.sleep(forTimeInterval: 0.1)
                next = try NightlyProcess(workspace).finish()
            }
            #expect(next.status == 0, "\(next.stderr)")
            #expect(try nightly.scalar(database, "SELECT string_agg(outcome, ',' ORDER BY run_id) FROM runs")
                    == "abandoned,succeeded")
            #expect(try nightly.scalar(database, "SELECT sum(hours)::int::text FROM ledger_entries") == "20")
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
        }
    }
}
