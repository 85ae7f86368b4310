import CSV
import Foundation
import Relicensure
import RelicensureApp
import RelicensureStore
import Testing
import XLSXReader

@Suite("relicensure report reconcile (SPEC §9)")
struct ReconcileTests {
    typealias S = CreditSample

    /// Four NEA credits exported on 2026-11-20 (batch 1): Avery's SEL (10 h) and Classroom
    /// (15 h), Jordan's SEL and Leadership (10 h each); Jordan's SEL reversed by HR the same day
    /// (batch 2).
    func exported(_ database: CreditTestDatabase) throws -> CreditWorkspace {
        let workspace = try CreditWorkspace(database: database, neaApproval: "none")
        try workspace.write("inbox/a.json", S.neaAssertion("nea-a", to: "avery.abbott@k12.de.us", badge: "sel"))
        try workspace.write("inbox/b.json", S.neaAssertion("nea-b", to: "avery.abbott@k12.de.us", badge: "classroom",
                                                           issuedOn: "2026-10-02T12:00:00Z"))
        try workspace.write("inbox/c.json", S.neaAssertion("nea-c", to: "jordan.bishop@k12.de.us", badge: "sel",
                                                           issuedOn: "2026-10-03T12:00:00Z"))
        try workspace.write("inbox/d.json", S.neaAssertion("nea-d", to: "jordan.bishop@k12.de.us", badge: "leadership",
                                                           issuedOn: "2026-10-04T12:00:00Z"))
        try workspace.nightly(asOf: "2026-11-20")
        _ = try CreditCorrection.run(session: try workspace.session(asOf: "2026-11-20"),
                                     correction: Correction(awardID: S.neaAward("nea-c"), change: .reverse,
                                                            recordedBy: "HR Director Ruiz", reason: "Awarded to the wrong person"),
                                     dryRun: false)
        // PDMS holds Avery's SEL by credential_id, her Classroom with 12 h instead of 15, Jordan's
        // reversed SEL as keyed by hand (no credential_id), not Jordan's Leadership, a course of
        // its own, and an NEA badge we never saw.
        try workspace.write("pdms.csv", """
            educator_id,activity_title,provider,completion_date,clock_hours,credential_id,record_id
            0040100,NEA sel,National Education Association,2026-10-01,10,\(S.neaAward("nea-a")),R1
            0040100,NEA classroom,National Education Association,2026-10-02,12,\(S.neaAward("nea-b")),R2
            0040137,NEA sel,National Education Association,2026-10-03,10,,R3
            0040137,Reading Foundations,University of Delaware,2026-02-01,45,,R4
            0040137,NEA Leadership Basics,national education association ,2026-06-01,10,,R5
            """)
        return workspace
    }

    func importPDMS(_ workspace: CreditWorkspace, asOf: String) throws {
        _ = try PDMSImport.run(session: try workspace.session(asOf: asOf), file: workspace.path("pdms.csv"), strict: false)
    }

    func findings(_ written: ReconcileReport.Written) -> [[String]] {
        written.findings.rows.map { row in
            ["finding", "educator_id", "credential_id", "our_hours", "pdms_hours", "batch"].map { name in
                written.findings.column(named: name).map { row[$0].plainText } ?? "?"
            }
        }
    }

    @Test("Each finding: missing_in_pdms with its batch, reversed_but_in_pdms, hours_differ, unknown_to_us")
    func everyFinding() throws {
        try CreditTestDatabase.with { database in
            let workspace = try exported(database)
            try importPDMS(workspace, asOf: "2026-12-10")
            let written = try ReconcileReport.run(session: try workspace.session(asOf: "2026-12-10"))
            #expect(findings(written) == [
                ["hours_differ", "0040100", S.neaAward("nea-b"), "15", "12", "1"],
                ["missing_in_pdms", "0040137", S.neaAward("nea-d"), "10", "", "1"],
                ["reversed_but_in_pdms", "0040137", S.neaAward("nea-c"), "0", "10", "2"],
                ["unknown_to_us", "0040137", "", "", "10", ""],
            ])
            #expect(try database.scalar("""
                SELECT command || ' ' || outcome || ' ' || (counts->>'missing_in_pdms') FROM runs ORDER BY run_id DESC LIMIT 1
                """) == "report reconcile succeeded 1")
            #expect(written.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["reconcile-2026-12-10.xlsx", "reconcile.csv"])
            #expect(written.files.last?.hasSuffix("/reconcile/2026-12-10/reconcile.csv") == true)
            let csv = try CSVReader(try String(contentsOfFile: try #require(written.files.last), encoding: .utf8))
                .map { try $0.get().fields }
            #expect(csv.first == ["finding", "educator_id", "last_name", "first_name", "district_code", "credential_id",
                                  "activity_title", "completion_date", "our_hours", "pdms_hours", "batch", "what_to_do"])
            #expect(csv.count == 5)
            #expect(csv[2][2] == "Bishop" && csv[2][10] == "1" && csv[2][11].contains("export pdms --batch"))

            // The workbook, for people: a title row, the header, ids and hours as they are, print settings.
            let workbook = try #require(written.files.first)
            let sheet = try #require(try XLSXDocument(path: workbook).sheet(named: "Reconcile"))
            #expect(sheet.cell("A1")?.string == "Reconciliation with PDMS as of 2026-12-10 (PDMS import of 2026-12-10)")
            #expect(sheet.cell("A2")?.string == "finding" && sheet.frozenRows == 2 && sheet.autofilterRange == "A2:L6")
            #expect(sheet.cell("B4")?.string == "0040137" && sheet.cell("I3")?.number == 15 && sheet.cell("K4")?.number == 1)
            #expect(sheet.print.landscape && sheet.print.repeatedRows == "$1:$2")

            let status = try Status.run(session: try workspace.session(asOf: "2026-12-10"), json: false)
            #expect(status.contains("PDMS: last import of 2026-12-10 (5 activities); 4 reconciliation findings open"))
            // Jordan's hours from PDMS leave out the reversed credit that PDMS still holds (ours).
            let jordan = try EducatorTranscript.build(session: try workspace.session(asOf: "2026-12-10"), key: "0040137")
            #expect(jordan.progress.other == ClockHours(55))
        }
    }

    @Test("Within pdms.grace_days of the batch nothing is missing yet; without an import there is nothing to reconcile")
    func graceAndNoImport() throws {
        try CreditTestDatabase.with { database in
            let workspace = try exported(database)
            #expect {
                try ReconcileReport.run(session: try workspace.session(asOf: "2026-11-30"))
            } throws: { error in
                (error as? AppError)?.kind == .usage && (error as? AppError)?.message.contains("pdms import") == true
            }
            let status = try Status.run(session: try workspace.session(asOf: "2026-11-30"), json: false)
            #expect(status.contains("PDMS: no PDMS hours on record"))
            try importPDMS(workspace, asOf: "2026-11-30")
            let written = try ReconcileReport.run(session: try workspace.session(asOf: "2026-11-30"))
            #expect(findings(written).map(\.first) == ["unknown_to_us"])
        }
    }
}
