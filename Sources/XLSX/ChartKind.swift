internal import CXLSXWriter

/// The kinds of chart a report can draw.
public enum ChartKind: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Vertical bars.
    case column
    /// Horizontal bars.
    case bar
    case line
    case pie

    public var description: String {
        switch self {
        case .column: "column"
        case .bar: "bar"
        case .line: "line"
        case .pie: "pie"
        }
    }

    var libraryType: UInt8 {
        switch self {
        case .column: UInt8(LXW_CHART_COLUMN.rawValue)
        case .bar: UInt8(LXW_CHART_BAR.rawValue)
        case .line: UInt8(LXW_CHART_LINE.rawValue)
        case .pie: UInt8(LXW_CHART_PIE.rawValue)
        }
    }
}
