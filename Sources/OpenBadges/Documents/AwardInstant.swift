public import Foundation

/// When an award was made, as precisely as the document says: an instant, or just a day.
///
/// Read the way the 1EdTech validator upgrades legacy dates (SPEC §4.3): a number (or a string
/// of one) is Unix seconds, an ISO 8601 date-time with a zone is that instant, one without a zone
/// is UTC, and `YYYY-MM-DD` is that calendar day in every time zone.
public enum AwardInstant: Sendable, Hashable {
    case instant(Date)
    case day(CalendarDate)

    /// The calendar day this falls on in `timeZone` (a `.day` is the same day everywhere).
    public func calendarDate(in timeZone: TimeZone) -> CalendarDate {
        switch self {
        case .instant(let date): return CalendarDate(date, in: timeZone)
        case .day(let day): return day
        }
    }

    /// Reads a JSON date value; `nil` when it is not one of the forms above or not a real date.
    public static func parse(_ value: JSONValue) -> AwardInstant? {
        switch value {
        case .number(let seconds, _): return unixSeconds(seconds)
        case .string(let text): return parse(text)
        default: return nil
        }
    }

    /// Reads a date written as text.
    public static func parse(_ text: String) -> AwardInstant? {
        let bytes = Array(Text.trimmedASCIIFast(text).utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
           bytes.count < 25, let seconds = Double(String(decoding: bytes, as: UTF8.self)) {
            return unixSeconds(seconds)
        }
        if bytes.count == 10 {
            return CalendarDate(String(decoding: bytes, as: UTF8.self)).map(AwardInstant.day)
        }
        return ISO8601DateTime.parse(bytes).map { .instant(Date(timeIntervalSince1970: $0)) }
    }

    /// Unix seconds between the years 1 and 9999; others are not dates.
    static func unixSeconds(_ seconds: Double) -> AwardInstant? {
        guard seconds.isFinite, seconds >= -62_135_596_800, seconds < 253_402_300_800 else { return nil }
        return .instant(Date(timeIntervalSince1970: seconds))
    }
}
