/// ISO 8601 / RFC 3339 date-times, parsed without Foundation formatters (which are slow and
/// locale-sensitive): `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH[:MM]|±HHMM]`; no zone means UTC.
enum ISO8601DateTime {
    /// Seconds since 1970-01-01T00:00:00Z, or `nil` when the text is not such a date-time or not a real time.
    static func parse(_ bytes: [UInt8]) -> Double? {
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<width {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2), let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
                || bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2),
              hour <= 23, minute <= 59 else { return nil }
        var seconds = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let whole = number(2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    seconds += Double(bytes[index] - 48) * scale
                    scale /= 10
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                guard let zoneHours = number(2), zoneHours <= 23 else { return nil }
                var zoneMinutes = 0
                if index < bytes.count {
                    _ = expect(UInt8(ascii: ":"))
                    guard let minutes = number(2), minutes <= 59 else { return nil }
                    zoneMinutes = minutes
                }
                offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let secondsOfDay = Double(hour * 3600 + minute * 60) + seconds
        return Double(date.dayNumber) * 86_400 + secondsOfDay - Double(offsetSeconds)
    }
}
