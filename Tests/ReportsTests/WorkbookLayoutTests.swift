import Foundation
import OpenBadges
import Relicensure
import Reports
import Testing
import XLSXReader

/// The workbook's layout without a database: hand-made tables written and read back.
@Suite("Monthly workbook layout")
struct WorkbookLayoutTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(dayNumber: 0) }

    static func content(creditRows: Int) throws -> MonthlyReportContent {
        let month = try #require(ReportMonth("2026-11"))
        let credits = ReportTable(name: "Credits", columns: ["posted_on", "entry_id", "hours"],
                                  rows: (0..<creditRows).map { [.date(day("2026-11-20")), .count($0 + 1), .hours(ClockHours(10))] })
        let progress = ReportTable(name: "Progress", columns: ["educator_id", "status"],
                                   rows: [[.text("1"), .text("behind")], [.text("2"), .text("on_track")]])
        let empty = { (name: String) in ReportTable(name: name, columns: ["award_id"]) }
        return MonthlyReportContent(
            month: month, asOf: day("2026-11-20"),
            summary: ReportTable(name: "Summary", columns: ["district_code", "educators"], rows: [[.text("31"), .count(2)]]),
            credits: credits, progress: progress, pending: empty("Pending"), exceptions: empty("Exceptions"), open: empty("Open"),
            districtTotals: ReportTable(name: "Hours by district",
                                        columns: ["district_code", "district_name", "educators", "hours_in_month", "hours_this_term"],
                                        rows: [[.text("31"), .text("Red Clay"), .count(2), .hours(ClockHours(20)), .hours(ClockHours(30))]]),
            hoursByMonth: ReportTable(name: "Hours credited by month", columns: ["month", "hours_credited"],
                                      rows: [[.text("2026-10"), .hours(.zero)], [.text("2026-11"), .hours(ClockHours(20))]]))
    }

    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("relicensure-layout-\(UUID().uuidString)").path
    }

    @Test("A table longer than a sheet continues on 'Credits (2)', each part with its header, filter and frozen row")
    func split() throws {
        let reports = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let content = try Self.content(creditRows: 12)
        let files = try MonthlyReportFiles.write(content, reportsFolder: reports, maxDataRowsPerSheet: 5)
        let workbook = try #require(files.first)
        let document = try XLSXDocument(path: workbook)
        let ids = try SheetChecks.creditsSplitOverThreeSheets(document)
        #expect(ids == (1...12).map(Double.init))
        // The CSV has no row limit: one file, every row.
        let creditsFile = try #require(files.first { $0.hasSuffix("credits.csv") })
        let csv = try String(contentsOfFile: creditsFile, encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 13)
    }

    @Test("Progress rows of educators behind or ending short are highlighted across the whole row")
    func highlights() throws {
        let reports = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let files = try MonthlyReportFiles.write(try Self.content(creditRows: 1), reportsFolder: reports)
        let workbook = try #require(files.first)
        let progress = try #require(try XLSXDocument(path: workbook).sheet(named: "Progress"))
        let rules = progress.conditionalFormats
        #expect(rules.count == 2)
        #expect(rules.allSatisfy { $0.range == "A3:B4" && $0.type == "expression" })
        #expect(rules.map { $0.formulas } == [["$B3=\"behind\""], ["$B3=\"ending_short\""]])
        #expect(rules.allSatisfy { $0.format?.backgroundColor != nil })
    }

    @Test("A district without educators has nothing to chart: the workbook is still written, with the monthly chart")
    func nothingToChart() throws {
        let reports = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        var content = try Self.content(creditRows: 0)
        content.summary.rows = []
        content.districtTotals.rows = []
        content.progress.rows = []
        let files = try MonthlyReportFiles.write(content, reportsFolder: reports)
        let workbook = try #require(files.first)
        let document = try XLSXDocument(path: workbook)
        #expect(document.charts.map(\.title) == ["Hours credited by month"])
        #expect(document.sheet(named: "Credits")?.autofilterRange == "A2:C2")
        #expect(document.sheet(named: "Progress")?.conditionalFormats.isEmpty == true)
    }

    @Test("Files are written under a temporary name, then renamed; readable by owner and group only")
    func atomicAndPrivate() throws {
        let reports = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let files = try MonthlyReportFiles.write(try Self.content(creditRows: 1), reportsFolder: reports)
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["relicensure-2026-11.xlsx", "summary.csv", "credits.csv", "progress.csv", "pending.csv", "exceptions.csv",
                    "open.csv"])
        for file in files {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode == 0o640, "\(file)")
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: reports).filter {
            URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(".")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("A workbook that fails leaves nothing behind, and an earlier file stays as it was")
    func failedWrite() throws {
        let reports = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        var content = try Self.content(creditRows: 1)
        let path = MonthlyReportFiles.workbookPath(reportsFolder: reports, month: content.month)
        try FileManager.default.createDirectory(atPath: reports + "/monthly", withIntermediateDirectories: true)
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: path))
        // Excel keeps at most 32,767 characters in a cell: the workbook refuses the row.
        content.pending.rows = [[.text(String(repeating: "x", count: 40_000))]]
        #expect(throws: (any Error).self) { try MonthlyReportFiles.write(content, reportsFolder: reports) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports + "/monthly")
        #expect(names == ["relicensure-2026-11.xlsx"])
    }
}
