import Foundation
import Logging
import OpenBadges
public import Relicensure
import RelicensureStore
public import Reports

/// `relicensure report monthly [--month YYYY-MM]` (SPEC §6): the HR workbook and its CSV
/// files for one month, as of the session's as-of date. Recorded as a run, so that
/// `relicensure status` shows when the last one was written.
public enum MonthlyReport {
    /// What was written.
    public struct Written: Sendable {
        public let month: ReportMonth
        /// The workbook first, then the CSV files.
        public let files: [String]
        /// Data rows by sheet name.
        public let rowCounts: [String: Int]
    }

    /// Rows read from the database at a time for the long sheets: a few megabytes.
    public static let batchSize = 2_500

    /// Writes the report. `maxDataRowsPerSheet` and `batchSize` are lowered only by tests, to
    /// see sheets continue and batches end in the middle of a table without a million rows.
    public static func run(session: Session, monthOption: String?,
                           maxDataRowsPerSheet: Int = MonthlyWorkbook.maxDataRowsPerSheet,
                           batchSize: Int = batchSize) throws -> Written {
        let month = try ReportPeriod.month(option: monthOption, asOf: session.asOf)
        let reports = session.configuration.reports
        // Partial files of a report run that was killed while writing (their process is gone).
        for folder in [reports + "/monthly", MonthlyReportFiles.csvFolder(reportsFolder: reports, month: month)] {
            StaleReportFiles.sweep(folder: folder, logger: session.logger)
        }
        let store = try session.openStore()
        let runID = try store.beginRun(command: "report monthly", asOf: session.asOf, dryRun: false,
                                       configChecksum: session.configChecksum)
        do {
            let written = try store.readingSnapshot {
                let sheets = try MonthlySheets.sheets(store: store, rules: session.configuration.rules, month: month,
                                                      asOf: session.asOf, batchSize: batchSize)
                do {
                    return try MonthlyReportFiles.write(sheets, reportsFolder: session.configuration.reports,
                                                        maxDataRowsPerSheet: maxDataRowsPerSheet)
                } catch {
                    throw AppError(.failed, "the monthly report for \(month) could not be written: \(error)")
                }
            }
            let rowCounts = written.rowCounts
            try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(month: month, rowCounts), message: nil)
            session.logger.info("monthly report written", metadata: [
                "month": "\(month)", "as_of": "\(session.asOf)", "files": "\(written.files.count)",
                "credits": "\(rowCounts["Credits"] ?? 0)", "progress": "\(rowCounts["Progress"] ?? 0)",
                "pending": "\(rowCounts["Pending"] ?? 0)", "exceptions": "\(rowCounts["Exceptions"] ?? 0)",
                "workbook": "\(written.files.first ?? "")",
            ])
            return Written(month: month, files: written.files, rowCounts: rowCounts)
        } catch {
            try? store.finishRun(runID, succeeded: false, countsJSON: countsJSON(month: month, [:]),
                                 message: "\(error)")
            throw error
        }
    }

    static func countsJSON(month: ReportMonth, _ rowCounts: [String: Int]) -> String {
        var counts: [String: Any] = ["month": month.description]
        for (sheet, rows) in rowCounts { counts[sheet.lowercased() + "_rows"] = rows }
        let data = (try? JSONSerialization.data(withJSONObject: counts, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(data: data, encoding: .utf8) ?? "{}"
    }
}
