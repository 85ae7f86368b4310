import CSV
public import Foundation

/// The PDMS import file (SPEC §6): RFC 4180, UTF-8, CRLF, one header row, the configured
/// columns in order, every text cell neutralised against formula injection.
public enum PDMSFile {
    /// The file's exact bytes for a batch's columns and frozen cells.
    public static func contents(columns: [String], rows: [[String]]) -> Data {
        var writer = CSVWriter()
        writer.append(columns)
        for row in rows { writer.append(row) }
        return Data(writer.text.utf8)
    }

    /// `reports/pdms/pdms-import-YYYY-MM-DD-BATCH.csv`.
    public static func path(reportsFolder: String, fileName: String) -> String {
        reportsFolder + "/pdms/" + fileName
    }

    /// Writes the batch atomically; returns the path written.
    @discardableResult
    public static func write(columns: [String], rows: [[String]], reportsFolder: String,
                             fileName: String) throws -> String {
        let path = path(reportsFolder: reportsFolder, fileName: fileName)
        try AtomicFile.write(contents(columns: columns, rows: rows), to: path)
        return path
    }
}
