import Foundation
internal import CXLSXWriter

/// A chart in a workbook, drawn from ranges of its sheets.
///
/// Made by `Workbook.addChart`, given series and titles, then placed once with
/// `Worksheet.insert(_:row:column:)`. The setters cannot throw, so a mistake in one (a range off
/// the grid, a text with a NUL) is kept and reported by the insert, which then refuses the chart.
public final class Chart {
    /// The kind chosen in `Workbook.addChart`.
    public let kind: ChartKind
    private let workbook: Workbook
    /// Valid while `workbook` is open: checked before every use.
    private let handle: UnsafeMutablePointer<lxw_chart>?
    private var problem: XLSXError?
    private var seriesCount = 0
    private var isInserted = false

    init(kind: ChartKind, workbook: Workbook, handle: UnsafeMutablePointer<lxw_chart>?, problem: XLSXError?) {
        self.kind = kind
        self.workbook = workbook
        self.handle = handle
        self.problem = problem
    }

    /// Adds a series named `name` (shown in the legend) whose categories (the labels along the
    /// axis, or the pie's slices) and values come from the given ranges.
    public func addSeries(name: String, categories: SheetRange, values: SheetRange) {
        record {
            let context = "Cannot add the series '\(name)' to the \(kind) chart"
            guard let chart = try openHandle(context) else { return }
            try Chart.checkLiteral(name, context)
            let categoryCells = try Chart.block(of: categories, "\(context): its categories")
            let valueCells = try Chart.block(of: values, "\(context): its values")
            guard let series = chart_add_series(chart, nil, nil) else {
                throw XLSXError(message: "\(context): libxlsxwriter could not allocate the series.")
            }
            // libxlsxwriter copies each of these strings.
            name.withCString { chart_series_set_name(series, $0) }
            try CString.with(categories.sheet, context) {
                chart_series_set_categories(series, $0, categoryCells.first.row, categoryCells.first.column,
                                            categoryCells.last.row, categoryCells.last.column)
            }
            try CString.with(values.sheet, context) {
                chart_series_set_values(series, $0, valueCells.first.row, valueCells.first.column,
                                        valueCells.last.row, valueCells.last.column)
            }
            seriesCount += 1
        }
    }

    /// Sets the title shown above the chart; setting it again replaces it.
    public func setTitle(_ title: String) {
        record {
            let context = "Cannot set the title of the \(kind) chart"
            guard let chart = try openHandle(context) else { return }
            try Chart.checkLiteral(title, context)
            // libxlsxwriter overwrites an earlier title without freeing it.
            free(chart.pointee.title.name)
            chart.pointee.title.name = nil
            title.withCString { chart_title_set_name(chart, $0) }
        }
    }

    /// Sets the titles of the horizontal (`x`) and vertical (`y`) axes; `nil` leaves one as it
    /// is. A pie chart has no axes and ignores them.
    public func setAxisTitles(x: String?, y: String?) {
        record {
            let context = "Cannot set the axis titles of the \(kind) chart"
            guard let chart = try openHandle(context) else { return }
            for (title, axis) in [(x, chart.pointee.x_axis), (y, chart.pointee.y_axis)] {
                guard let title, let axis else { continue }
                try Chart.checkLiteral(title, context)
                free(axis.pointee.title.name)
                axis.pointee.title.name = nil
                title.withCString { chart_axis_set_name(axis, $0) }
            }
        }
    }

    // MARK: - For Worksheet.insert

    /// The C chart, or why it cannot be inserted into a sheet of `sheetWorkbook`.
    func readyToInsert(into sheetWorkbook: Workbook, _ context: String) throws -> UnsafeMutablePointer<lxw_chart> {
        guard sheetWorkbook === workbook else {
            throw XLSXError(message: "\(context): the chart was made by another workbook.")
        }
        if let problem { throw XLSXError(message: "\(context): \(problem.message)", code: problem.code) }
        guard let handle else { throw XLSXError(message: "\(context): libxlsxwriter could not allocate the chart.") }
        guard seriesCount > 0 else { throw XLSXError(message: "\(context): the chart has no series.") }
        guard !isInserted else { throw XLSXError(message: "\(context): the chart has already been inserted.") }
        return handle
    }

    func markInserted() {
        isInserted = true
    }

    // MARK: - Helpers

    /// Runs a setter, keeping its first error for `readyToInsert`.
    private func record(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as XLSXError {
            problem = problem ?? error
        } catch {
            problem = problem ?? XLSXError(message: "\(error)")
        }
    }

    /// The C chart, or `nil` when libxlsxwriter could not make it (already kept as the problem).
    private func openHandle(_ context: String) throws -> UnsafeMutablePointer<lxw_chart>? {
        _ = try workbook.openHandle(context)
        return handle
    }

    /// libxlsxwriter reads a name that starts with `=` as a formula, and C stops at a NUL; both
    /// would show something other than the text given.
    private static func checkLiteral(_ text: String, _ context: String) throws {
        if let problem = CString.problem(text, context) { throw problem }
        if text.hasPrefix("=") {
            throw XLSXError(message: "\(context): the text '\(text)' starts with '=', which Excel would read as a formula.")
        }
    }

    private static func block(of range: SheetRange, _ context: String) throws -> CellBlock {
        guard !range.sheet.isEmpty else { throw XLSXError(message: "\(context) name no sheet.") }
        return try CellBlock(firstRow: range.firstRow, firstColumn: range.firstColumn,
                             lastRow: range.lastRow, lastColumn: range.lastColumn,
                             "\(context) on sheet '\(range.sheet)'")
    }
}
