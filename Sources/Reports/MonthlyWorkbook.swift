import Relicensure
import XLSX

/// The monthly HR workbook (SPEC §6): the six sheets of `MonthlyReportSheets`, formatted for
/// people, with the Progress rows of educators who are behind or ending short highlighted and
/// two charts on the Summary sheet (hours by district, hours credited by month).
public enum MonthlyWorkbook {
    /// Data rows one sheet holds: Excel's 1,048,576 rows less the header.
    public static let maxDataRowsPerSheet = Worksheet.maxRows - 1

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
        func count(_ rows: ReportRows, _ parts: [TableSheetWriter.Part]) {
            rowCounts[rows.name] = parts.reduce(0) { $0 + $1.rowCount }
        }

        let summary = try writer.write(sheets.summary, blocks: [
            TableSheetWriter.Block(title: "Hours by district", table: sheets.districtTotals),
            TableSheetWriter.Block(title: "Hours credited by month", table: sheets.hoursByMonth),
        ])
        count(sheets.summary, summary.parts)
        if let sheet = summary.parts.last?.sheet {
            try drawCharts(on: sheet, besideColumns: sheets.summary.columns.count, districts: summary.blocks.first,
                           months: summary.blocks.dropFirst().first, workbook: workbook, month: sheets.month)
        }
        count(sheets.credits, try writer.write(sheets.credits).parts)
        let progress = try writer.write(sheets.progress)
        count(sheets.progress, progress.parts)
        if let status = sheets.progress.columns.firstIndex(of: "status") {
            for part in progress.parts where part.rowCount > 0 {
                for (text, format) in [(ProgressStatus.behind, formats.behind), (.endingShort, formats.endingShort)] {
                    try part.sheet.conditionalFormat(firstRow: 1, firstColumn: 0, lastRow: part.rowCount,
                                                     lastColumn: sheets.progress.columns.count - 1,
                                                     rowsWhereColumn: status, equals: text.rawValue, format: format)
                }
            }
        }
        count(sheets.pending, try writer.write(sheets.pending).parts)
        count(sheets.exceptions, try writer.write(sheets.exceptions).parts)
        count(sheets.open, try writer.write(sheets.open).parts)
        try workbook.close()
        return rowCounts
    }

    /// The charts sit to the right of the Summary table and draw the blocks below it: hours by
    /// district (this term, and credited in the month), and hours credited by month. A block
    /// without rows (no educators yet) has nothing to draw, so its chart is left out.
    private static func drawCharts(on sheet: Worksheet, besideColumns tableColumns: Int,
                                   districts: TableSheetWriter.PlacedBlock?, months: TableSheetWriter.PlacedBlock?,
                                   workbook: Workbook, month: ReportMonth) throws {
        let column = tableColumns + 1
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
            try sheet.insert(chart, row: 1, column: column)
        }
        if let months, let rows = months.rows {
            let chart = workbook.addChart(.column)
            chart.setTitle("Hours credited by month")
            chart.setAxisTitles(x: "Month", y: "Hours")
            chart.addSeries(name: "Hours credited", categories: SheetRange(sheet: months.sheetName, column: 0, rows: rows),
                            values: SheetRange(sheet: months.sheetName, column: 1, rows: rows))
            try sheet.insert(chart, row: 17, column: column)
        }
    }
}
