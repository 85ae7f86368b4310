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

    public static func run(session: Session, monthOption: String?,
                           maxDataRowsPerSheet: Int = MonthlyWorkbook.maxDataRowsPerSheet) throws -> Written {
        let month = try ReportPeriod.month(option: monthOption, asOf: session.asOf)
        let store = try session.openStore()
        let runID = try store.beginRun(command: "report monthly", asOf: session.asOf, dryRun: false,
                                       configChecksum: session.configChecksum)
        var rowCounts: [String: Int] = [:]
        do {
            let content = try store.readingSnapshot {
                try MonthlySheets.content(store: store, rules: session.configuration.rules, month: month,
                                          asOf: session.asOf)
            }
            for sheet in content.sheets { rowCounts[sheet.table.name] = sheet.table.rows.count }
            let files: [String]
            do {
                files = try MonthlyReportFiles.write(content, reportsFolder: session.configuration.reports,
                                                     maxDataRowsPerSheet: maxDataRowsPerSheet)
            } catch {
                throw AppError(.failed, "the monthly report for \(month) could not be written: \(error)")
            }
            try store.finishRun(runID, succeeded: true, countsJSON: countsJSON(month: month, rowCounts), message: nil)
            session.logger.info("monthly report written", metadata: [
                "month": "\(month)", "as_of": "\(session.asOf)", "files": "\(files.count)",
                "credits": "\(rowCounts["Credits"] ?? 0)", "progress": "\(rowCounts["Progress"] ?? 0)",
                "pending": "\(rowCounts["Pending"] ?? 0)", "exceptions": "\(rowCounts["Exceptions"] ?? 0)",
                "workbook": "\(files.first ?? "")",
            ])
            return Written(month: month, files: files, rowCounts: rowCounts)
        } catch {
            try? store.finishRun(runID, succeeded: false, countsJSON: countsJSON(month: month, rowCounts),
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
