/// The PDMS import file (SPEC §6): RFC 4180, UTF-8, CRLF, one header row, the configured
/// columns in order, every text cell neutralised against formula injection.
public enum PDMSFile {
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
        let file = try ReportCSVFile(path: path, columns: columns)
        var count = 0
        try rows { chunk in
            try file.append(text: chunk)
            count += chunk.count
        }
        try file.commit()
        return (path, count)
    }
}
