internal import CXLSXWriter

/// Column widths, frozen panes and filters: how a sheet looks when it is opened.
extension Worksheet {
    /// Sets the width of columns `first...last`, in Excel's units (characters of the default
    /// font), and optionally a format for their empty cells.
    public func setColumn(_ first: Int, _ last: Int, width: Double, format: CellFormat? = nil) throws {
        let context = "Cannot set the width of columns \(first)...\(last) on \(place)"
        let sheet = try openHandle(context)
        let block = try CellBlock(firstRow: 0, firstColumn: first, lastRow: 0, lastColumn: last, context)
        guard width.isFinite, width >= 0, width <= 255 else {
            throw XLSXError(message: "\(context): \(width) is not a column width between 0 and 255.")
        }
        let cFormat = try format.map { try $0.resolve(in: workbook, context) }
        if let problem = LibraryError.check(
            worksheet_set_column(sheet, block.first.column, block.last.column, width, cFormat), context) {
            throw problem
        }
    }

    /// Freezes the rows above `row` and the columns left of `column`, so they stay in view while
    /// scrolling: `freezePanes(row: 1, column: 0)` keeps a header row visible.
    ///
    /// Values off the grid are clamped to it; after the workbook is closed this does nothing.
    public func freezePanes(row: Int, column: Int) {
        guard !workbook.isClosed else { return }
        let row = min(max(row, 0), Worksheet.maxRows - 1)
        let column = min(max(column, 0), Worksheet.maxColumns - 1)
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// Adds Excel's filter drop-downs to the header row `firstRow` of the given range.
    ///
    /// In a constant-memory workbook libxlsxwriter accepts the filter only while its last row has
    /// not been passed yet: call this before writing the rows below the range (right after the
    /// header, with the number of rows to come).
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let context = "Cannot add an autofilter on \(place)"
        let sheet = try openHandle(context)
        let block = try CellBlock(firstRow: firstRow, firstColumn: firstColumn,
                                  lastRow: lastRow, lastColumn: lastColumn, context)
        let result = worksheet_autofilter(sheet, block.first.row, block.first.column, block.last.row, block.last.column)
        if result == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, workbook.constantMemory {
            // The range is on the grid (checked above), so its last row has been flushed already.
            throw XLSXError(
                message: "\(context) (\(block)): rows below the range have already been written; "
                    + "in a constant-memory workbook add the autofilter before writing past its last row.",
                code: LibraryError.code(result))
        }
        if let problem = LibraryError.check(result, "\(context) (\(block))") { throw problem }
    }
}
