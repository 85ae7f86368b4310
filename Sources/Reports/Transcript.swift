public import OpenBadges
public import Relicensure

/// One educator's hours and every award matched to them (SPEC §6): what an administrator
/// reads to answer "how many hours does she have, and why not this badge?".
public struct Transcript: Sendable {
    /// One award on the transcript.
    public struct Award: Sendable, Hashable {
        public var awardID: String
        public var badgeID: String?
        public var badgeName: String?
        public var issuerID: String?
        public var issuerName: String?
        public var awardDate: CalendarDate?
        /// The outcome code, e.g. `credited` or `pending_approval`.
        public var outcome: String
        /// Hours that stand for the award (net of reversals).
        public var hours: ClockHours
        /// The outcome in plain words.
        public var reason: String
        /// `capped` for a credit a cap cut short (SPEC §6), else nil.
        public var note: String?

        public init(awardID: String, badgeID: String?, badgeName: String?, issuerID: String?, issuerName: String?,
                    awardDate: CalendarDate?, outcome: String, hours: ClockHours, reason: String, note: String? = nil) {
            self.note = note
            self.awardID = awardID
            self.badgeID = badgeID
            self.badgeName = badgeName
            self.issuerID = issuerID
            self.issuerName = issuerName
            self.awardDate = awardDate
            self.outcome = outcome
            self.hours = hours
            self.reason = reason
        }
    }

    /// A PDMS activity on the transcript, and whether it counts as one of the `other_hours`.
    public struct OtherActivity: Sendable, Hashable {
        public var activity: PDMSActivity
        /// Why it does not count (one of our own credits, outside the term), or `nil` when it does.
        public var notCounted: String?

        public init(activity: PDMSActivity, notCounted: String?) {
            self.activity = activity
            self.notCounted = notCounted
        }
    }

    public var educator: Educator
    public var asOf: CalendarDate
    /// Hours of the term: ours (`credited`), PDMS's others (`other`), both (`total`).
    public var progress: Progress
    public var awards: [Award]
    /// The date of the PDMS import `progress.other` comes from; `nil` when none is on record.
    public var pdmsImportedOn: CalendarDate?
    /// The educator's activities in that import: what `progress.other` adds up, and the rows
    /// left out of it with the reason (shown in the text form, to explain the number).
    public var otherActivities: [OtherActivity]

    public init(educator: Educator, asOf: CalendarDate, progress: Progress, awards: [Award],
                pdmsImportedOn: CalendarDate? = nil, otherActivities: [OtherActivity] = []) {
        self.educator = educator
        self.asOf = asOf
        self.progress = progress
        self.awards = awards
        self.pdmsImportedOn = pdmsImportedOn
        self.otherActivities = otherActivities
    }

    /// Where the other hours come from, as every output says it (SPEC §6: without an import,
    /// that no PDMS hours are on record).
    public var otherHoursFrom: String { Self.otherHoursFrom(pdmsImportedOn) }

    /// The words every report uses for where other hours come from: the PDMS import of that
    /// day, or none on record.
    public static func otherHoursFrom(_ pdmsImportedOn: CalendarDate?) -> String {
        pdmsImportedOn.map { "PDMS import of \($0)" } ?? "no PDMS hours on record"
    }

    /// The awards as a table: the CSV form of the transcript and the body of its text form.
    public var awardTable: ReportTable {
        ReportTable(
            name: "Awards",
            columns: ["educator_id", "award_id", "badge_id", "badge_name", "issuer_id", "issuer_name", "award_date",
                      "outcome", "hours", "reason", "credited_hours", "other_hours", "total_hours", "other_hours_from"],
            rows: awards.map { award in
                [.text(educator.id), .text(award.awardID), .text(award.badgeID), .text(award.badgeName),
                 .text(award.issuerID), .text(award.issuerName), .date(award.awardDate), .text(award.outcome),
                 .hours(award.hours), .text(award.reason), .hours(progress.credited), .hours(progress.other),
                 .hours(progress.total), .text(otherHoursFrom)]
            })
    }
}
