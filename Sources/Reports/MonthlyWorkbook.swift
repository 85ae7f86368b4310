import Relicensure
import XLSX

/// The monthly HR workbook (SPEC §6): the six sheets of `MonthlyReportSheets`, formatted for
/// people, with the Progress rows of educators who are behind or ending short highlighted and
/// two charts on the Summary sheet (hours by district, hours credited by month).
public enum MonthlyWorkbook {
    /// Data rows one sheet holds: Excel's 1,048,576 rows less the title, the header and the
    /// totals rows.
    public static let maxDataRowsPerSheet = Worksheet.maxRows - 3

    /// The charts' height, and the rows one takes at that height (288 × 0.75 pixels, 20 a row).
    static let chartHeight = 0.75
    static let chartRows = 12

    /// Writes the workbook to `path` (the caller makes that a temporary name: see
    /// `MonthlyReportFiles`), reading each sheet's rows as it writes them; returns the number of
    /// data rows of each sheet by name. `maxDataRowsPerSheet` is lowered only by tests, to see a
    /// table continue on a second sheet without writing a million rows.
    @discardableResult
    public static func write(_ sheets: MonthlyReportSheets, to path: String,
                             maxDataRowsPerSheet: Int = maxDataRowsPerSheet) throws -> [String: Int] {
        let workbook = try Workbook(path: path, constantMemory: true)
        workbook.setDocumentProperties(title: "Re-licensure hours, \(sheets.month) (as of \(sheets.asOf))",
                                       author: "relicensure")
        let formats = WorkbookFormats(workbook)
        let writer = TableSheetWriter(workbook: workbook, formats: formats, maxDataRows: maxDataRowsPerSheet)
        var rowCounts: [String: Int] = [:]
        // SPEC §6 "For people": each sheet says what it is, for which month and as of when.
        func title(_ what: String) -> String { "\(what) — report for \(sheets.month), as of \(sheets.asOf)" }
        func count(_ rows: ReportRows, _ parts: [TableSheetWriter.Part]) {
            rowCounts[rows.name] = parts.reduce(0) { $0 + $1.rowCount }
        }

        let summary = try writer.write(sheets.summary, title: title("Hours by district and school"),
                                       totalled: Array(sheets.summary.columns.dropFirst(4)), blocks: [
            TableSheetWriter.Block(title: "Hours by district", table: sheets.districtTotals),
            TableSheetWriter.Block(title: "Hours credited by month", table: sheets.hoursByMonth),
        ])
        count(sheets.summary, summary.parts)
        if let sheet = summary.parts.last?.sheet {
            try drawCharts(on: sheet, districts: summary.blocks.first,
                           months: summary.blocks.dropFirst().first, workbook: workbook, month: sheets.month)
        }
        count(sheets.credits, try writer.write(sheets.credits, title: title("Ledger entries posted in the month"),
                                               totalled: ["net_hours"]).parts)
        let progress = try writer.write(sheets.progress, title: title("Progress of every active educator this term"),
                                        totalled: ["credited_hours", "other_hours", "total_hours", "remaining_hours"])
        count(sheets.progress, progress.parts)
        if let status = sheets.progress.columns.firstIndex(of: "status") {
            for part in progress.parts where part.rowCount > 0 {
                for (text, format) in [(ProgressStatus.behind, formats.behind), (.endingShort, formats.endingShort)] {
                    try part.sheet.conditionalFormat(firstRow: TableSheetWriter.firstDataRow, firstColumn: 0,
                                                     lastRow: part.lastDataRow,
                                                     lastColumn: sheets.progress.columns.count - 1,
                                                     rowsWhereColumn: status, equals: text.rawValue, format: format)
                }
            }
        }
        count(sheets.pending, try writer.write(sheets.pending, title: title("Awards waiting for the district's decision")).parts)
        count(sheets.exceptions, try writer.write(sheets.exceptions,
                                                  title: title("Awards first seen in the month and not credited")).parts)
        count(sheets.open, try writer.write(sheets.open,
                                            title: title("Every exception not yet resolved, whatever its month, oldest first")).parts)
        try workbook.close()
        return rowCounts
    }

    /// The charts draw the blocks below the Summary table and sit beside them, one above the
    /// other, at three quarters of their default height: the Summary table is wide, and a chart to
    /// its right would be off the first screen (SPEC §6 "For people"). Hours by district (this
    /// term, and credited in the month), and hours credited by month. A block without rows (no
    /// educators yet) has nothing to draw, so its chart is left out.
    private static func drawCharts(on sheet: Worksheet, districts: TableSheetWriter.PlacedBlock?,
                                   months: TableSheetWriter.PlacedBlock?, workbook: Workbook, month: ReportMonth) throws {
        let widest = max(districts?.table.columns.count ?? 0, months?.table.columns.count ?? 0)
        let column = widest + 1
        let top = (districts ?? months).map { $0.firstDataRow - 2 } ?? TableSheetWriter.firstDataRow
        if let districts, let rows = districts.rows {
            let chart = workbook.addChart(.column)
            chart.setTitle("Hours by district")
            chart.setAxisTitles(x: "District", y: "Hours")
            let names = SheetRange(sheet: districts.sheetName, column: districts.table.column(named: "district_name") ?? 0,
                                   rows: rows)
            for (name, series) in [("Hours this term", "total_hours"), ("Hours credited in \(month)", "hours_in_month")] {
                guard let values = districts.table.column(named: series) else { continue }
                chart.addSeries(name: name, categories: names,
                                values: SheetRange(sheet: districts.sheetName, column: values, rows: rows))
            }
            try sheet.insert(chart, row: top, column: column, height: chartHeight)
        }
        if let months, let rows = months.rows {
            let chart = workbook.addChart(.column)
            chart.setTitle("Hours credited by month")
            chart.setAxisTitles(x: "Month", y: "Hours")
            chart.addSeries(name: "Hours credited", categories: SheetRange(sheet: months.sheetName, column: 0, rows: rows),
                            values: SheetRange(sheet: months.sheetName, column: 1, rows: rows))
            try sheet.insert(chart, row: top + chartRows, column: column, height: chartHeight)
        }
    }
}
