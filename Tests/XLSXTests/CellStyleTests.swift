import Testing
import XLSX
import XLSXReader

/// Styles become formats once, and read back as they were asked for.
@Suite struct CellStyleTests {
    @Test func everyStylePropertyReadsBack() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("styles.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Styles")
        let styles: [CellStyle] = [
            CellStyle(bold: true, italic: true, fontColor: 0x000000),
            CellStyle(fontColor: 0x1F4E79, backgroundColor: 0xFFFF00),
            CellStyle(numberFormat: "#,##0.00", border: true),
            CellStyle(textWrap: true, alignment: .center),
            CellStyle(numberFormat: "0.00", alignment: .right),
        ]
        for (row, style) in styles.enumerated() {
            try sheet.write(Double(row) + 0.5, row: row, column: 0, format: workbook.addFormat(style))
        }
        try workbook.close()

        let read = try #require(XLSXDocument(path: path).sheet(named: "Styles"))
        let first = try #require(read.cell("A1")?.style)
        #expect(first.bold && first.italic)
        #expect(first.fontColor == 0x000000)
        let second = try #require(read.cell("A2")?.style)
        #expect(second.fontColor == 0x1F4E79)
        #expect(second.backgroundColor == 0xFFFF00)
        #expect(!second.bold)
        let third = try #require(read.cell("A3")?.style)
        #expect(third.numberFormatCode == "#,##0.00")
        #expect(third.border)
        let fourth = try #require(read.cell("A4")?.style)
        #expect(fourth.textWrap)
        #expect(fourth.horizontalAlignment == "center")
        #expect(fourth.numberFormatCode == "General")
        #expect(read.cell("A5")?.style.numberFormatCode == "0.00")
        #expect(read.cell("A5")?.style.horizontalAlignment == "right")
    }

    @Test func equalStylesShareOneFormat() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("cache.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Sheet")
        for row in 0..<50 {
            try sheet.write("x", row: row, column: 0, format: workbook.addFormat(CellStyle(bold: true)))
            try sheet.write(1, row: row, column: 1, format: workbook.addFormat(CellStyle(numberFormat: "0.0")))
        }
        try workbook.close()
        let read = try #require(XLSXDocument(path: path).sheet(named: "Sheet"))
        let boldIndexes = Set((0..<50).compactMap { read.cell(row: $0, column: 0)?.styleIndex })
        let numberIndexes = Set((0..<50).compactMap { read.cell(row: $0, column: 1)?.styleIndex })
        #expect(boldIndexes.count == 1)
        #expect(numberIndexes.count == 1)
        #expect(boldIndexes != numberIndexes)
    }

    @Test(arguments: ChartKind.allCases)
    func everyChartKindReadsBackAsItself(kind: ChartKind) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("chart-\(kind).xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Data & Charts")
        for row in 0..<4 {
            try sheet.write("Row \(row)", row: row, column: 0)
            try sheet.write(Double(row * 10), row: row, column: 1)
        }
        let chart = workbook.addChart(kind)
        chart.addSeries(name: "Values", categories: SheetRange(sheet: "Data & Charts", column: 0, rows: 0...3),
                        values: SheetRange(sheet: "Data & Charts", column: 1, rows: 0...3))
        try sheet.insert(chart, row: 5, column: 0)
        try workbook.close()

        let read = try #require(XLSXDocument(path: path).charts.first)
        let expected: ChartType = switch kind {
        case .column: .column
        case .bar: .bar
        case .line: .line
        case .pie: .pie
        }
        #expect(read.type == expected)
        #expect(read.series.first?.categories == "'Data & Charts'!$A$1:$A$4")
        #expect(read.series.first?.values == "'Data & Charts'!$B$1:$B$4")
        #expect(read.series.first?.name == "Values")
    }
}
