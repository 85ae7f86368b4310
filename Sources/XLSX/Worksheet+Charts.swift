internal import CXLSXWriter

/// Placing charts on a sheet.
extension Worksheet {
    /// Places `chart` with its top-left corner at the cell `row`, `column`.
    ///
    /// A chart needs at least one series and can be placed only once, in a sheet of the workbook
    /// that made it.
    public func insert(_ chart: Chart, row: Int, column: Int) throws {
        let context = "Cannot insert the \(chart.kind) chart at \(CellAddress.name(row: row, column: column)) on \(place)"
        let sheet = try openHandle(context)
        let cell = try CellAddress(row: row, column: column, context)
        let cChart = try chart.readyToInsert(into: workbook, context)
        if let problem = LibraryError.check(worksheet_insert_chart(sheet, cell.row, cell.column, cChart), context) {
            throw problem
        }
        chart.markInserted()
    }
}
