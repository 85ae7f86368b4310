/// A rectangle of cells on a named sheet, zero-based and inclusive, e.g. the hours column of
/// the Summary sheet that a chart's series draws.
public struct SheetRange: Sendable, Hashable {
    public var sheet: String
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The rows `rows` of one column.
    public init(sheet: String, column: Int, rows: ClosedRange<Int>) {
        self.init(sheet: sheet, firstRow: rows.lowerBound, firstColumn: column,
                  lastRow: rows.upperBound, lastColumn: column)
    }
}
