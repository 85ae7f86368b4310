import Foundation
import OpenBadges
import Postgres
import Relicensure
import RelicensureApp
import RelicensureStore
import Reports
import Testing
import XLSXReader

/// `relicensure report monthly` on the examples (36 educators, 38 awards, 21 credits posted
/// as of 2026-11-20), read back with the XLSX reader and the CSV reader.
@Suite("Monthly HR report")
struct MonthlyReportTests {
    static let sheetColumns: [String: [String]] = [
        "Summary": ["district_code", "district_name", "school_code", "school_name", "educators", "hours_in_month",
                    "credited_hours", "other_hours", "total_hours", "advanced_license", "complete", "ending_short", "behind", "on_track"],
        "Credits": ["posted_on", "entry_id", "educator_id", "last_name", "first_name", "district_code", "school_name",
                    "badge_name", "issuer_name", "award_date", "credit_type", "action", "hours", "net_hours", "reason",
                    "recorded_by", "award_id"],
        "Progress": ["educator_id", "last_name", "first_name", "district_code", "school_code", "school_name",
                     "license_type", "term_start", "term_end", "days_left", "credited_hours", "other_hours",
                     "total_hours", "required_hours", "remaining_hours", "status", "other_hours_from"],
        "Pending": ["educator_id", "last_name", "first_name", "district_code", "school_name", "badge_id", "badge_name",
                    "issuer_name", "award_date", "first_seen_on", "days_waiting", "award_id"],
        "Exceptions": ["award_id", "source_file", "educator_id", "badge_name", "issuer_name", "award_date", "outcome",
                       "reason", "candidates", "recipient", "what_to_do"],
        "Open": ["award_id", "source_file", "educator_id", "badge_name", "issuer_name", "award_date", "outcome",
                 "reason", "candidates", "recipient", "what_to_do", "days_open"],
    ]

    @Test("The workbook: five formatted sheets with real dates and numbers, highlights and charts; CSVs alike")
    func workbook() throws {
        try Workspace.afterExampleNight { workspace, conninfo in
            let written = try MonthlyReport.run(session: try workspace.session(), monthOption: "2026-11")
            #expect(written.month.description == "2026-11")
            #expect(written.files.first == workspace.reports + "/monthly/relicensure-2026-11.xlsx")
            #expect(written.rowCounts == ["Summary": 5, "Credits": 24, "Progress": 35, "Pending": 3, "Exceptions": 18,
                                          "Open": 16])

            let document = try XLSXDocument(path: workspace.reports + "/monthly/relicensure-2026-11.xlsx")
            #expect(document.sheetNames == ["Summary", "Credits", "Progress", "Pending", "Exceptions", "Open"])
            for name in document.sheetNames {
                let sheet = try #require(document.sheet(named: name))
                let columns = try #require(Self.sheetColumns[name])
                SheetChecks.expectFormatted(sheet, columns: columns, rows: written.rowCounts[name] ?? 0)
                // The same sheet as CSV, cell for cell.
                let csv = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/\(name.lowercased()).csv")
                #expect(csv.first == columns)
                #expect(csv.count == (written.rowCounts[name] ?? 0) + 1)
                for (row, fields) in csv.enumerated().dropFirst() {
                    let cells = fields.indices.map { SheetChecks.csvText(sheet.cell(row: row + 1, column: $0)) }
                    #expect(cells == fields, "\(name) row \(row)")
                }
            }

