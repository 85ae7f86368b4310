import CSV
import Foundation
import Postgres
import RelicensureApp
import RelicensureStore
import Testing

@Suite("The nightly job against a real database (SPEC §4–§7)")
struct NightlyJobTests {
    /// A district with a roster and an inbox of DDOE badges in several shapes.
    func prepared(_ database: TestDatabase) throws -> Workspace {
        let workspace = try Workspace(database: database)
        try workspace.migrate()
        try workspace.write("roster.csv", Sample.roster)
        _ = try RosterImport.run(session: try workspace.session(), file: workspace.root.appendingPathComponent("roster.csv").path,
                                 full: false, strict: false)
        try workspace.write("inbox/ddoe/issuer.json", Sample.issuer)
        try workspace.write("inbox/ddoe/fa.json", Sample.badgeClass("formative-assessment", name: "Formative Assessment"))
        try workspace.write("inbox/ddoe/sor.json", Sample.badgeClass("science-of-reading", name: "Science of Reading"))
        try workspace.write("inbox/a1.json", Sample.assertion("a1", recipient: Sample.plain("AVERY.ABBOTT@k12.de.us"), badge: "formative-assessment",
                                                             issuedOn: "2026-10-01T02:30:00Z"))
        try workspace.write("inbox/a2.json", Sample.assertion("a2", recipient: Sample.hashed("jordan.bishop@k12.de.us", salt: "s4lt"),
                                                             badge: "science-of-reading"))
        try workspace.write("inbox/a3.json", Sample.assertion("a3", recipient: Sample.plain("avery@gmail.com"), badge: "formative-assessment",
                                                             issuedOn: "2026-10-05T12:00:00Z"))
        try workspace.write("inbox/a4.json", Sample.assertion("a4", recipient: Sample.plain("nobody@example.org"), badge: "science-of-reading"))
        try workspace.write("inbox/broken.json", "{\"type\": \"Assertion\", ")
        try workspace.write("inbox/notes.txt", "not a badge")
        return workspace
    }

    func scalar(_ database: TestDatabase, _ sql: String) throws -> String? {
        try PostgresConnection(database.conninfo).query(PostgresQuery(sql: sql)).first?[0]
    }

    @Test("Credits DDOE awards 10 hours, reports every other award, and writes the PDMS delta")
    func firstNight() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(summary.outcomes["credited"] == 2)
            #expect(summary.outcomes["duplicate_credential"] == 1)
            #expect(summary.outcomes["unmatched_recipient"] == 1)
            #expect(summary.outcomes["invalid"] == 1)
            #expect(summary.filesNotBadges == 1)

