internal import CXLSXWriter

/// Rows of cells made ready for a worksheet away from it, on any thread: text checked and laid
/// out as C strings in one buffer, numbers and dates as they will be written, each cell with the
/// slot of its format. `Worksheet.write(_:rows:at:formats:)` then hands them to libxlsxwriter
/// doing little more per cell than the C call, so that a thread that writes a large sheet does
/// nothing else.
///
/// The checks are those of `Worksheet.write`: text with a NUL character, numbers that are not
/// finite and days that are not Excel dates are refused when written, naming the cell.
public struct PreparedRows: Sendable {
    enum Kind: UInt8, Sendable {
        case text, number, date
        /// A value Excel cannot store; `position` is its index in `problems`.
        case refused
    }

    struct Cell: Sendable {
        let column: Int32
        /// Index into the formats given to `write`, or -1 for none.
        let format: Int32
        let kind: Kind
        /// Text: where its C string starts in `bytes`. Date: `yyyymmdd`. Refused: its problem.
        let position: Int
        let number: Double
    }

    /// The C strings of the text cells, one after the other.
    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Cell] = []
    /// Where each row's cells end in `cells`.
    private(set) var rowEnds: [Int] = []
    /// Why each refused cell was refused.
    private(set) var problems: [String] = []

    public init() {}

    public var rowCount: Int { rowEnds.count }

    /// Adds a text cell (never a formula, whatever it starts with) to the row being made.
    public mutating func appendText(_ text: String, column: Int, format: Int? = nil) {
        guard CString.problem(text, "") == nil else {
            return refuse("the text contains a NUL character, which Excel cannot store.", column: column)
        }
        append(.text, column: column, format: format, position: bytes.count)
        bytes.append(contentsOf: ExcelText.protectingEscapes(text).utf8)
        bytes.append(0)
    }

    /// Adds a numeric cell to the row being made.
    public mutating func appendNumber(_ number: Double, column: Int, format: Int? = nil) {
        guard number.isFinite else { return refuse("\(number) is not a number Excel can store.", column: column) }
        append(.number, column: column, format: format, number: number)
    }

    /// Adds a real Excel date to the row being made; `format` should show it as a date.
    public mutating func appendDate(year: Int, month: Int, day: Int, column: Int, format: Int) {
        if let problem = Worksheet.dateProblem(year: year, month: month, day: day) {
            return refuse(problem, column: column)
        }
        append(.date, column: column, format: format, position: year * 10_000 + month * 100 + day)
    }

    /// Ends the row being made (a row may have no cells).
    public mutating func endRow() {
        rowEnds.append(cells.count)
    }

    private mutating func append(_ kind: Kind, column: Int, format: Int?, position: Int = 0, number: Double = 0) {
        cells.append(Cell(column: Int32(clamping: column), format: format.map { Int32(clamping: $0) } ?? -1,
                          kind: kind, position: position, number: number))
    }

    private mutating func refuse(_ problem: String, column: Int) {
        append(.refused, column: column, format: nil, position: problems.count)
        problems.append(problem)
    }
}

extension Worksheet {
    /// Writes `rows` of `prepared` (its own row numbers, from 0), the first of them at `row` of
    /// this sheet and the others below it; a cell's format is `formats[slot]`, the slot it was
    /// prepared with.
    public func write(_ prepared: PreparedRows, rows: Range<Int>, at row: Int, formats: [CellFormat]) throws {
        guard !rows.isEmpty else { return }
        let place = "Cannot write rows on \(self.place)"
        let sheet = try openHandle(place)
        let cFormats = try formats.map { try $0.resolve(in: workbook, place) }
        guard rows.lowerBound >= 0, rows.upperBound <= prepared.rowCount else {
            throw XLSXError(message: "\(place): rows \(rows) are not among the \(prepared.rowCount) prepared.")
        }
        // Rows and columns are checked against the grid once for the whole range.
        let lastRow = row + rows.count - 1
        _ = try CellAddress(row: row, column: 0, place)
        _ = try CellAddress(row: lastRow, column: 0, place)
        try prepared.bytes.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: CChar.self)
            var cellIndex = rows.lowerBound == 0 ? 0 : prepared.rowEnds[rows.lowerBound - 1]
            for (offset, source) in rows.enumerated() {
                let target = row + offset
                while cellIndex < prepared.rowEnds[source] {
                    let cell = prepared.cells[cellIndex]
                    cellIndex += 1
                    try write(cell, row: target, sheet: sheet, bytes: bytes, problems: prepared.problems,
                              formats: cFormats)
                }
            }
        }
    }

    private func write(_ cell: PreparedRows.Cell, row: Int, sheet: UnsafeMutablePointer<lxw_worksheet>,
                       bytes: UnsafeBufferPointer<CChar>, problems: [String],
                       formats: [UnsafeMutablePointer<lxw_format>]) throws {
        let context = { "Cannot write cell \(CellAddress.name(row: row, column: Int(cell.column))) on \(self.place)" }
        if cell.column < 0 || cell.column >= Worksheet.maxColumns {
            _ = try CellAddress(row: row, column: Int(cell.column), context())  // throws, naming the column
        }
        let format: UnsafeMutablePointer<lxw_format>?
        if cell.format < 0 {
            format = nil
        } else if Int(cell.format) < formats.count {
            format = formats[Int(cell.format)]
        } else {
            throw XLSXError(message: "\(context()): no format was given for slot \(cell.format).")
        }
        let result: lxw_error
        let (cRow, cColumn) = (lxw_row_t(row), lxw_col_t(cell.column))
        switch cell.kind {
        case .text:
            guard let base = bytes.baseAddress else { return }
            result = worksheet_write_string(sheet, cRow, cColumn, base + cell.position, format)
        case .number:
            result = worksheet_write_number(sheet, cRow, cColumn, cell.number, format)
        case .date:
            var date = lxw_datetime(year: Int32(cell.position / 10_000), month: Int32(cell.position / 100 % 100),
                                    day: Int32(cell.position % 100), hour: 0, min: 0, sec: 0)
            result = worksheet_write_datetime(sheet, cRow, cColumn, &date, format)
        case .refused:
            throw XLSXError(message: "\(context()): \(problems[cell.position])")
        }
        try check(result, context)
    }
}
