public import OpenBadges

/// Where an educator stands on the hours of their current license term (SPEC §6), the first
/// that applies, in this order.
public enum ProgressStatus: String, Sendable, CaseIterable, Codable {
    /// Renews through the National Board, not by hours.
    case advancedLicense = "advanced_license"
    /// Hours credited reach the hours required.
    case complete
    /// Short of hours, and the term has ended or ends within 90 days of the as-of date.
    case endingShort = "ending_short"
    /// The share of hours earned is smaller than the share of the term gone by.
    case behind
    case onTrack = "on_track"
}

/// One educator's hours against the state's requirement on a given day: a pure computation
/// that the Progress sheet, `report progress` and the transcript all share.
public struct Progress: Sendable, Hashable {
    /// A term ending within this many days of the as-of date counts as ending.
    public static let endingWindowDays = 90

    /// Net hours credited for awards dated within the current term: our ledger.
    public let credited: ClockHours
    /// Hours PDMS holds for activities completed within the current term that are not our own
    /// credits (SPEC §6 "All of an educator's hours"); zero without a PDMS import.
    public let other: ClockHours
    public let required: ClockHours
    public let status: ProgressStatus

    /// - Parameters:
    ///   - credited: net standing hours (ADD − REVERSE) of ledger entries whose award date lies
    ///     in the educator's current term.
    ///   - other: the PDMS hours of the term that are not ours (SPEC §4.5).
    ///   - asOf: the day the report is as of.
    public init(educator: Educator, credited: ClockHours, other: ClockHours = .zero, required: ClockHours,
                asOf: CalendarDate) {
        self.credited = credited
        self.other = other
        self.required = required
        self.status = Self.status(advancedLicense: educator.hasAdvancedLicense, term: educator.term,
                                  credited: credited + other, required: required, asOf: asOf)
    }

    /// Every hour of the term: ours and PDMS's others. The status and what remains are on it.
    public var total: ClockHours { credited + other }

    /// Hours still to earn: never negative, and none for an advanced license, whose holder does
    /// not renew by hours.
    public var remaining: ClockHours {
        status == .advancedLicense ? .zero : max(.zero, required - total)
    }

    /// SPEC §6, the first status that applies, on `credited` = all the hours of the term. An educator without a term on record can earn
    /// nothing (every award is `outside_license_term`), so short of hours they are `behind`
    /// until the roster gives them a term.
    public static func status(advancedLicense: Bool, term: LicenseTerm?, credited: ClockHours,
                              required: ClockHours, asOf: CalendarDate) -> ProgressStatus {
        if advancedLicense { return .advancedLicense }
        if credited >= required { return .complete }
        guard let term else { return .behind }
        if term.end <= asOf.adding(days: endingWindowDays) { return .endingShort }
        // hours ÷ required < elapsed ÷ term days, in whole hundredths and days so that no
        // rounding can tip an educator from one status to the other.
        let elapsed = daysElapsed(in: term, asOf: asOf)
        if credited.hundredths * term.length < required.hundredths * elapsed { return .behind }
        return .onTrack
    }

    /// Whole days of the term gone by before the as-of day: 0 on the first day of the term
    /// (and before it), the whole term after its last day.
    public static func daysElapsed(in term: LicenseTerm, asOf: CalendarDate) -> Int {
        min(max(term.start.days(until: asOf), 0), term.length)
    }
}
