import Foundation
import RelicensureApp
import Testing
import XLSXReader

/// SPEC §6: text that begins with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with a
/// single quote in every CSV and XLSX cell, and its text is kept.
@Suite("Formula injection in the monthly report")
struct NeutralisationTests {
    static let ddoe = "https://badges.doe.k12.de.us/issuers/ddoe"
    static let badge = "https://badges.doe.k12.de.us/badgeclasses/tricky"
    static let badgeName = #"=HYPERLINK("http://evil.example","click")"#

    static func workspace(conninfo: String) throws -> Workspace {
        let workspace = try Workspace(conninfo: conninfo)
        try workspace.writeConfig("""
            inbox: ./inbox
            reports: ./reports
            state:
              time_zone: "America/New_York"
            ddoe:
              issuers: ["\(ddoe)"]
            """)
        try workspace.write("roster.csv", """
            educator_id,first_name,last_name,email,district_code,school_code,school_name,license_type,license_start,license_end
            0050001,@Robin,-Hyphen,robin@k12.de.us,31,3101,"+Skyline =1+1",continuing,2022-07-01,2027-06-30

            """)
        try workspace.write("inbox/issuer.json", """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "\(ddoe)", "name": "@Issuer",
             "url": "https://www.doe.k12.de.us"}
            """)
        let escapedName = badgeName.replacingOccurrences(of: "\"", with: "\\\"")
        try workspace.write("inbox/badge.json", """
            {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "\(badge)", "name": "\(escapedName)",
             "description": "x", "image": "https://example.org/i.png", "criteria": {"narrative": "x"}, "issuer": "\(ddoe)"}
            """)
        try workspace.write("inbox/award.json", """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
             "id": "https://badges.doe.k12.de.us/assertions/tricky-1",
             "recipient": {"type": "email", "hashed": false, "identity": "robin@k12.de.us"},
             "badge": "\(badge)", "issuedOn": "2026-10-01T12:00:00Z", "verification": {"type": "hosted"}}
            """)
        return workspace
    }

    @Test("Names, schools, badges and issuers that look like formulas are kept as quoted text")
    func neutralised() throws {
        try ScratchDatabase.with { conninfo in
            let workspace = try Self.workspace(conninfo: conninfo)
            defer { workspace.remove() }
            let session = try workspace.session()
            _ = try Migrate.run(session: session)
            _ = try RosterImport.run(session: session, file: workspace.path("roster.csv"), full: false, strict: true)
            _ = try NightlyJob.run(session: session, dryRun: false)
            let written = try MonthlyReport.run(session: session, monthOption: "2026-11")
            #expect(written.rowCounts["Credits"] == 1)

            let document = try XLSXDocument(path: workspace.reports + "/monthly/relicensure-2026-11.xlsx")
            let credits = try #require(document.sheet(named: "Credits"))
            let expected = ["'-Hyphen", "'@Robin", "31", "'+Skyline =1+1", "'" + Self.badgeName, "'@Issuer"]
            #expect((3...8).map { credits.cell(row: 2, column: $0)?.string } == expected)
            for sheet in document.sheets {
                SheetChecks.expectFormatted(sheet, columns: (0..<(sheet.autofilterColumns)).compactMap {
                    sheet.cell(row: 1, column: $0)?.string
                }, rows: written.rowCounts[sheet.name] ?? 0)
            }
            let csv = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/credits.csv")
            #expect(Array(csv[1][3...8]) == expected)
            let progress = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/progress.csv")
            #expect(progress[1][1] == "'-Hyphen" && progress[1][5] == "'+Skyline =1+1")
        }
    }
}

extension SheetContents {
    /// How many columns the autofilter spans (the header's width).
    var autofilterColumns: Int {
        guard let range = autofilterRange, let last = range.split(separator: ":").last,
              let position = CellPosition(String(last)) else { return 0 }
        return position.column + 1
    }
}
