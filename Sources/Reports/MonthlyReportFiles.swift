import CSV
import Foundation
public import Relicensure

/// Where the monthly report goes and how it gets there: the workbook
/// `reports/monthly/relicensure-YYYY-MM.xlsx` and the same sheets as CSV in
/// `reports/monthly/YYYY-MM/`, every file written under a temporary name, given mode 0640 and
/// renamed into place.
///
/// The rows are read once: each chunk goes to its CSV file and to its sheet of the workbook in
/// the same pass, so the database is read once and no sheet is ever held whole. The reading and
/// the CSV files take one core, the workbook the other (see `TableSheetWriter`). The files are
/// renamed into place only when all of them are complete; a report that fails half-way leaves
/// the files of an earlier run as they were.
public enum MonthlyReportFiles {
    public static func workbookPath(reportsFolder: String, month: ReportMonth) -> String {
        "\(reportsFolder)/monthly/relicensure-\(month).xlsx"
    }

    public static func csvFolder(reportsFolder: String, month: ReportMonth) -> String {
        "\(reportsFolder)/monthly/\(month)"
    }

    /// What was written.
    public struct Written: Sendable {
        /// The workbook first, then the CSV files.
        public let files: [String]
        /// Data rows by sheet name (all parts of a sheet that continues on `Credits (2)`, …).
        public let rowCounts: [String: Int]
    }

    /// Writes the workbook and the five CSV files, streaming every sheet's rows.
    public static func write(_ sheets: MonthlyReportSheets, reportsFolder: String,
                             maxDataRowsPerSheet: Int = MonthlyWorkbook.maxDataRowsPerSheet) throws -> Written {
        let folder = csvFolder(reportsFolder: reportsFolder, month: sheets.month)
        let folderExisted = FileManager.default.fileExists(atPath: folder)
        do {
            return try writeStaged(sheets, workbookPath: workbookPath(reportsFolder: reportsFolder, month: sheets.month),
                                   csvFolder: folder, maxDataRowsPerSheet: maxDataRowsPerSheet)
        } catch {
            // The staged files are gone with `writeStaged`; a folder made for them goes too
            // (rmdir removes only an empty one).
            if !folderExisted { rmdir(folder) }
            throw error
        }
    }

    private static func writeStaged(_ sheets: MonthlyReportSheets, workbookPath: String, csvFolder folder: String,
                                    maxDataRowsPerSheet: Int) throws -> Written {
        let workbook = try AtomicFile.Staged(reserving: workbookPath)
        var teed = sheets
        var csvFiles: [ReportCSVFile] = []
        for (sheet, name) in MonthlyReportSheets.csvFiles {
            let file = try ReportCSVFile(path: "\(folder)/\(name)", columns: sheets[keyPath: sheet].columns)
            csvFiles.append(file)
            teed[keyPath: sheet] = sheets[keyPath: sheet].observed(by: file.append)
        }
        let rowCounts = try MonthlyWorkbook.write(teed, to: workbook.temporaryPath,
                                                  maxDataRowsPerSheet: maxDataRowsPerSheet)
        for file in csvFiles { try file.flush() }
        try workbook.commit()
        for file in csvFiles { try file.commit() }
        return Written(files: [workbook.path] + csvFiles.map(\.path), rowCounts: rowCounts)
    }

    /// Writes the workbook and the five CSV files of tables held in memory; returns their paths,
    /// the workbook first.
    @discardableResult
    public static func write(_ content: MonthlyReportContent, reportsFolder: String,
                             maxDataRowsPerSheet: Int = MonthlyWorkbook.maxDataRowsPerSheet) throws -> [String] {
        try write(MonthlyReportSheets(content), reportsFolder: reportsFolder,
                  maxDataRowsPerSheet: maxDataRowsPerSheet).files
    }
}

/// A CSV file being written chunk by chunk (see `ReportTable.csv` for the format), under its
/// temporary name until `commit()`: a sheet of the monthly report, or a PDMS batch.
final class ReportCSVFile {
    private let file: AtomicFile.Staged
    private var writer = CSVWriter()
    /// Bytes gathered before they are written out: few system calls, little memory.
    private static let bufferSize = 1 << 20

    var path: String { file.path }

    /// Starts the file with its header row.
    init(path: String, columns: [String]) throws {
        file = try AtomicFile.Staged(creating: path)
        writer.append(columns)
    }

    func append(_ rows: [[ReportValue]]) throws {
        for row in rows {
            writer.append(row)
            if writer.bytes.count >= Self.bufferSize { try flush() }
        }
    }

    /// Rows of text cells (a PDMS batch's frozen cells), neutralised as every text cell is.
    func append(text rows: [[String]]) throws {
        for row in rows {
            writer.append(row)
            if writer.bytes.count >= Self.bufferSize { try flush() }
        }
    }

    /// Writes out what is gathered.
    func flush() throws {
        try file.append(writer.bytes)
        writer.removeAll()
    }

    /// Writes out what is left and moves the file into place.
    func commit() throws {
        try flush()
        try file.commit()
    }
}