            let credits = try #require(document.sheet(named: "Credits"))
            #expect(credits.cell("A1")?.string == "Ledger entries posted in the month — report for 2026-11, as of 2026-11-20")
            let postedOn = try #require(credits.cell("A3"))
            #expect(postedOn.numberFormatCode == "yyyy-mm-dd")
            #expect(postedOn.number == Double(try #require(CalendarDate("2026-11-20")).dayNumber + 25_569))
            let educatorIDs = (2...22).compactMap { credits.cell(row: $0, column: 2)?.string }
            #expect(educatorIDs.count == 21 && educatorIDs.allSatisfy { $0.hasPrefix("004") })  // text: zeros kept
            #expect(credits.cell("M3")?.number == 10)
            #expect(credits.cell("M3")?.numberFormatCode == "0.0#")
            #expect(credits.cell("B3")?.numberFormatCode == "#,##0")
            // Totals under the columns that add up: the month's net hours, and nothing under the others.
            #expect(credits.cell("A27")?.string == "Total" && credits.cell("N27")?.number == 240)
            #expect(credits.cell("M27")?.number == nil)
            #expect((credits.columnWidth(7) ?? 0) >= Double("Restorative Practices in the Classroom".count))

            let progress = try #require(document.sheet(named: "Progress"))
            #expect(progress.cell("I3")?.numberFormatCode == "yyyy-mm-dd")
            #expect(progress.cell("K3")?.number == 20)  // Avery Abbott: two DDOE credits this term
            #expect(progress.cell("P3")?.string == "behind")
            #expect(progress.conditionalFormats.map(\.formulas) == [["$P3=\"behind\""], ["$P3=\"ending_short\""]])
            #expect(progress.conditionalFormats.allSatisfy { $0.range == "A3:Q37" })
            #expect(progress.cell("A38")?.string == "Total" && progress.cell("K38")?.number == 240)

            let exceptions = try #require(document.sheet(named: "Exceptions"))
            let rows = (2...19).map { row in (0..<8).map { SheetChecks.csvText(exceptions.cell(row: row, column: $0)) } }
            let broken = try #require(rows.first { $0[1].hasSuffix("/broken.json") })
            #expect(broken[0].hasPrefix("sha256:"))
            #expect(broken[2] == "")  // not matched to anyone
            #expect(broken[6] == "invalid")
            #expect(broken[7] == "The badge file could not be read (malformed_json)")
            let stranger = try #require(rows.first { $0[1].hasSuffix("/award-2026-0020.json") })
            #expect(stranger[2] == "" && stranger[6] == "unmatched_recipient")
            #expect(!rows.contains { $0[6] == "credited" })

            let summary = try #require(document.sheet(named: "Summary"))
            // Below the table: its totals, a blank row, then the district totals the first chart draws.
            #expect(summary.cell("A8")?.string == "Total" && summary.cell("E8")?.number == 35)
            #expect(summary.cell("A10")?.string == "Hours by district")
            #expect(summary.cell("A11")?.string == "district_code")
            #expect(summary.cell("B12")?.string == "Red Clay Consolidated School District")
            #expect(summary.cell("E12")?.number == 130)  // hours this term, district 31
            #expect(document.charts.count == 2)
            let byDistrict = try #require(document.charts.first)
            #expect(byDistrict.sheet == "Summary")
            #expect(byDistrict.type == .column)
            #expect(byDistrict.title == "Hours by district")
            // Beside the blocks they draw, one above the other: within the first screen (columns A-G, rows 1-30),
            // not to the right of the wide Summary table.
            #expect(byDistrict.anchor == CellPosition(row: 9, column: 6))
            #expect(document.charts.last?.anchor == CellPosition(row: 21, column: 6))
            #expect(byDistrict.series.map(\.categories) == ["Summary!$B$12:$B$13", "Summary!$B$12:$B$13"])
            #expect(byDistrict.series.map(\.values) == ["Summary!$E$12:$E$13", "Summary!$D$12:$D$13"])
            let byMonth = try #require(document.charts.last)
            #expect(byMonth.title == "Hours credited by month")
            #expect(byMonth.series.first?.values == "Summary!$B$17:$B$28")
            #expect(summary.cell("A28")?.string == "2026-11")
            #expect(summary.cell("B28")?.number == 240)

