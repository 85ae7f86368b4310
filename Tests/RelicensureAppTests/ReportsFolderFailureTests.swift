import Foundation
import RelicensureApp
import Testing

/// Issue 6, item 3: the reports folder cannot be written (disk full, a file in the way). Tests
/// run as root, so permission bits would not stop a write: the failures are made real ones.
@Suite("Disk full or reports folder unwritable")
struct ReportsFolderFailureTests {
    @Test("reports/pdms is a file: exit 1, no report, the batch stays unwritten, and the next night writes it")
    func folderIsAFile() throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let workspace = try nightly.prepared(database)
            try workspace.write("reports/pdms", "in the way")
            #expect {
                try NightlyJob.run(session: try workspace.session(), dryRun: false)
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .failed && error.message.contains("pdms-import-2026-11-20-1.csv")
                    && error.message.contains("the next run writes it")
            }
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM pdms_batches WHERE written_at IS NULL") == "1")
            #expect(try nightly.scalar(database, "SELECT outcome FROM runs") == "failed")

            try FileManager.default.removeItem(atPath: workspace.reports + "/pdms")
            let next = try NightlyJob.run(session: try workspace.session(asOf: "2026-11-21"), dryRun: false)
            #expect(next.pdmsFiles == [workspace.reports + "/pdms/pdms-import-2026-11-20-1.csv"])
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
            let text = try String(contentsOfFile: next.pdmsFiles[0], encoding: .utf8)
            #expect(text.components(separatedBy: "\r\n").count == 4)  // header, two rows, the end
            #expect(try nightly.scalar(database, "SELECT sum(hours)::int::text FROM ledger_entries") == "20")
        }
    }

    @Test("No space left on the device (/dev/full): exit 1 naming the error, no file under any name, next run writes it")
    func diskFull() throws {
        try withTestDatabase { database in
            let nightly = NightlyJobTests()
            let (workspace, run) = try NightlyProcess.paused(on: database, at: "committed")
            // The run writes its file to `.NAME.tmp-PID` first: make that name lead to /dev/full.
            let folder = workspace.reports + "/pdms"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder + "/.pdms-import-2026-11-20-1.csv.tmp-\(run.pid)",
                                                       withDestinationPath: "/dev/full")
            try run.resume()
            let outcome = run.finish()
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("No space left on device"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("the next run writes it"))
            #expect(workspace.pdmsFolderEntries().isEmpty)
            #expect(try nightly.scalar(database, "SELECT count(*)::text FROM pdms_batches WHERE written_at IS NULL") == "1")

            let next = try NightlyProcess(workspace).finish()
            #expect(next.status == 0, "\(next.stderr)")
            #expect(workspace.pdmsFolderEntries() == ["pdms-import-2026-11-20-1.csv"])
        }
    }

    @Test("A partial file left by a run killed while writing is removed by the next run; other files stay")
    func partialFileSwept() throws {
        try withTestDatabase { database in
            let workspace = try NightlyJobTests().prepared(database)
            let dead = ".pdms-import-2026-11-19-1.csv.tmp-2147483000"
            let alive = ".pdms-import-2026-11-19-2.csv.tmp-\(ProcessInfo.processInfo.processIdentifier)"
            for name in [dead, alive, ".keep", "notes.txt"] { try workspace.write("reports/pdms/" + name, "half") }
            _ = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(workspace.pdmsFolderEntries() == [alive, ".keep", "notes.txt", "pdms-import-2026-11-20-1.csv"].sorted())
        }
    }
}
