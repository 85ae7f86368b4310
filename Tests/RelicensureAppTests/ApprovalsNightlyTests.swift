import CSV
import Foundation
import RelicensureApp
import Testing

@Suite("District decisions through the nightly job: credit, deny, reverse, export (SPEC §5 step 7)")
struct ApprovalsNightlyTests {
    typealias S = CreditSample

    /// Avery's Classroom Management badge (15 h by the badge override) in the inbox.
    func withClassroomAward(_ database: CreditTestDatabase, approval: String = "per-educator") throws -> CreditWorkspace {
        let workspace = try CreditWorkspace(database: database, neaApproval: approval)
        try workspace.write("inbox/nea-501.json", S.neaAssertion("nea-501", to: "avery.abbott@k12.de.us", badge: "classroom"))
        return workspace
    }

    func outcome(_ database: CreditTestDatabase, _ award: String) throws -> String? {
        try database.scalar("SELECT outcome || ' ' || hours::text FROM award_outcomes WHERE award_id = \(S.neaAward(award))")
    }

    func pdmsRows(_ workspace: CreditWorkspace, _ file: String) throws -> [[String]] {
        try CSVReader(try workspace.pdmsText(file)).map { try $0.get().fields }.dropFirst().map { $0 }
    }

    @Test("The demo's data: NEA awards come out credited (15 h override), denied_by_district and pending_approval")
    func demo() throws {
        try CreditTestDatabase.with { database in
            let workspace = try CreditWorkspace(database: database)
            let examples = try workspace.writeDemoConfiguration(database: database)
            let session = try workspace.session()
            _ = try RosterImport.run(session: session, file: examples.appendingPathComponent("roster.csv").path,
                                     full: false, strict: false)
            let imported = try ApprovalsImport.run(session: session, file: examples.appendingPathComponent("approvals.csv").path,
                                                   strict: true)
            #expect(imported.imported == 4)
            try workspace.nightly()
            #expect(try outcome(database, "nea-501") == "credited 15.00")
            #expect(try outcome(database, "nea-502") == "pending_approval 0.00")
            #expect(try outcome(database, "nea-503") == "denied_by_district 0.00")
        }
    }

