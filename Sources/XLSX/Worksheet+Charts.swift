internal import CXLSXWriter

/// Placing charts on a sheet.
extension Worksheet {
    /// Places `chart` with its top-left corner at the cell `row`, `column`, its default size
    /// (480 × 288 pixels) scaled by `width` and `height`.
    ///
    /// A chart needs at least one series and can be placed only once, in a sheet of the workbook
    /// that made it.
    public func insert(_ chart: Chart, row: Int, column: Int, width: Double = 1, height: Double = 1) throws {
        let context = "Cannot insert the \(chart.kind) chart at \(CellAddress.name(row: row, column: column)) on \(place)"
        let sheet = try openHandle(context)
        let cell = try CellAddress(row: row, column: column, context)
        for scale in [width, height] where !(scale.isFinite && scale > 0 && scale <= 10) {
            throw XLSXError(message: "\(context): \(scale) is not a scale between 0 and 10.")
        }
        let cChart = try chart.readyToInsert(into: workbook, context)
        var options = lxw_chart_options()
        options.x_scale = width
        options.y_scale = height
        if let problem = LibraryError.check(worksheet_insert_chart_opt(sheet, cell.row, cell.column, cChart, &options),
                                            context) {
            throw problem
        }
        chart.markInserted()
    }
}
