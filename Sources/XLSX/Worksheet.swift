internal import CXLSXWriter

/// One sheet of a workbook: cells, column widths, panes, filters, conditional formats, charts.
///
/// Rows and columns are numbered from 0 (row 0 is Excel's row 1, column 0 is column A). A
/// worksheet keeps its workbook alive; once the workbook is closed, every call that writes
/// throws (and the two that cannot throw do nothing).
///
/// In a constant-memory workbook a row is flushed to disk when a later row is first written, so
/// cells must be written row by row from the top; writing to an earlier row throws.
public final class Worksheet {
    /// Excel's number of rows in a sheet; rows `0..<maxRows` can be written.
    public static let maxRows = 1_048_576
    /// Excel's number of columns in a sheet (A to XFD); columns `0..<maxColumns` can be written.
    public static let maxColumns = 16_384

    /// The sheet's name as shown on its tab.
    public let name: String
    let workbook: Workbook
    /// Valid while `workbook` is open: checked before every use.
    let handle: UnsafeMutablePointer<lxw_worksheet>

    init(name: String, workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.workbook = workbook
        self.handle = handle
    }

    // MARK: - Cells

    /// Writes `text` as a string cell (never a formula, whatever it starts with).
    ///
    /// Excel keeps at most 32,767 characters in a cell; longer text, or text containing a NUL
    /// character, throws. An empty string writes nothing unless `format` is given, when it
    /// writes a formatted blank cell.
    public func write(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws {
        try writeCell(row: row, column: column, format: format) { sheet, cell, cFormat, context in
            try CString.with(ExcelText.protectingEscapes(text), context()) { cText in
                worksheet_write_string(sheet, cell.row, cell.column, cText, cFormat)
            }
        }
    }

    /// Writes `number` as a numeric cell. Infinities and NaN throw: Excel has no such numbers.
    public func write(_ number: Double, row: Int, column: Int, format: CellFormat? = nil) throws {
        try writeCell(row: row, column: column, format: format) { sheet, cell, cFormat, context in
            guard number.isFinite else {
                throw XLSXError(message: "\(context()): \(number) is not a number Excel can store.")
            }
            return worksheet_write_number(sheet, cell.row, cell.column, number, cFormat)
        }
    }

    /// Writes a calendar day as a real Excel date: a serial number that `format`, which should
    /// carry a date number format such as `"yyyy-mm-dd"`, shows as a date.
    ///
    /// Excel's dates run from 1900-01-01 to 9999-12-31; other days, and days that do not exist
    /// (2026-02-30), throw.
    public func write(date year: Int, month: Int, day: Int, row: Int, column: Int, format: CellFormat) throws {
        try writeCell(row: row, column: column, format: format) { sheet, cell, cFormat, context in
            if let problem = Self.dateProblem(year: year, month: month, day: day) {
                throw XLSXError(message: "\(context()): \(problem)")
            }
            var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            return worksheet_write_datetime(sheet, cell.row, cell.column, &date, cFormat)
        }
    }

    /// Writes an empty cell that carries `format` (a border or fill, say). Without a format Excel
    /// has nothing to store, so nothing is written.
    public func writeBlank(row: Int, column: Int, format: CellFormat? = nil) throws {
        try writeCell(row: row, column: column, format: format) { sheet, cell, cFormat, _ in
            worksheet_write_blank(sheet, cell.row, cell.column, cFormat)
        }
    }

    // MARK: - Helpers

    /// "sheet 'Name' of '/path/file.xlsx'", for messages.
    var place: String { "sheet '\(name)' of '\(workbook.path)'" }

    func openHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.openHandle(context())
        return handle
    }

    /// The checks every cell write shares: the workbook is open, the cell is on the grid, the
    /// format belongs here; then `body` makes the C call and its result is checked.
    ///
    /// The message's beginning (`context`) is made only when something is wrong: a report writes
    /// millions of cells, and naming each one up front cost more than writing it.
    private func writeCell(
        row: Int, column: Int, format: CellFormat?,
        _ body: (UnsafeMutablePointer<lxw_worksheet>, CellAddress, UnsafeMutablePointer<lxw_format>?,
                 () -> String) throws -> lxw_error
    ) throws {
        let context = { "Cannot write cell \(CellAddress.name(row: row, column: column)) on \(self.place)" }
        let sheet = try openHandle(context())
        let cell = try CellAddress(row: row, column: column, context())
        let cFormat = try format.map { try $0.resolve(in: workbook, context()) }
        try check(try body(sheet, cell, cFormat, context), context)
    }

    /// Turns the result of a cell write into the error to throw, if any.
    func check(_ result: lxw_error, _ context: () -> String) throws {
        if result == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, workbook.constantMemory {
            // The cell is on the grid (checked before), so libxlsxwriter refused because its row
            // has already been flushed to disk.
            throw XLSXError(
                message: "\(context()): a later row has already been written, and a constant-memory workbook "
                    + "must be written row by row from the top.",
                code: LibraryError.code(result))
        }
        if let problem = LibraryError.check(result, context()) { throw problem }
    }

    /// Why a day cannot be an Excel date, or `nil` when it can.
    static func dateProblem(year: Int, month: Int, day: Int) -> String? {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...Worksheet.daysIn(month: month, year: year)).contains(day) else {
            return "\(year)-\(month)-\(day) is not a day between 1900-01-01 and 9999-12-31."
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
