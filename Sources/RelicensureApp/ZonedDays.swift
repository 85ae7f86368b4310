import Foundation
import OpenBadges

/// Turns instants into calendar days in one time zone, fast: the zone's offset is looked up
/// once per hour of time seen (offsets change only at whole-hour transitions in practice) and
/// the day is computed by arithmetic, instead of a calendar calculation per award, which
/// dominated a backfill's profile.
struct ZonedDays {
    let timeZone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    mutating func day(of instant: AwardInstant) -> CalendarDate {
        switch instant {
        case .day(let day): return day
        case .instant(let date): return day(of: date)
        }
    }

    mutating func day(of date: Date) -> CalendarDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let hour = Self.floorDiv(seconds, 3600)
        let offset: Int
        if let known = offsets[hour] {
            offset = known
        } else {
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
            if offsets.count > 100_000 { offsets.removeAll(keepingCapacity: true) }
            offsets[hour] = offset
        }
        return CalendarDate(dayNumber: Self.floorDiv(seconds + offset, 86_400))
    }

    /// `2026-10-01T02:30:00Z`: the instant in UTC, as stored for display.
    static func utcText(_ instant: AwardInstant) -> String {
        switch instant {
        case .day(let day): return day.description
        case .instant(let date):
            let seconds = Int(date.timeIntervalSince1970.rounded(.down))
            let day = CalendarDate(dayNumber: floorDiv(seconds, 86_400))
            let inDay = seconds - floorDiv(seconds, 86_400) * 86_400
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(day)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
        }
    }

    static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
