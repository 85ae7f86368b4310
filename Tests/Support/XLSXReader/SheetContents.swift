/// One worksheet read back: its cells and the settings a person sees when opening it.
public struct SheetContents: Sendable {
    public let name: String
    /// Every cell the sheet stores, by position.
    public let cells: [CellPosition: CellContents]
    /// Rows frozen at the top (the pane's `ySplit`), 0 when none.
    public let frozenRows: Int
    /// Columns frozen at the left (the pane's `xSplit`), 0 when none.
    public let frozenColumns: Int
    /// The autofilter's range, e.g. `A1:D10`, or `nil`.
    public let autofilterRange: String?
    /// The sheet's `<col>` entries in order.
    public let columns: [ColumnContents]
    public let conditionalFormats: [ConditionalFormatContents]
    /// The charts drawn on this sheet.
    public let charts: [ChartContents]
    /// How the sheet prints.
    public let print: PrintSettings

    /// The cell at a zero-based position, `nil` when none is stored.
    public func cell(row: Int, column: Int) -> CellContents? {
        cells[CellPosition(row: row, column: column)]
    }

    /// The cell named in Excel's `A1` notation, `nil` when none is stored.
    public func cell(_ reference: String) -> CellContents? {
        CellPosition(reference).flatMap { cells[$0] }
    }

    /// The value at a zero-based position, `nil` when no cell is stored there.
    public func value(row: Int, column: Int) -> CellValue? {
        cell(row: row, column: column)?.value
    }

    /// One more than the last row that has a cell (0 for an empty sheet).
    public var rowCount: Int {
        (cells.keys.map(\.row).max() ?? -1) + 1
    }

    /// The width of a zero-based column as given to the writer (characters of the default
    /// font, to the nearest pixel), or `nil` when the column keeps Excel's default width.
    public func columnWidth(_ column: Int) -> Double? {
        columns.first { ($0.firstColumn...$0.lastColumn).contains(column) }?.characterWidth
    }
}

/// How a sheet prints: its `pageSetup`, and the rows repeated on every page (the workbook's
/// `_xlnm.Print_Titles` for the sheet, e.g. `$1:$2`).
public struct PrintSettings: Sendable, Hashable {
    public var landscape = false
    /// Whether the sheet is scaled to fit `fitToWidth` × `fitToHeight` pages (0: as many as needed).
    public var fitToPage = false
    public var fitToWidth = 1
    public var fitToHeight = 1
    public var repeatedRows: String?

    public init(landscape: Bool = false, fitToPage: Bool = false, fitToWidth: Int = 1, fitToHeight: Int = 1,
                repeatedRows: String? = nil) {
        self.landscape = landscape
        self.fitToPage = fitToPage
        self.fitToWidth = fitToWidth
        self.fitToHeight = fitToHeight
        self.repeatedRows = repeatedRows
    }
}

/// A `<col>` entry: the width and visibility of a run of columns.
public struct ColumnContents: Sendable, Hashable {
    /// Zero-based, inclusive.
    public let firstColumn: Int
    public let lastColumn: Int
    /// The width exactly as stored, which includes Excel's cell padding (20 is stored as
    /// 20.7109375).
    public let storedWidth: Double
    public let hidden: Bool

    /// The width a person sees in Excel, in characters: `storedWidth` without the padding,
    /// computed for the default font (Calibri 11: 7-pixel digits, 5 pixels of padding).
    public var characterWidth: Double {
        let pixels = (storedWidth * 7).rounded()
        let characters = pixels <= 12 ? pixels / 12 : (pixels - 5) / 7
        return (characters * 100).rounded() / 100
    }
}

/// A conditional format rule and the range it applies to.
public struct ConditionalFormatContents: Sendable, Hashable {
    /// The cells it covers, e.g. `A2:E100`.
    public let range: String
    /// The rule's type as Excel names it: `containsText`, `cellIs`, `expression`, ...
    public let type: String
    /// For `cellIs` rules: `greaterThan`, `between`, ...
    public let comparison: String?
    /// For text rules: the text looked for.
    public let text: String?
    public let formulas: [String]
    /// The differential format the rule applies, when it has one.
    public let format: CellStyleContents?
}
