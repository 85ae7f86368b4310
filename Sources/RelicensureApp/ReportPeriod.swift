import OpenBadges
import Relicensure

/// The month a monthly report covers: `--month YYYY-MM`, else the month before the as-of date.
enum ReportPeriod {
    static func month(option: String?, asOf: CalendarDate) throws -> ReportMonth {
        let current = ReportMonth(containing: asOf)
        guard let option else { return current.previous }
        guard let month = ReportMonth(option) else {
            throw AppError(.usage, "--month '\(option)' is not a month written YYYY-MM (for example \(current.previous))")
        }
        guard month <= current else {
            throw AppError(.usage, "--month \(month) is after the as-of date \(asOf); nothing of it is known yet. "
                           + "Give an earlier month or a later --as-of")
        }
        return month
    }
}
