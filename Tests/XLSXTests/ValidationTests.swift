import Testing
import XLSX
import XLSXReader

/// What the layer refuses before it reaches C, and what libxlsxwriter refuses in its own words.
@Suite struct ValidationTests {
    /// A workbook in its own folder, for tests that do not care about the file.
    private func scratchWorkbook(_ body: (Workbook) throws -> Void) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        try body(Workbook(path: folder.file("scratch.xlsx")))
    }

    @Test(arguments: [
        (String(repeating: "x", count: 32), "31 characters"),
        ("Q1/Q2", "[ ] : * ? / \\"),
        ("[draft]", "[ ] : * ? / \\"),
        ("'quoted'", "apostrophe"),
    ])
    func badSheetNamesCarryLibxlsxwritersReason(name: String, reason: String) throws {
        try scratchWorkbook { workbook in
            let error = try #require(throws: XLSXError.self) { try workbook.addWorksheet(named: name) }
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.message.contains(name))
            #expect(error.code != nil)
        }
    }

    @Test func sheetNamesMustBeUniqueAndNotEmpty() throws {
        try scratchWorkbook { workbook in
            _ = try workbook.addWorksheet(named: "Summary")
            let duplicate = try #require(throws: XLSXError.self) { try workbook.addWorksheet(named: "summary") }
            #expect(duplicate.message.contains("already in use"))
            #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "") }
            #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: "Nul\u{0}Sheet") }
            // 31 characters, even non-ASCII ones, are allowed.
            _ = try workbook.addWorksheet(named: String(repeating: "é", count: 31))
        }
    }

    @Test func textWithNulIsRefusedNotCut() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("nul.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Sheet")
        let error = try #require(throws: XLSXError.self) { try sheet.write("half\u{0}hidden", row: 0, column: 0) }
        #expect(error.message.contains("NUL"))
        #expect(error.message.contains("A1"))
        try sheet.write("whole", row: 0, column: 1)
        try workbook.close()
        let read = try #require(XLSXDocument(path: path).sheet(named: "Sheet"))
        #expect(read.cell("A1") == nil)
        #expect(read.cell("B1")?.value == .string("whole"))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func numbersExcelCannotStoreAreRefused(number: Double) throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet")
            #expect(throws: XLSXError.self) { try sheet.write(number, row: 0, column: 0) }
        }
    }

    @Test(arguments: [(2026, 2, 29), (2026, 13, 1), (1899, 12, 31), (10_000, 1, 1), (2026, 4, 31)])
    func daysThatAreNotExcelDatesAreRefused(date: (Int, Int, Int)) throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet")
            let format = workbook.addFormat(CellStyle(numberFormat: "yyyy-mm-dd"))
            #expect(throws: XLSXError.self) {
                try sheet.write(date: date.0, month: date.1, day: date.2, row: 0, column: 0, format: format)
            }
        }
    }

    @Test func textLongerThanExcelAllowsIsRefused() throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet")
            let error = try #require(throws: XLSXError.self) {
                try sheet.write(String(repeating: "a", count: 32_768), row: 0, column: 0)
            }
            #expect(error.code != nil)
            try sheet.write(String(repeating: "a", count: 32_767), row: 0, column: 0)
        }
    }

    @Test func formatsBelongToTheirWorkbook() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let first = try Workbook(path: folder.file("first.xlsx"))
        let second = try Workbook(path: folder.file("second.xlsx"))
        let foreign = first.addFormat(CellStyle(bold: true))
        let sheet = try second.addWorksheet(named: "Sheet")
        let error = try #require(throws: XLSXError.self) { try sheet.write("x", row: 0, column: 0, format: foreign) }
        #expect(error.message.contains("another workbook"))
    }

    @Test func badStylesFailAtFirstUse() throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet")
            let badColor = workbook.addFormat(CellStyle(fontColor: 0x1_000_000))
            #expect(throws: XLSXError.self) { try sheet.write("x", row: 0, column: 0, format: badColor) }
            let longFormat = workbook.addFormat(CellStyle(numberFormat: String(repeating: "0", count: 128)))
            #expect(throws: XLSXError.self) { try sheet.write(1, row: 0, column: 1, format: longFormat) }
            let nulFormat = workbook.addFormat(CellStyle(numberFormat: "0\u{0}0"))
            #expect(throws: XLSXError.self) { try sheet.writeBlank(row: 0, column: 2, format: nulFormat) }
        }
    }

    @Test func rangesMustBeOnTheGridAndForwards() throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet")
            let format = workbook.addFormat(CellStyle(bold: true))
            #expect(throws: XLSXError.self) {
                try sheet.autofilter(firstRow: 5, firstColumn: 0, lastRow: 1, lastColumn: 3)
            }
            #expect(throws: XLSXError.self) { try sheet.setColumn(3, 1, width: 10) }
            #expect(throws: XLSXError.self) { try sheet.setColumn(0, 0, width: -1) }
            #expect(throws: XLSXError.self) { try sheet.setColumn(0, Worksheet.maxColumns, width: 10) }
            #expect(throws: XLSXError.self) {
                try sheet.conditionalFormat(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1,
                                            textContaining: "", format: format)
            }
            #expect(throws: XLSXError.self) {
                try sheet.conditionalFormat(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1,
                                            when: .greaterThan(.nan), format: format)
            }
            #expect(throws: XLSXError.self) {
                try sheet.conditionalFormat(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1,
                                            textContaining: "say \"hi\"", format: format)
            }
        }
    }

    @Test func chartMistakesAreReportedByInsert() throws {
        try scratchWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Summary")
            let empty = workbook.addChart(.pie)
            let noSeries = try #require(throws: XLSXError.self) { try sheet.insert(empty, row: 0, column: 0) }
            #expect(noSeries.message.contains("no series"))

            let offGrid = workbook.addChart(.line)
            offGrid.addSeries(name: "Hours", categories: SheetRange(sheet: "Summary", column: 0, rows: -1...3),
                              values: SheetRange(sheet: "Summary", column: 1, rows: 0...3))
            #expect(throws: XLSXError.self) { try sheet.insert(offGrid, row: 0, column: 0) }

            let formula = workbook.addChart(.bar)
            formula.setTitle("=cmd")
            formula.addSeries(name: "Hours", categories: SheetRange(sheet: "Summary", column: 0, rows: 0...3),
                              values: SheetRange(sheet: "Summary", column: 1, rows: 0...3))
            let titleError = try #require(throws: XLSXError.self) { try sheet.insert(formula, row: 0, column: 0) }
            #expect(titleError.message.contains("formula"))

            let good = workbook.addChart(.column)
            good.addSeries(name: "Hours", categories: SheetRange(sheet: "Summary", column: 0, rows: 0...3),
                           values: SheetRange(sheet: "Summary", column: 1, rows: 0...3))
            try sheet.insert(good, row: 0, column: 0)
            let twice = try #require(throws: XLSXError.self) { try sheet.insert(good, row: 10, column: 0) }
            #expect(twice.message.contains("already been inserted"))
        }
    }
}

/// Text comes back exactly as written, whatever characters it holds.
@Suite struct TextRoundTripTests {
    @Test(arguments: [true, false])
    func awkwardTextReadsBackUnchanged(constantMemory: Bool) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let path = folder.file("text.xlsx")
        let texts = [
            "a\u{1}b", "tab\there\nline\r<&>\"'", "  spaced  ", "_x0041_", "=SUM(A1:A2)", "+1", "@home",
            "Ünïcødé — 日本語 — 🎓👩🏽‍🏫", "_x00", "x_x0041__x0042_y",
        ]
        let workbook = try Workbook(path: path, constantMemory: constantMemory)
        let sheet = try workbook.addWorksheet(named: "Text")
        for (row, text) in texts.enumerated() { try sheet.write(text, row: row, column: 0) }
        try workbook.close()
        let read = try #require(XLSXDocument(path: path).sheet(named: "Text"))
        for (row, text) in texts.enumerated() {
            #expect(read.value(row: row, column: 0) == .string(text))
        }
    }
}
