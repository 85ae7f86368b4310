import OpenBadges
import Relicensure
import Testing

@Suite("Progress status (SPEC §6), the first that applies")
struct ProgressStatusTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(dayNumber: 0) }

    /// A five-year term, 2022-07-01 to 2027-06-30 (1,826 days).
    static let term = LicenseTerm(start: date("2022-07-01"), end: date("2027-06-30"))

    static func educator(licenseType: String? = "continuing", term: LicenseTerm? = term) -> Educator {
        Educator(id: "0040100", firstName: "Avery", lastName: "Abbott", email: "a@k12.de.us", districtCode: "31",
                 licenseType: licenseType, term: term)
    }

    static func status(_ hours: Int, asOf: String, licenseType: String? = "continuing",
                       term: LicenseTerm? = term) -> ProgressStatus {
        Progress(educator: educator(licenseType: licenseType, term: term), credited: ClockHours(hours),
                 required: ClockHours(90), asOf: date(asOf)).status
    }

    @Test("An advanced license comes first, whatever the hours and the term")
    func advancedFirst() {
        #expect(Self.status(0, asOf: "2027-06-01", licenseType: "advanced") == .advancedLicense)
        #expect(Self.status(120, asOf: "2023-01-01", licenseType: "Advanced") == .advancedLicense)
        let progress = Progress(educator: Self.educator(licenseType: "advanced"), credited: ClockHours(10),
                                required: ClockHours(90), asOf: Self.date("2026-11-20"))
        #expect(progress.remaining == .zero)
    }

    @Test("Complete once the hours reach the requirement, even in the last days of the term")
    func complete() {
        #expect(Self.status(90, asOf: "2027-06-20") == .complete)
        #expect(Self.status(95, asOf: "2022-08-01") == .complete)
    }

    @Test("Ending short: the term ended, or ends within 90 days, and hours are short", arguments: [
        ("2027-04-01", ProgressStatus.endingShort),  // 90 days before the end: within the window
        ("2027-03-31", ProgressStatus.behind),       // 91 days before: not yet ending
        ("2027-06-30", ProgressStatus.endingShort),  // the last day
        ("2028-01-15", ProgressStatus.endingShort),  // after the term ended
    ])
    func endingShort(asOf: String, expected: ProgressStatus) {
        #expect(Self.status(60, asOf: asOf) == expected)
    }

    @Test("Behind when the share of hours is smaller than the share of the term gone by")
    func behind() {
        // 2024-12-30 is day 913 of 1,826: exactly half the term gone by.
        #expect(Progress.daysElapsed(in: Self.term, asOf: Self.date("2024-12-30")) == 913)
        #expect(Self.status(45, asOf: "2024-12-30") == .onTrack)   // 45/90 = 913/1826
        #expect(Self.status(44, asOf: "2024-12-30") == .behind)
        #expect(Self.status(45, asOf: "2024-12-31") == .behind)    // one more day gone by
    }

    @Test("On track at the start of the term and before it, with no hours yet")
    func onTrack() {
        #expect(Self.status(0, asOf: "2022-07-01") == .onTrack)
        #expect(Self.status(0, asOf: "2022-01-01") == .onTrack)
        #expect(Progress.daysElapsed(in: Self.term, asOf: Self.date("2022-01-01")) == 0)
        #expect(Progress.daysElapsed(in: Self.term, asOf: Self.date("2030-01-01")) == Self.term.length)
    }

    @Test("Without a term on record nothing can be earned: behind unless complete")
    func noTerm() {
        #expect(Self.status(0, asOf: "2026-11-20", term: nil) == .behind)
        #expect(Self.status(90, asOf: "2026-11-20", term: nil) == .complete)
    }

    @Test("Remaining hours never go below zero; fractional hours stay exact")
    func remaining() {
        let over = Progress(educator: Self.educator(), credited: ClockHours(100), required: ClockHours(90),
                            asOf: Self.date("2026-11-20"))
        #expect(over.remaining == .zero)
        let part = Progress(educator: Self.educator(), credited: ClockHours("12.5") ?? .zero, required: ClockHours(90),
                            asOf: Self.date("2026-11-20"))
        #expect(part.remaining.description == "77.5")
    }
}

@Suite("Report months")
struct ReportMonthTests {
    @Test("YYYY-MM is parsed exactly", arguments: [("2026-11", "2026-11"), ("2024-02", "2024-02")])
    func parse(text: String, printed: String) {
        #expect(ReportMonth(text)?.description == printed)
    }

    @Test("Anything else is refused", arguments: ["2026-13", "2026-1", "26-11", "2026/11", "2026-11-01", "", "2026-00"])
    func refuse(text: String) {
        #expect(ReportMonth(text) == nil)
    }

    @Test("First and last days, leap years, and the months around")
    func days() throws {
        let february = try #require(ReportMonth(year: 2028, month: 2))
        #expect(february.firstDay.description == "2028-02-01")
        #expect(february.lastDay.description == "2028-02-29")
        let january = try #require(ReportMonth("2026-01"))
        #expect(january.previous.description == "2025-12")
        #expect(january.previous.next == january)
        let day = try #require(CalendarDate("2026-11-20"))
        #expect(ReportMonth(containing: day).description == "2026-11")
        #expect(ReportMonth(containing: day).contains(day))
        #expect(!january.contains(day))
    }
}

@Suite("Outcomes explained")
struct OutcomeExplanationTests {
    @Test("Plain words, with the engine's detail where there is one")
    func explanation() {
        #expect(Outcome.credited.explanation(detail: "") == "Credited")
        #expect(Outcome.credited.explanation(detail: "capped").hasPrefix("Credited in part"))
        #expect(Outcome.invalid.explanation(detail: "malformed_json") == "The badge file could not be read (malformed_json)")
        #expect(Outcome.revoked.explanation(detail: "revoked_after_credit").contains("hours were taken back"))
    }
}
