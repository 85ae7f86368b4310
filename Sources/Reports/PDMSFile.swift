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

    /// Writes a batch atomically, its rows streamed in chunks by `rows` (which calls the
    /// function it is given once per chunk), so a file of any size is written in flat memory.
    /// Returns the path written and the number of rows.
    @discardableResult
    public static func write(columns: [String], reportsFolder: String, fileName: String,
                             rows: (_ write: ([[String]]) throws -> Void) throws -> Void) throws -> (path: String, rows: Int) {
        let path = path(reportsFolder: reportsFolder, fileName: fileName)
        var count = 0
        try AtomicFile.write(to: path) { temporary in
            // Opened in place (not created by a rename), so that the bytes go where the name
            // leads and a full disk is reported here, not after the rename.
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
            guard descriptor >= 0 else {
                throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try handle.write(contentsOf: contents(columns: columns, rows: []))
            try rows { chunk in
                var writer = CSVWriter()
                for row in chunk { writer.append(row) }
                try handle.write(contentsOf: Data(writer.text.utf8))
                count += chunk.count
            }
            try handle.synchronize()
        }
        return (path, count)
    }
}
