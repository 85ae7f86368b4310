import Testing
import XLSX
import XLSXReader

/// A workbook shaped like the monthly HR report, written and read back cell by cell.
@Suite struct MonthlyWorkbookTests {
    /// Writes the Summary and Progress sheets with every feature the report uses.
    private func writeReport(to path: String, constantMemory: Bool) throws {
        let workbook = try Workbook(path: path, constantMemory: constantMemory)
        workbook.setDocumentProperties(title: "Re-licensure — March 2026", author: "relicensure")
        let header = workbook.addFormat(CellStyle(bold: true, backgroundColor: 0xDDEBF7, border: true))
        let date = workbook.addFormat(CellStyle(numberFormat: "yyyy-mm-dd"))
        let hours = workbook.addFormat(CellStyle(numberFormat: "0.0"))
        let behind = workbook.addFormat(CellStyle(bold: true, fontColor: 0x9C0006, backgroundColor: 0xFFC7CE))

        let summary = try workbook.addWorksheet(named: "Summary")
        for (column, title) in ["District", "Hours"].enumerated() {
            try summary.write(title, row: 0, column: column, format: header)
        }
        let districts: [(String, Double)] = [("Kent", 120.5), ("New Castle", 340), ("Sussex", 98.25)]
        for (index, district) in districts.enumerated() {
            try summary.write(district.0, row: index + 1, column: 0)
            try summary.write(district.1, row: index + 1, column: 1, format: hours)
        }
        try summary.setColumn(0, 0, width: 20)
        try summary.setColumn(1, 1, width: 12)
        summary.freezePanes(row: 1, column: 0)
        let chart = workbook.addChart(.column)
        chart.setTitle("Hours")
        chart.setTitle("Hours by district")
        chart.setAxisTitles(x: "District", y: "Hours")
        chart.addSeries(name: "Hours",
                        categories: SheetRange(sheet: "Summary", column: 0, rows: 1...3),
                        values: SheetRange(sheet: "Summary", column: 1, rows: 1...3))
        try summary.insert(chart, row: 1, column: 3)

        let progress = try workbook.addWorksheet(named: "Progress")
        let columns = ["Educator", "Term end", "Hours", "Status"]
        for (column, title) in columns.enumerated() {
            try progress.write(title, row: 0, column: column, format: header)
        }
        // Before the data rows: a constant-memory sheet accepts a filter only ahead of its rows.
        try progress.autofilter(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 3)
        let rows: [(String, (Int, Int, Int), Double, String)] = [
            ("Zoë Ångström", (2026, 6, 30), 12.5, "behind"),
            ("李雷", (2027, 1, 15), 90, "on_track"),
            ("O'Brien 🎓", (2026, 3, 31), 150, "complete"),
        ]
        for (index, row) in rows.enumerated() {
            try progress.write(row.0, row: index + 1, column: 0)
            try progress.write(date: row.1.0, month: row.1.1, day: row.1.2, row: index + 1, column: 1, format: date)
            try progress.write(row.2, row: index + 1, column: 2, format: hours)
            try progress.write(row.3, row: index + 1, column: 3)
        }
        try progress.writeBlank(row: 4, column: 0, format: header)
        try progress.setColumn(0, 0, width: 24)
        try progress.setColumn(1, 3, width: 12)
        progress.freezePanes(row: 1, column: 0)
        try progress.conditionalFormat(firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 3,
                                       textContaining: "behind", format: behind)
        try progress.conditionalFormat(firstRow: 1, firstColumn: 2, lastRow: 3, lastColumn: 2,
                                       when: .lessThan(20), format: behind)
        try workbook.close()
    }

    @Test(arguments: [true, false])
    func readsBackWhatWasWritten(constantMemory: Bool) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("relicensure-2026-03.xlsx")
        try writeReport(to: path, constantMemory: constantMemory)

