import Foundation
public import Relicensure

/// Where the monthly report goes and how it gets there: the workbook
/// `reports/monthly/relicensure-YYYY-MM.xlsx` and the same sheets as CSV in
/// `reports/monthly/YYYY-MM/`, every file written under a temporary name, given mode 0640 and
/// renamed into place.
public enum MonthlyReportFiles {
    public static func workbookPath(reportsFolder: String, month: ReportMonth) -> String {
        "\(reportsFolder)/monthly/relicensure-\(month).xlsx"
    }

    public static func csvFolder(reportsFolder: String, month: ReportMonth) -> String {
        "\(reportsFolder)/monthly/\(month)"
    }

    /// Writes the workbook and the five CSV files; returns their paths, the workbook first.
    @discardableResult
    public static func write(_ content: MonthlyReportContent, reportsFolder: String,
                             maxDataRowsPerSheet: Int = MonthlyWorkbook.maxDataRowsPerSheet) throws -> [String] {
        let workbook = workbookPath(reportsFolder: reportsFolder, month: content.month)
        try AtomicFile.write(to: workbook) { temporary in
            try MonthlyWorkbook.write(content, to: temporary, maxDataRowsPerSheet: maxDataRowsPerSheet)
        }
        var written = [workbook]
        let folder = csvFolder(reportsFolder: reportsFolder, month: content.month)
        for sheet in content.sheets {
            let path = "\(folder)/\(sheet.csvFile)"
            try AtomicFile.write(sheet.table.csv, to: path)
            written.append(path)
        }
        return written
    }
}