            let store = try Store(conninfo: conninfo)
            let run = try #require(try store.recentRuns(limit: 1).first)
            #expect(run.command == "report monthly" && run.outcome == "succeeded")
            #expect(run.countsJSON.contains("\"credits_rows\": 24"))
        }
    }

    @Test("Partial files a killed report run left are removed; those of a run still writing are not")
    func staleTemporaryFiles() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let finished = Process()
            finished.executableURL = URL(fileURLWithPath: "/bin/true")
            try finished.run()
            finished.waitUntilExit()
            // Another live process (this one would write under its own id and rename it away).
            let gone = finished.processIdentifier, alive = getppid()
            let folder = workspace.reports + "/monthly", csvFolder = folder + "/2026-11"
            try FileManager.default.createDirectory(atPath: csvFolder, withIntermediateDirectories: true)
            let stale = [folder + "/.relicensure-2026-11.xlsx.tmp-\(gone)", csvFolder + "/.credits.csv.tmp-\(gone)"]
            let live = folder + "/.relicensure-2026-11.xlsx.tmp-\(alive)"
            let other = folder + "/.notes.txt.tmp-\(gone)"
            for path in stale + [live, other] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
            _ = try MonthlyReport.run(session: try workspace.session(), monthOption: "2026-11")
            for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind") }
            #expect(FileManager.default.fileExists(atPath: live))
            #expect(FileManager.default.fileExists(atPath: other))
        }
    }

    @Test("The default month is the one before the as-of date; a later as-of date shows what was known then")
    func defaultMonthAndAsOf() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let december = try MonthlyReport.run(session: try workspace.session(asOf: "2026-12-03"), monthOption: nil)
            #expect(december.month.description == "2026-11")
            #expect(december.rowCounts["Credits"] == 24)
            // As of the day before the night, nothing of it had happened yet.
            let before = try MonthlyReport.run(session: try workspace.session(asOf: "2026-11-19"), monthOption: "2026-11")
            #expect(before.rowCounts["Credits"] == 0)
            #expect(before.rowCounts["Exceptions"] == 0)
            #expect(before.rowCounts["Pending"] == 0)
            let progress = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/progress.csv")
            #expect(progress.dropFirst().allSatisfy { $0[10] == "0" })
        }
    }

    @Test("The Open sheet keeps every unresolved exception, whatever its month, with the days it has been open")
    func openExceptions() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let december = try MonthlyReport.run(session: try workspace.session(asOf: "2027-01-04"), monthOption: "2026-12")
            #expect(december.rowCounts["Exceptions"] == 0, "nothing was first seen in December")
            #expect(december.rowCounts["Open"] == 16)
            let open = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-12/open.csv")
            let outcome = try #require(open.first?.firstIndex(of: "outcome"))
            let daysOpen = try #require(open.first?.firstIndex(of: "days_open"))
            let whatToDo = try #require(open.first?.firstIndex(of: "what_to_do"))
            #expect(open.dropFirst().allSatisfy { !["credited", "invalid", "revoked"].contains($0[outcome]) })
            #expect(open.dropFirst().allSatisfy { $0[daysOpen] == "45" && !$0[whatToDo].isEmpty })
            #expect(open.dropFirst().contains { $0[outcome] == "pending_approval" })
        }
    }

    @Test("A month that is not YYYY-MM, or after the as-of date, is a usage error", arguments: ["2026-13", "November", "2026-12"])
    func badMonth(month: String) throws {
        try ScratchDatabase.with { conninfo in
            let workspace = try Workspace.examples(conninfo: conninfo)
            defer { workspace.remove() }
            let error = try #require(throws: AppError.self) {
                try MonthlyReport.run(session: try workspace.session(), monthOption: month)
            }
            #expect(error.kind == .usage)
            #expect(error.message.contains("--month"))
        }
    }

    @Test("A reversal posted in the month shows with negative net hours and takes the hours out of progress")
    func reversal() throws {
        try Workspace.afterExampleNight { workspace, conninfo in
            let connection = try PostgresConnection(conninfo)
            try connection.query("""
                INSERT INTO ledger_entries (award_id, educator_id, action, kind, hours, credit_type, badge_id, issuer_id,
                                            award_date, posted_on, reason, recorded_by)
                SELECT award_id, educator_id, 'REVERSE', 'correction', hours, credit_type, badge_id, issuer_id,
                       award_date, '2026-11-25', 'correction', 'HR test'
                FROM ledger_entries WHERE award_id = 'https://badges.doe.k12.de.us/assertions/2026-0001'
                """)
            let written = try MonthlyReport.run(session: try workspace.session(asOf: "2026-11-30"), monthOption: "2026-11")
            #expect(written.rowCounts["Credits"] == 25)
            let credits = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/credits.csv")
            let last = try #require(credits.last)
            #expect(last[0] == "2026-11-25" && last[11] == "REVERSE" && last[12] == "10" && last[13] == "-10")
            #expect(last[15] == "HR test")
            let progress = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/progress.csv")
            let avery = try #require(progress.first { $0[0] == "0040100" })
            #expect(avery[10] == "10" && avery[14] == "80")
            let summary = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/summary.csv")
            let dickinson = try #require(summary.first { $0[2] == "3101" })
            #expect(dickinson[5] == "60" && dickinson[6] == "60")
        }
    }
}

