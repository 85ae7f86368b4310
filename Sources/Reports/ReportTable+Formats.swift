import CSV
public import Foundation

extension ReportTable {
    /// RFC 4180 CSV with a header row, every text cell neutralised against formula injection;
    /// numbers, negative ones too, are written as numbers.
    public var csv: Data {
        var writer = CSVWriter()
        writer.append(columns)
        for row in rows { writer.append(row) }
        return Data(writer.bytes)
    }

    /// A JSON array with one object per row, keyed by column name: hours as numbers, dates as
    /// `YYYY-MM-DD` strings, empty cells as `null`.
    public func json() throws -> Data {
        let objects = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.jsonValue)))
        }
        return try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// Columns aligned with spaces under a header, for a terminal.
    public var text: String {
        let cells = [columns] + rows.map { $0.map(\.plainText) }
        var widths = Array(repeating: 0, count: columns.count)
        for line in cells {
            for (index, cell) in line.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return cells.map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension CSVWriter {
    /// Appends a row of report values: text neutralised, numbers (negative ones too) as numbers.
    mutating func append(_ row: [ReportValue]) {
        for value in row { append(field: value.csvField) }
        endRow()
    }
}

extension ReportValue {
    /// Numbers are written as they are, so that a negative one keeps its sign; the rest is
    /// text, neutralised by the writer.
    var csvField: CSVWriter.Field {
        switch self {
        case .hours, .count: .number(plainText)
        case .text, .date, .empty: .text(plainText)
        }
    }

    /// The value for JSONSerialization.
    public var jsonValue: Any {
        switch self {
        case .text(let text): text
        case .hours(let hours): NSDecimalNumber(string: hours.description)
        case .count(let count): count
        case .date(let date): date.description
        case .empty: NSNull()
        }
    }
}
