public import OpenBadges
public import Relicensure

/// One cell of a report, typed so that a workbook shows real numbers and dates while CSV and
/// text show the same value written out.
public enum ReportValue: Sendable, Hashable {
    case text(String)
    case hours(ClockHours)
    case count(Int)
    case date(CalendarDate)
    case empty

    /// Text, or `.empty` when there is none.
    public static func text(_ text: String?) -> ReportValue {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }

    /// A date, or `.empty` when there is none.
    public static func date(_ date: CalendarDate?) -> ReportValue {
        date.map { .date($0) } ?? .empty
    }

    /// The value as CSV and plain text show it: hours as `10` or `7.5`, dates as `YYYY-MM-DD`.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .hours(let hours): hours.description
        case .count(let count): String(count)
        case .date(let date): date.description
        case .empty: ""
        }
    }
}

/// A table of a report: a sheet of the monthly workbook, its CSV file, or the rows of
/// `report progress`. Every row has one value per column.
public struct ReportTable: Sendable {
    /// The sheet's name, e.g. `Credits`.
    public var name: String
    /// The column names, written as the header row.
    public var columns: [String]
    public var rows: [[ReportValue]]

    public init(name: String, columns: [String], rows: [[ReportValue]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// The position of the column called `name`.
    public func column(named name: String) -> Int? { columns.firstIndex(of: name) }
}