    @Test("A later denial reverses a posted credit once, and the PDMS batch carries the REVERSE row")
    func denialReverses() throws {
        try CreditTestDatabase.with { database in
            let workspace = try withClassroomAward(database)
            let classroom = S.neaBadge("classroom")
            try workspace.importApprovals(["0040100,\(classroom),approved,,HR Director,2026-10-05,"])
            try workspace.nightly(asOf: "2026-11-20")
            #expect(try outcome(database, "nea-501") == "credited 15.00")

            try workspace.importApprovals(["0040100,\(classroom),denied,,Assistant Superintendent,2026-11-21,Duplicate PD"],
                                          named: "later.csv")
            let night = try workspace.nightly(asOf: "2026-11-22")
            #expect(night.postings.map(\.action) == [.reverse])
            #expect(try outcome(database, "nea-501")?.hasPrefix("denied_by_district") == true)
            #expect(try database.rows("""
                SELECT action, kind, hours::text, reason, posted_on::text FROM ledger_entries ORDER BY entry_id
                """) == [["ADD", "credit", "15.00", "credited", "2026-11-20"],
                         ["REVERSE", "reversal", "15.00", "denied_by_district", "2026-11-22"]])
            #expect(workspace.pdmsFiles() == ["pdms-import-2026-11-20-1.csv", "pdms-import-2026-11-22-2.csv"])
            #expect(try pdmsRows(workspace, "pdms-import-2026-11-22-2.csv") == [[
                "0040100", "Abbott", "Avery", "31", "NEA classroom", "National Education Association", "2026-10-01", "15",
                S.neaAward("nea-501"), "External micro-credential", "REVERSE",
            ]])

            let again = try workspace.nightly(asOf: "2026-11-23")
            #expect(again.postings.isEmpty)
            #expect(again.pdmsFiles.isEmpty)
            #expect(workspace.pdmsFiles().count == 2)
            #expect(try database.scalar("SELECT count(*)::text FROM ledger_entries") == "2")
            #expect(try outcome(database, "nea-501")?.hasPrefix("denied_by_district") == true)
        }
    }

    @Test("A credit put back by hand while its denial stands is reversed again the next night, as a full evaluation does")
    func creditPutBackByHandWhileDenied() throws {
        try CreditTestDatabase.with { database in
            let workspace = try withClassroomAward(database)
            let classroom = S.neaBadge("classroom")
            try workspace.importApprovals(["0040100,\(classroom),approved,,HR Director,2026-10-05,"])
            try workspace.nightly(asOf: "2026-11-20")
            try workspace.importApprovals(["0040100,\(classroom),denied,,Assistant Superintendent,2026-11-21,"],
                                          named: "later.csv")
            #expect(try workspace.nightly(asOf: "2026-11-22").postings.map(\.action) == [.reverse])
            // Someone restores the hours in psql. The denial came into force two nights ago, so
            // only the new ledger row can bring this educator into tonight's reversals.
            #expect(try database.rows("""
                INSERT INTO ledger_entries (award_id, educator_id, action, kind, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason)
                SELECT award_id, educator_id, 'ADD', 'credit', hours, credit_type, badge_id, issuer_id, award_date,
                       '2026-11-22', 'credited' FROM ledger_entries WHERE action = 'ADD'
                RETURNING hours::text
                """) == [["15.00"]])
            let night = try workspace.nightly(asOf: "2026-11-23")
            #expect(night.postings.map(\.action) == [.reverse])
            #expect(try database.scalar("""
                SELECT sum(CASE action WHEN 'ADD' THEN hours ELSE -hours END)::text FROM ledger_entries
                """) == "0.00")
        }
    }

    @Test("A denial dated after the as-of date is not in force yet: nothing is reversed until that day")
    func futureDenial() throws {
        try CreditTestDatabase.with { database in
            let workspace = try withClassroomAward(database, approval: "none")
            try workspace.nightly(asOf: "2026-11-20")
            try workspace.importApprovals(["0040100,\(S.neaBadge("classroom")),denied,,HR,2026-12-01,"])
            #expect(try workspace.nightly(asOf: "2026-11-30").postings.isEmpty)
            #expect(try workspace.nightly(asOf: "2026-12-01").postings.map(\.action) == [.reverse])
        }
    }

    @Test("Approved again after a denial reversed the credit: the award is credited again")
    func approvedAgain() throws {
        try CreditTestDatabase.with { database in
            let workspace = try withClassroomAward(database)
            let classroom = S.neaBadge("classroom")
            try workspace.importApprovals(["0040100,\(classroom),approved,,HR,2026-10-05,"], named: "a.csv")
            try workspace.nightly(asOf: "2026-11-20")
            try workspace.importApprovals(["0040100,\(classroom),denied,,HR,2026-11-21,"], named: "b.csv")
            try workspace.nightly(asOf: "2026-11-21")
            try workspace.importApprovals(["0040100,\(classroom),approved,12,HR,2026-11-22,"], named: "c.csv")
            let night = try workspace.nightly(asOf: "2026-11-22")
            #expect(night.postings.map(\.action) == [.add])
            #expect(try outcome(database, "nea-501") == "credited 12.00")
            #expect(try database.scalar("""
                SELECT string_agg(action || ' ' || hours::text, ', ' ORDER BY entry_id) FROM ledger_entries
                """) == "ADD 15.00, REVERSE 15.00, ADD 12.00")
            #expect(try workspace.nightly(asOf: "2026-11-23").postings.isEmpty)
        }
    }

    @Test("A decision for a pending award credits it the next night without the file being sent again")
    func pendingThenApproved() throws {
        try CreditTestDatabase.with { database in
            let workspace = try withClassroomAward(database)
            try workspace.nightly(asOf: "2026-11-20")
            #expect(try outcome(database, "nea-501") == "pending_approval 0.00")
            try workspace.importApprovals(["0040100,\(S.neaBadge("classroom")),approved,,HR,2026-11-20,"])
            let night = try workspace.nightly(asOf: "2026-11-21")
            #expect(night.filesRead == 0)
            #expect(try outcome(database, "nea-501") == "credited 15.00")
        }
    }
}