        #expect(try folder.contents() == ["relicensure-2026-03.xlsx"])
        let document = try XLSXDocument(path: path)
        #expect(document.sheetNames == ["Summary", "Progress"])
        #expect(document.title == "Re-licensure — March 2026")
        #expect(document.author == "relicensure")

        let progress = try #require(document.sheet(named: "Progress"))
        let storage: StringStorage = constantMemory ? .inline : .shared
        #expect(progress.cell("A2")?.value == .string("Zoë Ångström"))
        #expect(progress.cell("A2")?.stringStorage == storage)
        #expect(progress.cell("A3")?.value == .string("李雷"))
        #expect(progress.cell("A4")?.value == .string("O'Brien 🎓"))
        #expect(progress.cell("C2")?.value == .number(12.5))
        #expect(progress.cell("C2")?.numberFormatCode == "0.0")
        #expect(progress.cell("D2")?.value == .string("behind"))

        // Dates are numbers that a date format shows as dates, not text.
        let termEnd = try #require(progress.cell("B2"))
        #expect(termEnd.value == .number(excelSerial(year: 2026, month: 6, day: 30)))
        #expect(termEnd.numberFormatCode == "yyyy-mm-dd")
        #expect(termEnd.numberFormatID >= 164)
        #expect(progress.cell("B3")?.value == .number(excelSerial(year: 2027, month: 1, day: 15)))

        // The header style.
        let heading = try #require(progress.cell("A1"))
        #expect(heading.value == .string("Educator"))
        #expect(heading.style.bold)
        #expect(heading.style.border)
        #expect(heading.style.backgroundColor == 0xDDEBF7)
        #expect(progress.cell("A2")?.style.bold == false)
        #expect(progress.cell("A5")?.value == .blank)
        #expect(progress.cell("A5")?.style.bold == true)

        #expect(progress.frozenRows == 1)
        #expect(progress.frozenColumns == 0)
        #expect(progress.autofilterRange == "A1:D4")
        #expect(progress.columnWidth(0) == 24)
        #expect(progress.columnWidth(2) == 12)
        #expect(progress.columnWidth(5) == nil)

        let rules = progress.conditionalFormats
        #expect(rules.count == 2)
        let textRule = try #require(rules.first { $0.type == "containsText" })
        #expect(textRule.range == "A2:D4")
        #expect(textRule.text == "behind")
        #expect(textRule.format?.fontColor == 0x9C0006)
        #expect(textRule.format?.bold == true)
        let valueRule = try #require(rules.first { $0.type == "cellIs" })
        #expect(valueRule.range == "C2:C4")
        #expect(valueRule.comparison == "lessThan")
        #expect(valueRule.formulas == ["20"])

        let summary = try #require(document.sheet(named: "Summary"))
        #expect(summary.cell("A3")?.value == .string("New Castle"))
        #expect(summary.cell("B4")?.value == .number(98.25))
        #expect(summary.columnWidth(0) == 20)
        #expect(summary.frozenRows == 1)
        #expect(summary.rowCount == 4)
    }

    @Test func chartSeriesReferToTheSheet() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("chart.xlsx")
        try writeReport(to: path, constantMemory: true)

        let document = try XLSXDocument(path: path)
        #expect(document.containsChart)
        #expect(document.charts.count == 1)
        let chart = try #require(document.sheet(named: "Summary")?.charts.first)
        #expect(chart.type == .column)
        #expect(chart.sheet == "Summary")
        #expect(chart.anchor == CellPosition(row: 1, column: 3))
        #expect(chart.title == "Hours by district")
        #expect(chart.categoryAxisTitle == "District")
        #expect(chart.valueAxisTitle == "Hours")
        #expect(chart.series == [ChartSeriesContents(name: "Hours", categories: "Summary!$A$2:$A$4",
                                                     values: "Summary!$B$2:$B$4")])
        #expect(document.sheet(named: "Progress")?.charts.isEmpty == true)
    }
}
