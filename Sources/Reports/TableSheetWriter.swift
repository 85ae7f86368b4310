import CSV
import Relicensure
import XLSX

/// Writes report tables into worksheets the way people expect to find them: a title row that
/// says what the sheet is and as of when, a bold, filled header row below it that stays in view
/// with the title, filter drop-downs, columns wide enough for their contents, real numbers and
/// dates, totals under the columns that add up, and print settings (landscape, one page wide,
/// title and header repeated on every page). The workbook is in constant-memory mode, so every sheet is written
/// row by row from the top as its rows arrive, and nothing but the sheet in progress is held.
struct TableSheetWriter {
    let workbook: Workbook
    let formats: WorkbookFormats
    /// Data rows per sheet. Excel holds 1,048,576 rows including the header; a longer table
    /// continues on sheets named `Credits (2)`, `Credits (3)`, … each with its own header, so
    /// no row is ever dropped.
    let maxDataRows: Int

    /// The title row (SPEC §6 "For people"), the header row, and where data begins.
    static let titleRow = 0
    static let headerRow = 1
    static let firstDataRow = 2

    /// One sheet a table was written to, and where its data rows are.
    struct Part {
        let sheet: Worksheet
        /// Data rows of the table on this sheet (rows `firstDataRow` through `lastDataRow`).
        let rowCount: Int

        /// The last data row, or the header row when there is none.
        var lastDataRow: Int { TableSheetWriter.headerRow + rowCount }
    }

    /// A small table written below the main one, e.g. the totals a chart draws.
    struct Block {
        let title: String
        let table: ReportTable
    }

    /// Where a block was written: its data rows are `firstDataRow ..< firstDataRow + rowCount`.
    struct PlacedBlock {
        let sheetName: String
        let firstDataRow: Int
        let rowCount: Int
        let table: ReportTable

        /// The rows of its data, `nil` when it has none.
        var rows: ClosedRange<Int>? {
            rowCount > 0 ? firstDataRow...(firstDataRow + rowCount - 1) : nil
        }
    }

    /// The column widths Excel is given: wide enough for the header (and its filter button)
    /// and the longest value, within reason.
    static let widthLimits = 8.0...60.0

    /// Writes `rows` as they are produced under the title row `title`, continuing on further
    /// sheets when there are more than one can hold; below the table on its last sheet, the
    /// totals of the columns `totalled` names (of all the table's rows), then `blocks`, a blank
    /// row and a title before each.
    ///
    /// The workbook is written row by row, so what depends on the number of rows or on their
    /// contents comes after them: the autofilter once a sheet's last row is written (its range
    /// ends on the row being written, which libxlsxwriter still holds), the column widths when the
    /// sheet is complete (kept aside until the workbook is closed).
    func write(_ rows: ReportRows, title: String, totalled: [String] = [],
               blocks: [Block] = []) throws -> (parts: [Part], blocks: [PlacedBlock]) {
        let perSheet = max(maxDataRows, 1)
        let slots = formatSlots
        var parts: [Part] = []
        var totals = ColumnTotals()
        var current = try startSheet(rows, title: title, number: 1)
        // The rows are read and made into cells on a thread of their own, a few chunks ahead;
        // this thread only hands the cells to libxlsxwriter. Pieces never cross from one sheet
        // to the next, so each is written whole.
        try rows.forEachChunk(preparedAhead: { chunk, firstRow in
            Self.pieces(of: chunk, firstRow: firstRow, perSheet: perSheet)
        }) { pieces in
            for piece in pieces where piece.cells.rowCount > 0 {
                if current.rowCount == perSheet {
                    parts.append(try finish(current, columns: rows.columns))
                    current = try startSheet(rows, title: title, number: parts.count + 1)
                }
                try current.sheet.write(piece.cells, rows: 0..<piece.cells.rowCount,
                                        at: current.rowCount + Self.firstDataRow, formats: slots)
                current.widths.widen(to: piece.lengths)
                totals.add(piece.totals)
                current.rowCount += piece.cells.rowCount
            }
        }
        try setAutofilter(current, columns: rows.columns)
        var row = current.rowCount + Self.firstDataRow
        let columnsTotalled = totalled.compactMap { rows.columns.firstIndex(of: $0) }
        if !columnsTotalled.isEmpty {
            try writeTotals(totals, columns: columnsTotalled, sheet: current.sheet, row: row,
                            label: parts.isEmpty ? "Total" : "Total (all \(parts.count + 1) sheets)")
            row += 1
        }
        var placed: [PlacedBlock] = []
        for block in blocks {
            row += 1
            try current.sheet.write(CellText.neutralised(block.title), row: row, column: 0, format: formats.title)
            try writeHeader(block.table.columns, sheet: current.sheet, row: row + 1, widths: &current.widths)
            row += 2
            placed.append(PlacedBlock(sheetName: current.sheet.name, firstDataRow: row, rowCount: block.table.rows.count,
                                      table: block.table))
            let piece = Self.prepare(block.table.rows[...])
            try current.sheet.write(piece.cells, rows: 0..<piece.cells.rowCount, at: row, formats: slots)
            current.widths.widen(to: piece.lengths)
            row += piece.cells.rowCount
        }
        try current.widths.apply(to: current.sheet)
        parts.append(Part(sheet: current.sheet, rowCount: current.rowCount))
        return (parts, placed)
    }

