internal import CXLSXWriter

/// A zero-based row and column checked against Excel's grid, ready for libxlsxwriter.
struct CellAddress: CustomStringConvertible {
    let row: lxw_row_t
    let column: lxw_col_t

    /// Checks `row` and `column`, throwing an error that starts with `context` when either is
    /// negative or past Excel's last row or column.
    init(row: Int, column: Int, _ context: @autoclosure () -> String) throws {
        guard row >= 0, row < Worksheet.maxRows else {
            throw XLSXError(message: "\(context()): row \(row) is outside Excel's rows "
                                + "0...\(Worksheet.maxRows - 1) (numbered from 0).")
        }
        guard column >= 0, column < Worksheet.maxColumns else {
            throw XLSXError(message: "\(context()): column \(column) is outside Excel's columns "
                                + "0...\(Worksheet.maxColumns - 1) (numbered from 0).")
        }
        self.row = lxw_row_t(row)
        self.column = lxw_col_t(column)
    }

    /// Excel's name for the cell, e.g. `B3` for row 2, column 1.
    var description: String { CellAddress.name(row: Int(row), column: Int(column)) }

    /// Excel's name for a zero-based cell, e.g. `AA10`; used in messages even for cells that are
    /// off the grid, so it never fails.
    static func name(row: Int, column: Int) -> String {
        guard row >= 0, column >= 0 else { return "(row \(row), column \(column))" }
        return columnName(column) + String(row + 1)
    }

    /// Excel's letters for a zero-based column: 0 is `A`, 26 is `AA`.
    static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// A rectangle of cells, checked: both corners on the grid and the first not after the last.
struct CellBlock: CustomStringConvertible {
    let first: CellAddress
    let last: CellAddress

    init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
         _ context: @autoclosure () -> String) throws {
        first = try CellAddress(row: firstRow, column: firstColumn, context())
        last = try CellAddress(row: lastRow, column: lastColumn, context())
        guard firstRow <= lastRow, firstColumn <= lastColumn else {
            throw XLSXError(message: "\(context()): the range \(first):\(last) runs backwards; give its top-left corner first.")
        }
    }

    var description: String { "\(first):\(last)" }
}
