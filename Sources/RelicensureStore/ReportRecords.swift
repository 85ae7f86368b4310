public import OpenBadges
public import Relicensure

/// One ledger entry with the badge's and issuer's names: a row of the Credits sheet.
public struct LedgerLine: Sendable, Hashable {
    public var entryID: Int64
    public var postedOn: CalendarDate
    public var educatorID: String
    public var awardID: String
    public var badgeName: String
    public var issuerName: String
    public var awardDate: CalendarDate
    public var action: Posting.Action
    /// `credit`, `reversal` or `correction`.
    public var kind: String
    public var hours: ClockHours
    public var creditType: String
    public var reason: String
    /// Who recorded a correction; `nil` for the nightly job's own entries.
    public var recordedBy: String?
}

/// An award with its outcome as of a day (and, for one educator's awards, the hours that stand
/// for it then).
public struct AwardStanding: Sendable, Hashable {
    public var awardID: String
    public var sourcePath: String
    /// The line of a bundle (`.jsonl`) the award came from.
    public var sourceLine: Int?
    public var badgeID: String?
    public var badgeName: String?
    public var issuerID: String?
    public var issuerName: String?
    public var awardDate: CalendarDate?
    public var firstSeenOn: CalendarDate
    /// The stored outcome code (`credited`, `pending_approval`, …); `nil` when the award was
    /// never evaluated by that day.
    public var outcome: String?
    /// The engine's short detail, e.g. `capped` or `malformed_json`.
    public var reason: String
    /// The educator the award was matched to, when it was.
    public var educatorID: String?
    /// Net hours (ADD − REVERSE) posted for the award by that day: read for one educator's
    /// awards (`AwardSelection.educator`, their transcript), `nil` for the other selections,
    /// whose sheets and pages do not show them.
    public var hours: ClockHours?
    /// The recipient as received: the plain address, or `hashed` (SPEC §6, Exceptions).
    public var recipient: String?

    /// The educators an `ambiguous_recipient` or `inactive_educator` award names.
    public var candidates: [String] { Decision.candidates(inDetail: reason) }
}

/// Which awards a report wants.
public enum AwardSelection: Sendable, Hashable {
    /// First seen (read from a file) between the two days, both included, and not credited as
    /// of the day asked about (never evaluated counts as not credited): a report's exceptions.
    case uncreditedFirstSeen(from: CalendarDate, through: CalendarDate)
    /// Whose outcome is this code.
    case outcome(String)
    /// Matched to this educator, or with hours posted to them.
    case educator(String)
    /// Not credited and not `invalid` or `revoked` (never evaluated counts as open), whatever
    /// day it was first seen: the Open sheet, oldest first.
    case open
}

/// Hours of one educator, for the Progress and Summary sheets.
public struct EducatorHours: Sendable, Hashable {
    /// Net hours of entries whose award date lies in the educator's current term.
    public var term: ClockHours
    /// Net hours of entries posted in the report's month.
    public var month: ClockHours

    public init(term: ClockHours = .zero, month: ClockHours = .zero) {
        self.term = term
        self.month = month
    }
}