    /// The formats prepared cells name by slot (`Slot`).
    private var formatSlots: [CellFormat] { [formats.date, formats.hours, formats.count] }

    private enum Slot: Int {
        case date, hours, count
    }

    /// Rows made into cells, all on one sheet, with the length each column needs for them.
    struct Piece: Sendable {
        var cells = PreparedRows()
        /// By column, the longest value as `shownLength` counts it (see `ColumnWidths`).
        var lengths: [Int] = []
        /// The sums of the numeric columns.
        var totals = ColumnTotals()
    }

    /// `chunk`, whose first row is row `firstRow` of the table, cut where one sheet ends and the
    /// next begins, each piece made into cells.
    static func pieces(of chunk: [[ReportValue]], firstRow: Int, perSheet: Int) -> [Piece] {
        var pieces: [Piece] = []
        var start = 0
        while start < chunk.count {
            let roomOnSheet = perSheet - (firstRow + start) % perSheet
            let end = min(chunk.count, start + roomOnSheet)
            pieces.append(prepare(chunk[start..<end]))
            start = end
        }
        return pieces
    }

    /// Makes rows into cells: text neutralised, hours, counts and dates as numbers in their
    /// formats, days before 1900 (which Excel has no dates for) as text.
    static func prepare(_ rows: ArraySlice<[ReportValue]>) -> Piece {
        var piece = Piece()
        var widths = ColumnWidths()
        for values in rows {
            for (column, value) in values.enumerated() {
                switch value {
                case .text(let text):
                    let shown = CellText.neutralised(text)
                    piece.cells.appendText(shown, column: column)
                    widths.widen(column, toFit: shown)
                case .hours(let hours):
                    piece.cells.appendNumber(hours.doubleValue, column: column, format: Slot.hours.rawValue)
                    widths.widen(column, to: shownLength(value))
                    piece.totals.add(hours, column: column)
                case .count(let count):
                    piece.cells.appendNumber(Double(count), column: column, format: Slot.count.rawValue)
                    widths.widen(column, to: shownLength(value))
                    piece.totals.add(count, column: column)
                case .date(let date) where date.year >= 1900:
                    piece.cells.appendDate(year: date.year, month: date.month, day: date.day, column: column,
                                           format: Slot.date.rawValue)
                    widths.widen(column, to: shownLength(value))
                case .date(let date):
                    // Excel has no dates before 1900; the day is still shown, as text.
                    piece.cells.appendText(date.description, column: column)
                    widths.widen(column, to: shownLength(value))
                case .empty:
                    break
                }
            }
            piece.cells.endRow()
        }
        piece.lengths = widths.lengths
        return piece
    }

    /// A sheet being written: its data rows so far and the widths they need.
    private struct SheetInProgress {
        let sheet: Worksheet
        var rowCount = 0
        var widths = ColumnWidths()
    }

    /// Adds sheet `number` of a table (`Credits`, then `Credits (2)`, …) with its title and
    /// header rows, which stay in view while scrolling and head every printed page. The title is
    /// left out of the column widths: it runs on over the columns beside it.
    private func startSheet(_ rows: ReportRows, title: String, number: Int) throws -> SheetInProgress {
        let sheet = try workbook.addWorksheet(named: number == 1 ? rows.name : "\(rows.name) (\(number))")
        var started = SheetInProgress(sheet: sheet)
        try sheet.write(CellText.neutralised(number == 1 ? title : "\(title) (continued, sheet \(number))"),
                        row: Self.titleRow, column: 0, format: formats.sheetTitle)
        try writeHeader(rows.columns, sheet: sheet, row: Self.headerRow, widths: &started.widths)
        sheet.freezePanes(row: Self.firstDataRow, column: 0)
        try sheet.setPrintLayout(repeatedRows: Self.titleRow...Self.headerRow)
        return started
    }

