/// How a cell looks: the value a report asks for, before it becomes a libxlsxwriter format.
///
/// Two equal styles become the same format in a workbook (`Workbook.addFormat` caches them), so a
/// report can ask for a style per cell without filling the file with duplicates.
public struct CellStyle: Sendable, Hashable {
    public var bold: Bool
    public var italic: Bool
    /// The font colour as `0xRRGGBB`; `nil` keeps Excel's automatic colour.
    public var fontColor: UInt32?
    /// A solid fill as `0xRRGGBB`; `nil` leaves the cell unfilled.
    public var backgroundColor: UInt32?
    /// An Excel number format code such as `"yyyy-mm-dd"`, `"0.0"` or `"#,##0"`; `nil` is General.
    /// At most 127 bytes.
    public var numberFormat: String?
    /// A thin border on all four sides.
    public var border: Bool
    public var textWrap: Bool
    /// The horizontal alignment; `nil` lets Excel align by type (text left, numbers right).
    public var alignment: HorizontalAlignment?

    public init(bold: Bool = false, italic: Bool = false, fontColor: UInt32? = nil,
                backgroundColor: UInt32? = nil, numberFormat: String? = nil, border: Bool = false,
                textWrap: Bool = false, alignment: HorizontalAlignment? = nil) {
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.backgroundColor = backgroundColor
        self.numberFormat = numberFormat
        self.border = border
        self.textWrap = textWrap
        self.alignment = alignment
    }
}

/// Where text sits across a cell.
public enum HorizontalAlignment: Sendable, Hashable, CaseIterable {
    case left
    case center
    case right
    case justify
}
