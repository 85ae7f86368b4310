internal import CXLSXWriter

/// How a sheet prints: what HR sees when the sheet goes to paper or to a PDF.
extension Worksheet {
    /// Landscape pages, the sheet fitted to one page wide (as many pages tall as it needs),
    /// rows `repeatedRows` repeated at the top of every page (the title and header rows), and a
    /// footer with the page number, so that a printed report can be read page by page.
    public func setPrintLayout(repeatedRows: ClosedRange<Int>) throws {
        let context = "Cannot set the print layout of \(place)"
        let sheet = try openHandle(context)
        let first = try CellBlock(firstRow: repeatedRows.lowerBound, firstColumn: 0,
                                  lastRow: repeatedRows.upperBound, lastColumn: 0, context)
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        if let problem = LibraryError.check(worksheet_repeat_rows(sheet, first.first.row, first.last.row), context) {
            throw problem
        }
        if let problem = LibraryError.check(worksheet_set_footer(sheet, "&L&A&RPage &P of &N"), context) {
            throw problem
        }
    }
}
