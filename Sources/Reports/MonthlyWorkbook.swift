import Relicensure
import XLSX

/// The monthly HR workbook (SPEC §6): the five sheets of `MonthlyReportContent`, formatted for
/// people, with the Progress rows of educators who are behind or ending short highlighted and
/// two charts on the Summary sheet (hours by district, hours credited by month).
public enum MonthlyWorkbook {
    /// Data rows one sheet holds: Excel's 1,048,576 rows less the header.
    public static let maxDataRowsPerSheet = Worksheet.maxRows - 1

    /// Writes the workbook to `path` (the caller makes that a temporary name: see
    /// `MonthlyReportFiles`). `maxDataRowsPerSheet` is lowered only by tests, to see a table
    /// continue on a second sheet without writing a million rows.
    public static func write(_ content: MonthlyReportContent, to path: String,
                             maxDataRowsPerSheet: Int = maxDataRowsPerSheet) throws {
        let workbook = try Workbook(path: path, constantMemory: true)
        workbook.setDocumentProperties(title: "Re-licensure hours, \(content.month) (as of \(content.asOf))",
                                       author: "relicensure")
        let formats = WorkbookFormats(workbook)
        let writer = TableSheetWriter(workbook: workbook, formats: formats, maxDataRows: maxDataRowsPerSheet)

        let summary = try writer.write(content.summary, blocks: [
            TableSheetWriter.Block(title: "Hours by district", table: content.districtTotals),
            TableSheetWriter.Block(title: "Hours credited by month", table: content.hoursByMonth),
        ])
        if let sheet = summary.parts.last?.sheet {
            try drawCharts(on: sheet, beside: content.summary, districts: summary.blocks.first,
                           months: summary.blocks.dropFirst().first, workbook: workbook, month: content.month)
        }
        _ = try writer.write(content.credits)
        let progress = try writer.write(content.progress)
        if let status = content.progress.column(named: "status") {
            for part in progress.parts where part.rowCount > 0 {
                for (text, format) in [(ProgressStatus.behind, formats.behind), (.endingShort, formats.endingShort)] {
                    try part.sheet.conditionalFormat(firstRow: 1, firstColumn: 0, lastRow: part.rowCount,
                                                     lastColumn: content.progress.columns.count - 1,
                                                     rowsWhereColumn: status, equals: text.rawValue, format: format)
                }
            }
        }
        _ = try writer.write(content.pending)
        _ = try writer.write(content.exceptions)
        try workbook.close()
    }

    /// The charts sit to the right of the Summary table and draw the blocks below it: hours by
    /// district (this term, and credited in the month), and hours credited by month. A block
    /// without rows (no educators yet) has nothing to draw, so its chart is left out.
    private static func drawCharts(on sheet: Worksheet, beside table: ReportTable,
                                   districts: TableSheetWriter.PlacedBlock?, months: TableSheetWriter.PlacedBlock?,
                                   workbook: Workbook, month: ReportMonth) throws {
        let column = table.columns.count + 1
        if let districts, let rows = districts.rows {
            let chart = workbook.addChart(.column)
            chart.setTitle("Hours by district")
            chart.setAxisTitles(x: "District", y: "Hours")
            let names = SheetRange(sheet: districts.sheetName, column: districts.table.column(named: "district_name") ?? 0,
                                   rows: rows)
            for (name, series) in [("Hours this term", "hours_this_term"), ("Hours credited in \(month)", "hours_in_month")] {
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