/// The long sheets are read from cursors in batches and continue on further sheets as they are
/// written; wherever a batch or a sheet ends, every row is there exactly once.
@Suite("Monthly report, streamed")
struct MonthlyReportStreamingTests {
    /// Every file of a report, by name.
    static func files(_ written: MonthlyReport.Written) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in written.files.dropFirst() {
            files[URL(fileURLWithPath: path).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test("Batches of 1, 2 and 7 rows and sheets of 5: the same CSV bytes as one batch, every row once across the sheets")
    func batchesAndSheets() throws {
        try Workspace.afterExampleNight { workspace, _ in
            let whole = try MonthlyReport.run(session: try workspace.session(), monthOption: "2026-11")
            let reference = try Self.files(whole)
            #expect(reference.count == 6)
            for batchSize in [1, 2, 7] {
                let written = try MonthlyReport.run(session: try workspace.session(), monthOption: "2026-11",
                                                    maxDataRowsPerSheet: 5, batchSize: batchSize)
                #expect(written.rowCounts == whole.rowCounts, "batches of \(batchSize)")
                #expect(try Self.files(written) == reference, "batches of \(batchSize)")

                let document = try XLSXDocument(path: try #require(written.files.first))
                for (name, rows) in whole.rowCounts.sorted(by: { $0.key < $1.key }) {
                    let parts = max(1, (rows + 4) / 5)
                    let names = [name] + (1..<parts).map { "\(name) (\($0 + 1))" }
                    // The sheets, in order, hold the CSV's rows, each once.
                    var cells: [[String]] = []
                    for (index, part) in names.enumerated() {
                        let sheet = try #require(document.sheet(named: part), "\(part), batches of \(batchSize)")
                        let columns = try #require(MonthlyReportTests.sheetColumns[name])
                        let count = index == parts - 1 ? rows - 5 * (parts - 1) : 5
                        SheetChecks.expectFormatted(sheet, columns: columns, rows: count)
                        cells += (0..<count).map { row in
                            columns.indices.map { SheetChecks.csvText(sheet.cell(row: row + 2, column: $0)) }
                        }
                    }
                    #expect(document.sheet(named: "\(name) (\(parts + 1))") == nil)
                    let csv = try SheetChecks.readCSV(workspace.reports + "/monthly/2026-11/\(name.lowercased()).csv")
                    #expect(cells == Array(csv.dropFirst()), "\(name), batches of \(batchSize)")
                }
            }
        }
    }
}
