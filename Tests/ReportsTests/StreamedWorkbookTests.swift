import Foundation
import OpenBadges
import Relicensure
import Reports
import Testing
import XLSXReader

/// Sheets written as their rows arrive, chunk by chunk, without a database: where chunks and
/// sheets end, and what is left behind when either side fails.
@Suite("Monthly workbook, streamed")
struct StreamedWorkbookTests {
    /// Counts chunks on the producer's thread; read once that thread has finished.
    final class Counter {
        var chunks = 0
    }

    struct ProducerFailure: Error {}

    /// Credits of `rows` rows (`entry_id` 1, 2, …) made `chunkSize` at a time; `poison` replaces
    /// the chunk of that number (from 0) with one Excel refuses, `failAt` throws instead of it.
    static func credits(rows: Int, chunkSize: Int, counter: Counter = Counter(), poison: Int? = nil,
                        failAt: Int? = nil) -> ReportRows {
        ReportRows(name: "Credits", columns: ["posted_on", "entry_id", "award_id"]) { emit in
            for (number, start) in stride(from: 0, to: rows, by: chunkSize).enumerated() {
                if number == failAt { throw ProducerFailure() }
                counter.chunks += 1
                let chunk: [[ReportValue]] = (start..<min(start + chunkSize, rows)).map { index in
                    let award = number == poison ? String(repeating: "x", count: 40_000) : "award-\(index + 1)"
                    return [.date(WorkbookLayoutTests.day("2026-11-20")), .count(index + 1), .text(award)]
                }
                try emit(chunk)
            }
        }
    }

    static func sheets(credits: ReportRows) throws -> MonthlyReportSheets {
        var sheets = MonthlyReportSheets(try WorkbookLayoutTests.content(creditRows: 0))
        sheets.credits = credits
        return sheets
    }

    @Test("Chunks of any size over sheets of 5: each sheet has its rows in order, headed and filtered; the CSV has every row once",
          arguments: [1, 3, 5, 7, 12])
    func chunksAcrossSheets(chunkSize: Int) throws {
        let reports = WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let written = try MonthlyReportFiles.write(try Self.sheets(credits: Self.credits(rows: 12, chunkSize: chunkSize)),
                                                   reportsFolder: reports, maxDataRowsPerSheet: 5)
        #expect(written.rowCounts["Credits"] == 12)
        let document = try XLSXDocument(path: try #require(written.files.first))
        let ids = try SheetChecks.creditsSplitOverThreeSheets(document)
        for name in ["Credits", "Credits (2)", "Credits (3)"] {
            #expect((document.sheet(named: name)?.columnWidth(2) ?? 0) >= Double("award-12".count))
        }
        #expect(ids == (1...12).map(Double.init))
        let csv = try SheetChecks.readCSV(try #require(written.files.first { $0.hasSuffix("credits.csv") }))
        #expect(csv.dropFirst().map { $0[1] } == (1...12).map(String.init))
        #expect(csv.dropFirst().map { $0[2] } == (1...12).map { "award-\($0)" })
    }

    @Test("A table that fills its sheets exactly continues on no empty sheet")
    func exactlyFull() throws {
        let reports = WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let written = try MonthlyReportFiles.write(try Self.sheets(credits: Self.credits(rows: 10, chunkSize: 4)),
                                                   reportsFolder: reports, maxDataRowsPerSheet: 5)
        let document = try XLSXDocument(path: try #require(written.files.first))
        #expect(document.sheetNames.filter { $0.hasPrefix("Credits") } == ["Credits", "Credits (2)"])
        #expect(document.sheet(named: "Credits (2)")?.autofilterRange == "A2:C7")
    }

    @Test("A producer that fails: its error comes out, and no file or folder is left behind")
    func producerFails() throws {
        let reports = WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let sheets = try Self.sheets(credits: Self.credits(rows: 100, chunkSize: 10, failAt: 3))
        #expect(throws: ProducerFailure.self) {
            try MonthlyReportFiles.write(sheets, reportsFolder: reports, maxDataRowsPerSheet: 5)
        }
        let left = (try? FileManager.default.subpathsOfDirectory(atPath: reports)) ?? []
        #expect(left.allSatisfy { $0 == "monthly" }, "\(left)")
    }

    @Test("A row the workbook refuses stops the producer early; no file or folder is left behind")
    func consumerFails() throws {
        let reports = WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let counter = Counter()
        let sheets = try Self.sheets(credits: Self.credits(rows: 10_000, chunkSize: 10, counter: counter, poison: 2))
        let error = try #require(throws: (any Error).self) {
            try MonthlyReportFiles.write(sheets, reportsFolder: reports)
        }
        #expect("\(error)".contains("Credits"))
        #expect(counter.chunks < 100, "the producer went on to chunk \(counter.chunks)")
        let left = (try? FileManager.default.subpathsOfDirectory(atPath: reports)) ?? []
        #expect(left.allSatisfy { $0 == "monthly" }, "\(left)")
    }
}