    /// The totals row: `label` in the first column, each sum in its column's format.
    private func writeTotals(_ totals: ColumnTotals, columns: [Int], sheet: Worksheet, row: Int, label: String) throws {
        try sheet.write(label, row: row, column: 0, format: formats.totalLabel)
        for column in columns.sorted() where column > 0 {
            switch totals.sum(column) {
            case .hours(let hours): try sheet.write(hours.doubleValue, row: row, column: column, format: formats.totalHours)
            case .count(let count): try sheet.write(Double(count), row: row, column: column, format: formats.totalCount)
            case nil: try sheet.write("", row: row, column: column, format: formats.totalCount)
            }
        }
    }

    /// Ends a full sheet that the table continues after.
    private func finish(_ sheet: SheetInProgress, columns: [String]) throws -> Part {
        try setAutofilter(sheet, columns: columns)
        try sheet.widths.apply(to: sheet.sheet)
        return Part(sheet: sheet.sheet, rowCount: sheet.rowCount)
    }

    private func setAutofilter(_ sheet: SheetInProgress, columns: [String]) throws {
        try sheet.sheet.autofilter(firstRow: Self.headerRow, firstColumn: 0, lastRow: Self.headerRow + sheet.rowCount,
                                   lastColumn: max(columns.count - 1, 0))
    }

    private func writeHeader(_ columns: [String], sheet: Worksheet, row: Int, widths: inout ColumnWidths) throws {
        for (column, name) in columns.enumerated() {
            let text = CellText.neutralised(name)
            try sheet.write(text, row: row, column: column, format: formats.header)
            // Two characters for the filter button beside a header.
            widths.widen(column, to: text.count + 2)
        }
    }

    /// About how many characters Excel shows for a value in its format.
    static func shownLength(_ value: ReportValue) -> Int {
        switch value {
        case .text(let text): CellText.neutralised(text).count
        case .hours(let hours): hours.description.count + (hours.description.contains(".") ? 0 : 2)
        case .count(let count): String(count).count + String(count).count / 3
        case .date: 10
        case .empty: 0
        }
    }
}

/// The widths a sheet's columns need, widened as its rows are written: wide enough for the
/// header (and its filter button) and the longest value, within `TableSheetWriter.widthLimits`.
struct ColumnWidths {
    /// Characters per column, as `TableSheetWriter.shownLength` counts them.
    private(set) var lengths: [Int] = []
    /// Any longer value gets the widest column there is.
    private static let longestThatMatters = Int(TableSheetWriter.widthLimits.upperBound) - 2

    mutating func widen(_ column: Int, to length: Int) {
        while lengths.count <= column { lengths.append(0) }
        if length > lengths[column] { lengths[column] = length }
    }

    /// Widens every column to at least `other`'s length for it.
    mutating func widen(to other: [Int]) {
        for (column, length) in other.enumerated() { widen(column, to: length) }
    }

    /// Widens for a text cell. Counting Characters takes a walk through the text, so it is done
    /// only when the text could be longer than what the column has already: never more
    /// Characters than UTF-8 bytes.
    mutating func widen(_ column: Int, toFit text: String) {
        let current = column < lengths.count ? lengths[column] : 0
        guard current < Self.longestThatMatters, text.utf8.count > current else { return }
        widen(column, to: text.count)
    }

    func apply(to sheet: Worksheet) throws {
        for (column, length) in lengths.enumerated() {
            let limits = TableSheetWriter.widthLimits
            let width = min(max(Double(length + 2), limits.lowerBound), limits.upperBound)
            try sheet.setColumn(column, column, width: width)
        }
    }
}

/// The sums of a table's numeric columns, kept exact: hours in hundredths, counts as counts.
struct ColumnTotals: Sendable {
    /// A column's sum, in the kind of its values.
    enum Sum: Sendable {
        case hours(ClockHours)
        case count(Int)
    }

    private var sums: [Int: Sum] = [:]

    mutating func add(_ hours: ClockHours, column: Int) {
        if case .hours(let sum) = sums[column] { sums[column] = .hours(sum + hours) } else { sums[column] = .hours(hours) }
    }

    mutating func add(_ count: Int, column: Int) {
        if case .count(let sum) = sums[column] { sums[column] = .count(sum + count) } else { sums[column] = .count(count) }
    }

    /// Adds every column of `other`.
    mutating func add(_ other: ColumnTotals) {
        for (column, sum) in other.sums {
            switch sum {
            case .hours(let hours): add(hours, column: column)
            case .count(let count): add(count, column: column)
            }
        }
    }

    func sum(_ column: Int) -> Sum? { sums[column] }
}