            #expect(workspace.pdmsFiles() == ["pdms-import-2026-11-20-1.csv"])
            let path = workspace.reports + "/pdms/pdms-import-2026-11-20-1.csv"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("educator_id,last_name,first_name,district_code,activity_title,provider,completion_date,clock_hours,credential_id,credit_type,action\r\n"))
            let rows = try CSVReader(text).map { try $0.get().fields }
            #expect(rows.count == 3)
            // The award issued 2026-10-01T02:30Z is 2026-09-30 in America/New_York.
            #expect(rows.contains(["0040100", "Abbott", "Avery", "31", "Formative Assessment", "Delaware Department of Education",
                                   "2026-09-30", "10", "https://badges.doe.k12.de.us/assertions/a1", "DDOE micro-credential", "ADD"]))
            #expect(rows.contains { $0.first == "0040137" && $0[7] == "10" })
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o640)
            #expect(try scalar(database, "SELECT sum(hours)::int::text FROM ledger_entries") == "20")
            #expect(try scalar(database, "SELECT outcome FROM runs ORDER BY run_id DESC LIMIT 1") == "succeeded")
        }
    }

    @Test("Running it twice changes nothing the second time, and no file is written")
    func idempotent() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            _ = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            let again = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(again.filesRead == 0)
            #expect(again.filesSeenBefore == 8)
            #expect(again.postings.isEmpty)
            #expect(again.pdmsFiles.isEmpty)
            #expect(workspace.pdmsFiles().count == 1)
            #expect(try scalar(database, "SELECT count(*)::text FROM ledger_entries") == "2")
            #expect(try scalar(database, "SELECT count(*)::text FROM awards") == "5")
        }
    }

    @Test("export pdms --batch N writes the same bytes again, even after the roster changed")
    func reexport() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            let session = try workspace.session()
            _ = try NightlyJob.run(session: session, dryRun: false)
            let path = workspace.reports + "/pdms/pdms-import-2026-11-20-1.csv"
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            try FileManager.default.removeItem(atPath: path)
            try PostgresConnection(database.conninfo).query("UPDATE educators SET last_name = 'Renamed'")
            #expect(try PDMSExport.run(session: session, batchID: 1) == path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
            #expect(throws: AppError.self) { try PDMSExport.run(session: session, batchID: 99) }
        }
    }

    @Test("A dry run evaluates and reports, and writes nothing at all")
    func dryRun() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: true)
            #expect(summary.postings.count == 2)
            #expect(workspace.pdmsFiles().isEmpty)
            for table in ["ledger_entries", "awards", "source_files", "runs", "pdms_batches", "award_outcomes"] {
                #expect(try scalar(database, "SELECT count(*)::text FROM \(table)") == "0", "\(table) was written")
            }
            let real = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(real.postings == summary.postings)
        }
    }

    @Test("A second run while one holds the lock exits 3 naming the running one")
    func lock() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            let holder = try Store(conninfo: database.conninfo)
            #expect(try holder.tryLockNightly())
            _ = try holder.beginRun(command: "nightly", asOf: .init(dayNumber: 20_000), dryRun: false, configChecksum: "x")
            #expect {
                try NightlyJob.run(session: try workspace.session(), dryRun: false)
            } throws: { error in
                guard let error = error as? AppError else { return false }
                return error.kind == .locked && error.message.contains("process \(ProcessInfo.processInfo.processIdentifier)")
            }
            try holder.unlockNightly()
            let after = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(after.postings.count == 2)
            #expect(try scalar(database, "SELECT count(*)::text FROM runs WHERE outcome = 'abandoned'") == "1")
        }
    }

    @Test("A batch committed but never written (a kill in between) is written by the next run")
    func resumesUnwrittenBatch() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            _ = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            let path = workspace.reports + "/pdms/pdms-import-2026-11-20-1.csv"
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            try FileManager.default.removeItem(atPath: path)
            try PostgresConnection(database.conninfo).query("UPDATE pdms_batches SET written_at = NULL")
            let next = try NightlyJob.run(session: try workspace.session(asOf: "2026-11-21"), dryRun: false)
            #expect(next.pdmsFiles == [path])
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        }
    }

    @Test("An award whose BadgeClass arrives a night later is credited then; a later revocation reverses it")
    func laterNights() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            try workspace.write("inbox/late.json", Sample.assertion("late", recipient: Sample.plain("morgan.carver@k12.de.us"),
                                                                   badge: "restorative-practices"))
            let first = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(first.outcomes["unresolved_reference"] == 1)

            try workspace.write("inbox/ddoe/rp.json", Sample.badgeClass("restorative-practices", name: "Restorative Practices"))
            let second = try NightlyJob.run(session: try workspace.session(asOf: "2026-11-21"), dryRun: false)
            #expect(second.postings.map(\.awardID) == ["https://badges.doe.k12.de.us/assertions/late"])

            try workspace.write("inbox/revoke.json", #"{"id": "https://badges.doe.k12.de.us/assertions/late", "revoked": true}"#)
            let third = try NightlyJob.run(session: try workspace.session(asOf: "2026-11-22"), dryRun: false)
            #expect(third.postings.map(\.action) == [.reverse])
            let file = try #require(third.pdmsFiles.first)
            let rows = try CSVReader(try String(contentsOfFile: file, encoding: .utf8)).map { try $0.get().fields }
            #expect(rows.last?.last == "REVERSE")
            #expect(rows.last?[7] == "10")
            #expect(try scalar(database, "SELECT outcome FROM award_outcomes WHERE award_id LIKE '%/late'") == "revoked")
            #expect(try scalar(database, """
                SELECT sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::int::text FROM ledger_entries WHERE award_id LIKE '%/late'
                """) == "0")
        }
    }

    @Test("A file the night cannot read never stops the rest, and the same content under a new name is not read again")
    func badFilesAndCopies() throws {
        try withTestDatabase { database in
            let workspace = try prepared(database)
            try workspace.write("inbox/empty.json", "")
            try workspace.write("inbox/deep.json", String(repeating: "[", count: 100_000))
            try workspace.write("inbox/binary.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0xFF]))
            let summary = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(summary.outcomes["credited"] == 2)
            #expect((summary.outcomes["invalid"] ?? 0) == 4)
            try workspace.write("inbox/copy-of-a1.json", Sample.assertion("a1", recipient: Sample.plain("AVERY.ABBOTT@k12.de.us"),
                                                                         badge: "formative-assessment", issuedOn: "2026-10-01T02:30:00Z"))
            let again = try NightlyJob.run(session: try workspace.session(), dryRun: false)
            #expect(again.filesRead == 0)
            #expect(again.postings.isEmpty)
        }
    }
}
