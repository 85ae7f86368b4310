import Foundation
import Testing
import OpenBadges

@Suite struct AwardInstantTests {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let newYork = TimeZone(identifier: "America/New_York") ?? .current

    @Test(arguments: [
        ("2016-12-31T23:59:59Z", 1_483_228_799.0),
        ("2016-12-31T23:59:59+00:00", 1_483_228_799.0),
        ("2022-11-10T07:38:00-08:00", 1_668_094_680.0),
        ("2022-11-10T07:38:00-0800", 1_668_094_680.0),
        ("2022-11-10T07:38:00.250Z", 1_668_065_880.25),
        ("2016-12-31T23:59:59", 1_483_228_799.0),          // no zone: UTC
        ("2016-12-31T23:59", 1_483_228_740.0),
        ("1409337600", 1_409_337_600.0),                   // Unix seconds as text
    ])
    func instantsAreRead(text: String, seconds: Double) {
        #expect(AwardInstant.parse(text) == .instant(Date(timeIntervalSince1970: seconds)), "\(text)")
    }

    @Test func numbersAreUnixSeconds() {
        #expect(AwardInstant.parse(JSONValue.number(1_409_337_600)) == .instant(Date(timeIntervalSince1970: 1_409_337_600)))
    }

    @Test func aPlainDayIsThatDayEverywhere() throws {
        let day = try #require(AwardInstant.parse("2015-04-30"))
        #expect(day == .day(try #require(CalendarDate("2015-04-30"))))
        #expect(day.calendarDate(in: TimeZone(identifier: "Pacific/Kiritimati") ?? utc).description == "2015-04-30")
        #expect(day.calendarDate(in: TimeZone(identifier: "Pacific/Pago_Pago") ?? utc).description == "2015-04-30")
    }

    @Test func instantsBecomeDaysInTheStateTimeZone() throws {
        let lateUTC = try #require(AwardInstant.parse("2017-01-01T03:00:00Z"))
        #expect(lateUTC.calendarDate(in: utc).description == "2017-01-01")
        #expect(lateUTC.calendarDate(in: newYork).description == "2016-12-31")
    }

    @Test(arguments: ["2015-04-31", "2015-13-01", "2015-04-30T24:00:00Z", "2015-04-30T12:60Z", "yesterday", "",
                      "2015-04-30T12:00:00+25:00", "2015-04-30T12:00:00Q", "99999999999999", "2015-4-30", "2015-04-30T"])
    func nonDatesAreRejected(text: String) {
        #expect(AwardInstant.parse(text) == nil, "\(text)")
    }

    @Test func otherJSONValuesAreNotDates() {
        #expect(AwardInstant.parse(JSONValue.bool(true)) == nil)
        #expect(AwardInstant.parse(JSONValue.null) == nil)
    }
}
