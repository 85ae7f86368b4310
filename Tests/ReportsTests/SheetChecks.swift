import CSV
import Foundation
import Testing
import XLSXReader

/// What every sheet of the workbook and every CSV file must show, whatever its data.
enum SheetChecks {
    /// A title row (what the sheet is, the month, the as-of date), then the header bold on a
    /// fill, both frozen, filtered; every column given a width; printed landscape, one page wide,
    /// title and header repeated on each page; no text cell that a spreadsheet could run as a
    /// formula.
    static func expectFormatted(_ sheet: SheetContents, columns: [String], rows: Int,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let title = sheet.cell(row: 0, column: 0)
        #expect(title?.string?.contains("as of 20") == true, "\(sheet.name) title", sourceLocation: sourceLocation)
        #expect(title?.style.bold == true, sourceLocation: sourceLocation)
        #expect(sheet.print == PrintSettings(landscape: true, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
                                             repeatedRows: "$1:$2"), "\(sheet.name) print settings",
                sourceLocation: sourceLocation)
        for (index, name) in columns.enumerated() {
            let header = sheet.cell(row: 1, column: index)
            #expect(header?.string == name, sourceLocation: sourceLocation)
            #expect(header?.style.bold == true, sourceLocation: sourceLocation)
            #expect(header?.style.backgroundColor != nil, sourceLocation: sourceLocation)
            #expect((sheet.columnWidth(index) ?? 0) >= Double(name.count), "\(sheet.name) \(name)",
                    sourceLocation: sourceLocation)
        }
        #expect(sheet.frozenRows == 2, sourceLocation: sourceLocation)
        #expect(sheet.autofilterRange == "A2:\(CellPosition.columnName(columns.count - 1))\(rows + 2)",
                sourceLocation: sourceLocation)
        for cell in sheet.cells.values {
            #expect(cell.stringStorage != .formula, sourceLocation: sourceLocation)
            if let text = cell.string { #expect(!startsLikeAFormula(text), "\(sheet.name): \(text)", sourceLocation: sourceLocation) }
        }
    }

    /// The twelve Credits rows of the layout tests split over sheets of five: each part headed,
    /// frozen and filtered over its own rows; returns the `entry_id`s, sheet after sheet.
    static func creditsSplitOverThreeSheets(_ document: XLSXDocument,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws -> [Double] {
        #expect(document.sheetNames == ["Summary", "Credits", "Credits (2)", "Credits (3)", "Progress", "Pending",
                                        "Exceptions", "Open"], sourceLocation: sourceLocation)
        var ids: [Double] = []
        for (name, rows) in [("Credits", 5), ("Credits (2)", 5), ("Credits (3)", 2)] {
            let sheet = try #require(document.sheet(named: name), sourceLocation: sourceLocation)
            #expect(sheet.cell("A2")?.string == "posted_on", sourceLocation: sourceLocation)
            #expect(sheet.frozenRows == 2, sourceLocation: sourceLocation)
            #expect(sheet.autofilterRange == "A2:C\(rows + 2)", sourceLocation: sourceLocation)
            #expect(sheet.rowCount == rows + 2, sourceLocation: sourceLocation)
            ids += (2...rows + 1).compactMap { sheet.cell(row: $0, column: 1)?.number }
        }
        return ids
    }

    /// Text a spreadsheet would run as a formula; a plain number such as `-10` is a number.
    static func startsLikeAFormula(_ text: String) -> Bool {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return false }
        guard let first = text.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }

    /// Reads a CSV file back with the CSV reader: header and rows, every record well formed.
    static func readCSV(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        try readCSVText(try String(contentsOfFile: path, encoding: .utf8), sourceLocation: sourceLocation)
    }

    static func readCSVText(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let records = try CSVReader(text).map { try $0.get().fields }
        for field in records.joined() {
            #expect(!startsLikeAFormula(field), "\(field)", sourceLocation: sourceLocation)
        }
        return records
    }

    /// The text of a cell as the CSV writes it: strings as they are, numbers as decimals,
    /// dates (numbers in a date format) as YYYY-MM-DD.
    static func csvText(_ cell: CellContents?) -> String {
        guard let cell else { return "" }
        switch cell.value {
        case .string(let text): return text
        case .number(let number) where cell.numberFormatCode == "yyyy-mm-dd":
            return excelDate(number)
        case .number(let number):
            return number == number.rounded() ? String(Int(number)) : String(number)
        default: return ""
        }
    }

    /// Excel's day serial as YYYY-MM-DD (serial 25569 is 1970-01-01).
    static func excelDate(_ serial: Double) -> String {
        let date = Date(timeIntervalSince1970: (serial - 25_569) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
