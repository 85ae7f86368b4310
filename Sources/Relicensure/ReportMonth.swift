public import OpenBadges

/// A calendar month a report covers, written `YYYY-MM`.
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The month's first day.
    public let firstDay: CalendarDate

    public var year: Int { firstDay.year }
    public var month: Int { firstDay.month }

    /// `nil` when `month` is not 1...12 or `year` not 1...9999.
    public init?(year: Int, month: Int) {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        firstDay = first
    }

    /// The month a day falls in.
    public init(containing date: CalendarDate) {
        firstDay = date.adding(days: 1 - date.day)
    }

    /// Parses exactly `YYYY-MM`; anything else is `nil`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month's last day.
    public var lastDay: CalendarDate {
        firstDay.adding(days: CalendarDate.daysIn(month: month, year: year) - 1)
    }

    /// The month before this one.
    public var previous: ReportMonth { ReportMonth(containing: firstDay.adding(days: -1)) }

    /// The month after this one.
    public var next: ReportMonth { ReportMonth(containing: lastDay.adding(days: 1)) }

    public func contains(_ date: CalendarDate) -> Bool { firstDay <= date && date <= lastDay }

    /// `2026-11`.
    public var description: String { String(firstDay.description.prefix(7)) }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { lhs.firstDay < rhs.firstDay }
}
