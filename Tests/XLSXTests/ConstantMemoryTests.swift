import Testing
import XLSX
import XLSXReader

/// Large sheets stream to disk row by row; rows must come in order.
@Suite struct ConstantMemoryTests {
    @Test func writesOneHundredThousandRows() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("large.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Credits")
        let date = workbook.addFormat(CellStyle(numberFormat: "yyyy-mm-dd"))
        try sheet.write("Award", row: 0, column: 0)
        try sheet.write("Hours", row: 0, column: 1)
        try sheet.write("Posted", row: 0, column: 2)
        let rows = 100_000
        for row in 1...rows {
            try sheet.write("award-\(row)", row: row, column: 0)
            try sheet.write(Double(row % 40) / 2, row: row, column: 1)
            try sheet.write(date: 2026, month: 3, day: row % 28 + 1, row: row, column: 2, format: date)
        }
        try workbook.close()

        let credits = try #require(XLSXDocument(path: path).sheet(named: "Credits"))
        #expect(credits.rowCount == rows + 1)
        #expect(credits.cells.count == 3 * (rows + 1))
        #expect(credits.cell(row: rows, column: 0)?.value == .string("award-\(rows)"))
        #expect(credits.cell(row: rows, column: 0)?.stringStorage == .inline)
        #expect(credits.cell(row: 12_345, column: 1)?.value == .number(Double(12_345 % 40) / 2))
        #expect(credits.cell(row: 99_999, column: 2)?.value == .number(excelSerial(year: 2026, month: 3, day: 99_999 % 28 + 1)))
    }

    @Test func writingAnEarlierRowThrows() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let workbook = try Workbook(path: folder.file("order.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Progress")
        try sheet.write("first", row: 5, column: 1)
        try sheet.write("same row, earlier column", row: 5, column: 0)
        let error = try #require(throws: XLSXError.self) { try sheet.write("late", row: 2, column: 0) }
        #expect(error.message.contains("row by row"))
        #expect(error.message.contains("A3"))
        try workbook.close()
    }

    @Test func anyOrderWorksWithoutConstantMemory() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("random.xlsx")
        let workbook = try Workbook(path: path, constantMemory: false)
        let sheet = try workbook.addWorksheet(named: "Progress")
        try sheet.write("below", row: 5, column: 0)
        try sheet.write("above", row: 2, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 5, lastColumn: 0)
        try workbook.close()
        let progress = try #require(XLSXDocument(path: path).sheet(named: "Progress"))
        #expect(progress.cell("A3")?.value == .string("above"))
        #expect(progress.cell("A6")?.value == .string("below"))
        #expect(progress.autofilterRange == "A1:A6")
    }

    @Test func aLateAutofilterSaysWhy() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let workbook = try Workbook(path: folder.file("filter.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Progress")
        for row in 0..<10 { try sheet.write(Double(row), row: row, column: 0) }
        let error = try #require(throws: XLSXError.self) {
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 5, lastColumn: 0)
        }
        #expect(error.message.contains("before writing past its last row"))
    }

    @Test func rowsPastExcelsLimitThrow() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("limit.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Big")
        try sheet.write("last", row: Worksheet.maxRows - 1, column: 0)
        let error = try #require(throws: XLSXError.self) {
            try sheet.write("past", row: Worksheet.maxRows, column: 0)
        }
        #expect(error.message.contains("outside Excel's rows"))
        #expect(error.message.contains(path))
        #expect(throws: XLSXError.self) { try sheet.write(1, row: -1, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write(1, row: 0, column: Worksheet.maxColumns) }
        try workbook.close()
        let big = try #require(XLSXDocument(path: path).sheet(named: "Big"))
        #expect(big.cell("A1048576")?.value == .string("last"))
    }
}
