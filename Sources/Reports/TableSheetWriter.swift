import CSV
import Relicensure
import XLSX

/// Writes report tables into worksheets the way people expect to find them: a bold, filled
/// header row that stays in view, filter drop-downs, columns wide enough for their contents,
/// real numbers and dates. The workbook is in constant-memory mode, so every sheet is written
/// row by row from the top, and the autofilter is set right after the header.
struct TableSheetWriter {
    let workbook: Workbook
    let formats: WorkbookFormats
    /// Data rows per sheet. Excel holds 1,048,576 rows including the header; a longer table
    /// continues on sheets named `Credits (2)`, `Credits (3)`, … each with its own header, so
    /// no row is ever dropped.
    let maxDataRows: Int

    /// One sheet a table was written to, and where its data rows are.
    struct Part {
        let sheet: Worksheet
        /// Data rows of the table on this sheet (rows 1 through `rowCount`).
        let rowCount: Int
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

    /// Writes `table`, continuing on further sheets when it has more rows than one can hold;
    /// `blocks` go below the table on its last sheet, a blank row and a title before each.
    func write(_ table: ReportTable, blocks: [Block] = []) throws -> (parts: [Part], blocks: [PlacedBlock]) {
        let perSheet = max(maxDataRows, 1)
        let chunks = stride(from: 0, to: max(table.rows.count, 1), by: perSheet).map { start in
            table.rows[start..<min(start + perSheet, table.rows.count)]
        }
        var parts: [Part] = []
        var placed: [PlacedBlock] = []
        for (index, rows) in chunks.enumerated() {
            let isLast = index == chunks.count - 1
            let sheet = try workbook.addWorksheet(named: index == 0 ? table.name : "\(table.name) (\(index + 1))")
            let below = isLast ? blocks : []
            try setWidths(of: sheet, tables: [(table.columns, rows)] + below.map { ($0.table.columns, $0.table.rows[...]) })
            try writeHeader(table.columns, sheet: sheet, row: 0)
            sheet.freezePanes(row: 1, column: 0)
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: rows.count, lastColumn: max(table.columns.count - 1, 0))
            var row = 1
            for values in rows {
                try writeRow(values, sheet: sheet, row: row)
                row += 1
            }
            for block in below {
                row += 1
                try sheet.write(CellText.neutralised(block.title), row: row, column: 0, format: formats.title)
                try writeHeader(block.table.columns, sheet: sheet, row: row + 1)
                row += 2
                placed.append(PlacedBlock(sheetName: sheet.name, firstDataRow: row, rowCount: block.table.rows.count,
                                          table: block.table))
                for values in block.table.rows {
                    try writeRow(values, sheet: sheet, row: row)
                    row += 1
                }
            }
            parts.append(Part(sheet: sheet, rowCount: rows.count))
        }
        return (parts, placed)
    }

    private func writeHeader(_ columns: [String], sheet: Worksheet, row: Int) throws {
        for (column, name) in columns.enumerated() {
            try sheet.write(CellText.neutralised(name), row: row, column: column, format: formats.header)
        }
    }

    private func writeRow(_ values: [ReportValue], sheet: Worksheet, row: Int) throws {
        for (column, value) in values.enumerated() {
            switch value {
            case .text(let text):
                try sheet.write(CellText.neutralised(text), row: row, column: column)
            case .hours(let hours):
                try sheet.write(hours.doubleValue, row: row, column: column, format: formats.hours)
            case .count(let count):
                try sheet.write(Double(count), row: row, column: column, format: formats.count)
            case .date(let date) where date.year >= 1900:
                try sheet.write(date: date.year, month: date.month, day: date.day, row: row, column: column,
                                format: formats.date)
            case .date(let date):
                // Excel has no dates before 1900; the day is still shown, as text.
                try sheet.write(date.description, row: row, column: column)
            case .empty:
                break
            }
        }
    }

    private func setWidths(of sheet: Worksheet, tables: [([String], ArraySlice<[ReportValue]>)]) throws {
        var widths: [Int] = []
        func widen(_ column: Int, to length: Int) {
            while widths.count <= column { widths.append(0) }
            widths[column] = max(widths[column], length)
        }
        for (columns, rows) in tables {
            // Two characters for the filter button beside a header.
            for (column, name) in columns.enumerated() { widen(column, to: name.count + 2) }
            for values in rows {
                for (column, value) in values.enumerated() { widen(column, to: Self.shownLength(value)) }
            }
        }
        for (column, length) in widths.enumerated() {
            let width = min(max(Double(length + 2), Self.widthLimits.lowerBound), Self.widthLimits.upperBound)
            try sheet.setColumn(column, column, width: width)
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
