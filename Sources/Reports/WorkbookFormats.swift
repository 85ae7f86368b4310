import XLSX

/// The formats every sheet of a report workbook shares, made once per workbook.
struct WorkbookFormats {
    /// Column headers: bold on a filled, bordered cell.
    let header: CellFormat
    /// The title above a small table below the main one.
    let title: CellFormat
    /// The title row of a sheet: what it is, the month and the as-of date.
    let sheetTitle: CellFormat
    /// The totals row under a table.
    let totalLabel: CellFormat
    let totalHours: CellFormat
    let totalCount: CellFormat
    let date: CellFormat
    /// Hours: one decimal at least, two when there are hundredths (10.0, 7.5, 7.25).
    let hours: CellFormat
    let count: CellFormat
    /// Rows of educators who are behind: amber.
    let behind: CellFormat
    /// Rows of educators whose term ends short of hours: red.
    let endingShort: CellFormat

    static let dateFormat = "yyyy-mm-dd"
    static let hoursFormat = "0.0#"
    static let countFormat = "#,##0"

    init(_ workbook: Workbook) {
        header = workbook.addFormat(CellStyle(bold: true, backgroundColor: 0xD9E1F2, border: true))
        title = workbook.addFormat(CellStyle(bold: true))
        sheetTitle = workbook.addFormat(CellStyle(bold: true, fontColor: 0x1F3864))
        totalLabel = workbook.addFormat(CellStyle(bold: true, border: true))
        totalHours = workbook.addFormat(CellStyle(bold: true, numberFormat: Self.hoursFormat, border: true))
        totalCount = workbook.addFormat(CellStyle(bold: true, numberFormat: Self.countFormat, border: true))
        date = workbook.addFormat(CellStyle(numberFormat: Self.dateFormat))
        hours = workbook.addFormat(CellStyle(numberFormat: Self.hoursFormat))
        count = workbook.addFormat(CellStyle(numberFormat: Self.countFormat))
        behind = workbook.addFormat(CellStyle(fontColor: 0x9C5700, backgroundColor: 0xFFEB9C))
        endingShort = workbook.addFormat(CellStyle(fontColor: 0x9C0006, backgroundColor: 0xFFC7CE))
    }
}
