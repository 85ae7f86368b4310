import Foundation
import Testing
import OpenBadges

/// `CalendarDate` reads and writes `YYYY-MM-DD` and nothing else: the form the database, the
/// PDMS file and the reports all use.
@Suite struct CalendarDateTests {
    @Test(arguments: [("2026-11-20", 2026, 11, 20), ("0042-03-07", 42, 3, 7), ("9999-12-31", 9999, 12, 31),
                      ("2024-02-29", 2024, 2, 29), ("0001-01-01", 1, 1, 1)])
    func readsAndWritesTheSameText(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(text))
        #expect((date.year, date.month, date.day) == (year, month, day))
        #expect(date.description == text)
        #expect(CalendarDate(Substring("x\(text)x").dropFirst().dropLast()) == date)
    }

    @Test(arguments: ["", "2026-1-20", "2026-11-2", "2026/11/20", "2026-11-20 ", " 2026-11-20", "2026-13-01",
                      "2025-02-29", "0000-01-01", "2026-11-31", "２０２６-11-20", "20261-1-20", "2026-11-20T00:00"])
    func refusesAnythingElse(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: [-1_000_000, 3_000_000])
    func daysBeyondTheFourDigitYearsAreStillWritten(dayNumber: Int) {
        let date = CalendarDate(dayNumber: dayNumber)
        #expect(date.description == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
    }

    @Test func everyDayOfFourCenturiesRoundTrips() throws {
        var day = try #require(CalendarDate(year: 1900, month: 1, day: 1))
        let last = try #require(CalendarDate(year: 2300, month: 12, day: 31))
        var mismatched: [String] = []
        while day <= last {
            if CalendarDate(day.description) != day { mismatched.append(day.description) }
            day = day.adding(days: 1)
        }
        #expect(mismatched.isEmpty)
    }
}
