/// What a cell holds, as Excel would read it.
public enum CellValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    /// A cell that exists only to carry a format.
    case blank
    /// An error value such as `#N/A`.
    case error(String)
}

/// Where a string cell keeps its text.
public enum StringStorage: Sendable, Hashable {
    /// In the workbook's shared string table (`t="s"`).
    case shared
    /// In the cell itself (`t="inlineStr"`), as constant-memory writers do.
    case inline
    /// The cached result of a formula (`t="str"`).
    case formula
}

/// One cell read back: its value and its resolved style.
public struct CellContents: Sendable, Hashable {
    public let value: CellValue
    /// How a string was stored; `nil` for other values.
    public let stringStorage: StringStorage?
    /// The cell's index into the workbook's cell formats (`s`), 0 when it has none.
    public let styleIndex: Int
    public let style: CellStyleContents

    /// The number format's id: below 164 one of Excel's built-in formats, otherwise the
    /// workbook's own.
    public var numberFormatID: Int { style.numberFormatID }
    /// The number format's code, e.g. `General`, `yyyy-mm-dd`, `0.0`.
    public var numberFormatCode: String { style.numberFormatCode }

    /// The text of a string cell, `nil` for any other value.
    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The number of a numeric cell (dates included), `nil` for any other value.
    public var number: Double? {
        if case .number(let number) = value { return number }
        return nil
    }
}

/// A cell format from the workbook's styles part, resolved to what it shows.
public struct CellStyleContents: Sendable, Hashable {
    public var numberFormatID: Int = 0
    public var numberFormatCode: String = "General"
    public var bold = false
    public var italic = false
    /// `0xRRGGBB`, or `nil` for Excel's automatic colour.
    public var fontColor: UInt32?
    /// The solid fill's colour as `0xRRGGBB`, or `nil` when the cell is not filled.
    public var backgroundColor: UInt32?
    /// Whether any side of the cell has a border.
    public var border = false
    public var textWrap = false
    /// The horizontal alignment as Excel names it (`left`, `center`, ...), `nil` for General.
    public var horizontalAlignment: String?

    public init() {}
}
