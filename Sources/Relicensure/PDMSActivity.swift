public import OpenBadges

/// One row of the PDMS transcript export (SPEC §4.5): a professional-learning activity PDMS
/// has recorded for an educator — a course, a workshop, or a micro-credential HR keyed in.
/// Never posted to our ledger: it only counts towards `other_hours` and is reconciled (§9).
public struct PDMSActivity: Sendable, Hashable {
    /// The file's line it came from (the header being line 1).
    public var line: Int
    public var educatorID: String
    public var activityTitle: String
    public var provider: String?
    public var completionDate: CalendarDate
    public var clockHours: ClockHours
    /// What PDMS keeps of our `credential_id`, when the row came from one of our files.
    public var credentialID: String?
    /// PDMS's own id of the row.
    public var recordID: String?

    public init(line: Int, educatorID: String, activityTitle: String, provider: String?, completionDate: CalendarDate,
                clockHours: ClockHours, credentialID: String?, recordID: String?) {
        self.line = line
        self.educatorID = educatorID
        self.activityTitle = activityTitle
        self.provider = provider
        self.completionDate = completionDate
        self.clockHours = clockHours
        self.credentialID = credentialID
        self.recordID = recordID
    }
}
