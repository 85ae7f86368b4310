import Foundation
import OpenBadges
@testable import RelicensureApp
import Testing

@Suite("Award dates in the state's time zone")
struct ZonedDaysTests {
    @Test("The fast day computation agrees with Foundation's calendar across DST changes and years")
    func agreesWithCalendar() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var days = ZonedDays(zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var seconds = -2_000_000_000
        while seconds < 4_000_000_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = try #require(CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0))
            #expect(days.day(of: date) == expected, "at \(seconds)")
            seconds += 7_919 * 61
        }
    }

    @Test("Instants are stored as UTC text")
    func utcText() {
        #expect(ZonedDays.utcText(.instant(Date(timeIntervalSince1970: 1_790_476_200))) == "2026-09-27T02:30:00Z")
        #expect(ZonedDays.utcText(.instant(Date(timeIntervalSince1970: -1))) == "1969-12-31T23:59:59Z")
    }
}
